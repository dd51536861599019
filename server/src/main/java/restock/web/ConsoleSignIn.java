package restock.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import restock.service.StaffAccounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;

/**
 * Signing in and out of the console: a sign-in form carrying a token of its own (a cookie to match, as there is no
 * session yet), the page asked for kept through it, and a session cookie once the password is right.
 */
final class ConsoleSignIn {
    private final Console console;
    private final StaffAccounts accounts;
    private final Pages pages = new Pages();

    ConsoleSignIn(Console console, StaffAccounts accounts) {
        this.console = console;
        this.accounts = accounts;
    }

    void register(RoutesConfig routes) {
        routes.get("/console/login", this::loginPage);
        routes.post("/console/login", this::login);
        routes.post("/console/logout", console.page(this::logout));
    }

    private void loginPage(Context ctx) {
        String next = ctx.queryParam(ConsoleAddresses.NEXT);
        if (accounts.session(ctx.cookie(Console.SESSION_COOKIE)).isPresent()) {
            ctx.redirect(ConsoleAddresses.afterSignIn(next), HttpStatus.SEE_OTHER);
            return;
        }
        showLogin(ctx, "", "", next);
    }

    /** The sign-in form, carrying the page asked for ({@code next}) when it is a console page, and nothing otherwise. */
    private void showLogin(Context ctx, String error, String username, String next) {
        String token = console.randomToken();
        ctx.cookie(Console.cookie(ctx, Console.LOGIN_COOKIE, token, "/console/login", 3600));
        ctx.html(pages.render("console/login.jte", Map.of("loginToken", token, "error", error, "username", username,
                "next", ConsoleAddresses.consolePage(next).orElse(""))));
    }

    private void login(Context ctx) {
        // The sign-in form is held to what every console form is (it has no session to check first).
        Optional<String> notAForm = FormInput.notAForm(ctx);
        if (notAForm.isPresent()) {
            ctx.status(415);
            showLogin(ctx, notAForm.get(), "", null);
            return;
        }
        Optional<String> unreadable = FormInput.undecodable(ctx).or(() -> FormInput.unreadable(ctx).map(FormInput::words))
                .or(() -> Console.repeatedField(ctx, input -> false).map(field -> Console.repeatedWords(ctx, field)));
        if (unreadable.isPresent()) {
            ctx.status(400);
            showLogin(ctx, unreadable.get(), "", null);
            return;
        }
        String expected = ctx.cookie(Console.LOGIN_COOKIE);
        String presented = ctx.formParam("_login");
        String username = Optional.ofNullable(ctx.formParam("username")).orElse("");
        String next = ctx.formParam(ConsoleAddresses.NEXT);
        if (expected == null || presented == null || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                presented.getBytes(StandardCharsets.UTF_8))) {
            ctx.status(403);
            showLogin(ctx, "The sign-in form had expired. Please sign in again.", "", next);
            return;
        }
        char[] password = Optional.ofNullable(ctx.formParam("password")).orElse("").toCharArray();
        StaffAccounts.Login result = accounts.login(username, password);
        java.util.Arrays.fill(password, '\0');
        if (result instanceof StaffAccounts.Login.SignedIn signedIn) {
            int seconds = (int) StaffAccounts.SESSION_LIFETIME.toSeconds();
            ctx.cookie(Console.cookie(ctx, Console.SESSION_COOKIE, signedIn.sessionToken(), "/console", seconds));
            ctx.removeCookie(Console.LOGIN_COOKIE, "/console/login");
            ctx.redirect(ConsoleAddresses.afterSignIn(next), HttpStatus.SEE_OTHER);
        } else if (result instanceof StaffAccounts.Login.Refused refused) {
            ctx.status(401);
            showLogin(ctx, refused.reason(), username.length() <= 64 ? username : "", next);
        }
    }

    private void logout(Context ctx) {
        accounts.logout(ctx.cookie(Console.SESSION_COOKIE));
        ctx.removeCookie(Console.SESSION_COOKIE, "/console");
        ctx.redirect("/console/login", HttpStatus.SEE_OTHER);
    }
}
