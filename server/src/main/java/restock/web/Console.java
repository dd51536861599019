package restock.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;
import restock.common.Conflict;
import restock.common.InvalidInput;
import restock.common.NotFound;
import restock.service.ConsoleQueries;
import restock.service.JobLeases;
import restock.service.PlanAgain;
import restock.service.PlanningQueries;
import restock.service.Restock;
import restock.service.StaffAccounts;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The operations console under /console: staff sign in with a user and password (never the API key), every page is
 * a JTE template, and every state-changing request must carry the session's CSRF token and come from this origin.
 */
public final class Console {
    static final String SESSION_COOKIE = "restock_session";
    static final String LOGIN_COOKIE = "restock_login";
    static final String FLASH_COOKIE = "restock_flash";
    static final String CSRF_FIELD = "_csrf";
    static final String CSRF_HEADER = "X-CSRF-Token";
    /** The form field carrying the page's one-time key (see {@link Chrome#formKey}). */
    static final String ONCE_FIELD = "_once";
    /** Longest flash message kept in its cookie; longer ones are cut with an ellipsis (they are our own sentences). */
    static final int MAX_FLASH_LENGTH = 300;
    private static final String SESSION_ATTRIBUTE = "restock.staff";
    /** Set on a request the console answered with a page of its own, a 404 that names the missing record among them. */
    private static final String ANSWERED_ATTRIBUTE = "restock.console.page";

    private final StaffAccounts accounts;
    private final Pages pages = new Pages();
    private final SecureRandom random = new SecureRandom();
    private final ConsolePages getPages;
    private final ConsoleActions actions;

    /** Whether the storefront demo page is served (at /shop), so the console links to it. */
    private final boolean shopDemo;

    public Console(Restock restock, StaffAccounts accounts) {
        this(restock, accounts, false);
    }

    private final PlanAgainPanel planAgain;
    private final ConsoleSignIn signIn;

    public Console(Restock restock, StaffAccounts accounts, boolean shopDemo) {
        this.accounts = accounts;
        this.shopDemo = shopDemo;
        ConsoleQueries queries = new ConsoleQueries(restock);
        PlanningQueries planning = new PlanningQueries(restock);
        // A lease holder of its own: "Plan again now" is one run at a time across every instance on the database.
        JobLeases leases = new JobLeases(restock, JobLeases.newHolderName(), JobLeases.DEFAULT_LEASE, restock.clock());
        this.planAgain = new PlanAgainPanel(this, new PlanAgain(restock, planning, leases, restock.clock()));
        this.getPages = new ConsolePages(this, restock, queries, planning, planAgain);
        this.actions = new ConsoleActions(this, restock, getPages);
        this.signIn = new ConsoleSignIn(this, accounts);
    }

    /** The console's routes, one table; its static files and WebJars are served by the caller's static-file config. */
    public void register(RoutesConfig routes) {
        routes.before("/console", this::requireSession);
        routes.before("/console/*", this::requireSession);
        routes.get("/console", ctx -> ctx.redirect("/console/overview", HttpStatus.SEE_OTHER));
        routes.get("/console/", ctx -> ctx.redirect("/console/overview", HttpStatus.SEE_OTHER));
        signIn.register(routes);
        getPages.register(routes);
        actions.register(routes);
        planAgain.register(routes);
    }

    /**
     * Wraps a handler so that a refused input, a conflict or a missing record is shown as a page that says why. A form
     * sent to it may send each field once (see {@link #repeatedField}), and the fields and the query it reads are text
     * (see {@link FormInput}): a NUL reached the database and answered 500 (an outside check).
     */
    Handler page(Handler handler) {
        return page(input -> false, ctx -> {
            Optional<FormInput.Unreadable> unreadable = FormInput.unreadable(ctx);
            if (unreadable.isPresent()) {
                throw new InvalidInput(unreadable.get().field(), FormInput.words(unreadable.get()));
            }
            handler.handle(ctx);
        });
    }

    private Handler page(Predicate<String> mayRepeat, Handler handler) {
        return ctx -> {
            try {
                if (ctx.method().name().equals("POST")) {
                    Optional<String> repeated = repeatedField(ctx, mayRepeat);
                    if (repeated.isPresent()) {
                        throw new InvalidInput(repeated.get(), repeatedWords(ctx, repeated.get()));
                    }
                }
                handler.handle(ctx);
            } catch (InvalidInput e) {
                problem(ctx, 400, "That did not work", e.getMessage());
            } catch (Conflict e) {
                problem(ctx, 409, "That cannot be done now", e.getMessage());
            } catch (NotFound e) {
                problem(ctx, 404, "Not found", e.getMessage());
            }
        };
    }

    /** A page that shows a form, blank or as a refusal sent it back. */
    @FunctionalInterface
    interface FormPage {
        void show(Context ctx, FormState form) throws Exception;
    }

    /**
     * Wraps a form's handler: a refused input, a conflict or a missing record named by the form shows the form's page
     * again, with what the user typed and the reason at the field it names, in the form's words (the form was lost
     * and its errors used the API's names, such as lines[0].quantity, an outside check); so is a field that is not
     * text ({@link FormInput}). A page that cannot show (its record is gone) falls back to the page that says why.
     */
    Handler form(ConsoleForm form, FormPage page, Handler handler) {
        return page(form::mayRepeat, ctx -> {
            try {
                Optional<FormInput.Unreadable> unreadable = FormInput.unreadable(ctx);
                if (unreadable.isPresent()) {
                    throw FormInput.refusal(ctx, form, unreadable.get());
                }
                handler.handle(ctx);
            } catch (InvalidInput e) {
                showRefused(ctx, 400, form, page, e);
            } catch (Conflict e) {
                showRefused(ctx, 409, form, page, e);
            } catch (NotFound e) {
                showRefused(ctx, 404, form, page, e);
            }
        });
    }

    /**
     * The first field a form sent more than once that it does not repeat on purpose (a purchase order's lines, the
     * boxes ticked): the console took the first value and dropped the rest ({@code quantity=1&quantity=5} ordered one
     * unit, an outside check), so such a form is refused whole, every console form here, before anything is read.
     */
    static Optional<String> repeatedField(Context ctx, Predicate<String> mayRepeat) {
        return ctx.formParamMap().entrySet().stream().filter(field -> field.getValue().size() > 1 && !mayRepeat.test(field.getKey()))
                .map(Map.Entry::getKey).findFirst();
    }

    static String repeatedWords(Context ctx, String field) {
        return "This form sent the field '" + FormInput.shownName(field) + "' " + ctx.formParams(field).size() + " times, and a console form sends each field "
                + "once, so nothing was changed. Reload the page and send the form again.";
    }

    private static void showRefused(Context ctx, int status, ConsoleForm form, FormPage page, RuntimeException refusal) throws Exception {
        if (ctx.header("HX-Request") != null) {
            throw refusal;
        }
        FormState state = form.refused(ctx, form.refusals(refusal));
        ctx.status(status);
        page.show(ctx, state);
    }

    private void problem(Context ctx, int status, String title, String message) {
        if (ctx.header("HX-Request") != null) {
            // htmx swaps only 2xx answers: the row it replaces shows the reason instead.
            ctx.status(200).html(pages.render("console/row-message.jte", Map.of("message", message, "error", true)));
            return;
        }
        ctx.status(status);
        render(ctx, "console/error.jte", "", Map.of("title", title, "message", message, "back", ConsoleAddresses.back(ctx)));
    }

    /** {@code target}, when it is a page of the console ({@link ConsoleAddresses#consolePage}). */
    static Optional<String> consolePage(String target) {
        return ConsoleAddresses.consolePage(target);
    }

    /** Whether the console answers for {@code path}, and so for what goes wrong there: in pages, where the API answers in JSON. */
    public static boolean owns(String path) {
        return path.equals("/console") || path.startsWith("/console/");
    }

    /**
     * Whether the console wrote this request's page itself. A 404 or 405 without one is a path no route took, which
     * Javalin answered in the kind asked for: a browser, asking for HTML, read "Endpoint GET /console/ORDERS not found".
     */
    public static boolean answered(Context ctx) {
        return ctx.attribute(ANSWERED_ATTRIBUTE) != null;
    }

    /**
     * The page for a console address that has no page (404), or that only takes a form (405): an outside check read
     * the API's "no route; the API is described at /api/openapi.yaml" for /console/ORDERS.
     */
    public void notFound(Context ctx) {
        if (ctx.status().getCode() == 405) {
            errorPage(ctx, 405, "Not a page", "This address is where a console form is sent; it is not a page to open. Go back to the "
                    + "page the form is on and use its button.");
        } else {
            errorPage(ctx, 404, "Not found", "The console has no page at this address. Its addresses are in lower case, such as "
                    + "/console/orders; the overview and the sections above lead to every page.");
        }
    }

    /**
     * The page for a console address refused before any route runs (a dot segment such as %2e%2e, an empty segment as
     * in /console//evil.example, a malformed escape such as %ZZ): nothing is known of the session there, so it is the
     * bare page. It says plainly that the address is no page ("an escape" read as if something had got out).
     */
    public String unreadableAddress(int status) {
        return pages.render("console/bare-error.jte", Map.of("title", "Not a console page", "message", "This address is not a page of the "
                + "console, and nothing was done (status " + status + "). The console's addresses are words and numbers between single "
                + "slashes, such as /console/orders/12: check the address, or start from the overview."));
    }

    /** The page for a form larger than a request may be (a note of a million characters showed the API's JSON). */
    public void tooLarge(Context ctx, int maxBytes) {
        errorPage(ctx, 413, "Too large", "This form was larger than the console takes: a request may be at most " + maxBytes / 1024
                + " KiB (" + maxBytes + " bytes). Nothing was changed. Go back, shorten the long text (a note, a name) and send it again.");
    }

    /** The page for a request the console did not get through (a failure, a time limit, a body that could not be read). */
    public void failed(Context ctx, int status, String detail) {
        errorPage(ctx, status, status >= 500 ? "Something went wrong" : "That did not work",
                Character.toUpperCase(detail.charAt(0)) + detail.substring(1) + (detail.endsWith(".") ? "" : "."));
    }

    /**
     * An error as a console page: in the console's chrome when staff are signed in, so the way on is where it always is;
     * a bare page before that (the session is not known yet). htmx swaps the reason into the row, as {@link #problem} does.
     */
    private void errorPage(Context ctx, int status, String title, String message) {
        if (ctx.header("HX-Request") != null) {
            ctx.status(200).html(pages.render("console/row-message.jte", Map.of("message", message, "error", true)));
        } else if (ctx.attribute(SESSION_ATTRIBUTE) != null) {
            ctx.status(status);
            render(ctx, "console/error.jte", "", Map.of("title", title, "message", message, "back", "/console/overview",
                    "backLabel", "Go to the overview"));
        } else {
            ctx.attribute(ANSWERED_ATTRIBUTE, true);
            ctx.status(status).html(pages.render("console/bare-error.jte", Map.of("title", title, "message", message)));
        }
    }

    /** Renders a page of the console with its chrome (user, CSRF token, navigation, the last action's message). */
    void render(Context ctx, String template, String section, Map<String, Object> parameters) {
        StaffAccounts.StaffSession session = staff(ctx);
        Optional<String> flash = Optional.ofNullable(ctx.cookie(FLASH_COOKIE)).map(value -> URLDecoder.decode(value, StandardCharsets.UTF_8));
        if (flash.isPresent()) {
            ctx.removeCookie(FLASH_COOKIE, "/console");
        }
        Map<String, Object> all = new LinkedHashMap<>(parameters);
        all.put("chrome", new Chrome(session.username(), session.csrfToken(), section, flash, shopDemo, randomToken()));
        ctx.attribute(ANSWERED_ATTRIBUTE, true);
        ctx.html(pages.render(template, all));
    }

    /** A fragment for htmx to swap in: no chrome. */
    void fragment(Context ctx, String template, Map<String, Object> parameters) {
        ctx.html(pages.render(template, parameters));
    }

    /** After a change: back to a page (POST, redirect, GET), with a sentence saying what happened. */
    void done(Context ctx, String location, String message) {
        String text = message.length() > MAX_FLASH_LENGTH ? message.substring(0, MAX_FLASH_LENGTH - 1) + "…" : message;
        ctx.cookie(cookie(ctx, FLASH_COOKIE, URLEncoder.encode(text, StandardCharsets.UTF_8), "/console", 60));
        ctx.redirect(location, HttpStatus.SEE_OTHER);
    }

    StaffAccounts.StaffSession staff(Context ctx) {
        StaffAccounts.StaffSession session = ctx.attribute(SESSION_ATTRIBUTE);
        if (session == null) {
            throw new IllegalStateException("a console page ran without a session: " + ctx.path());
        }
        return session;
    }

    private void requireSession(Context ctx) {
        if (ctx.path().equals("/console/login")) {
            return;
        }
        Optional<StaffAccounts.StaffSession> session = accounts.session(ctx.cookie(SESSION_COOKIE));
        if (session.isEmpty()) {
            String signIn = ConsoleAddresses.signIn(ctx);
            if (ctx.header("HX-Request") != null) {
                ctx.header("HX-Redirect", signIn);
            }
            ctx.redirect(signIn, HttpStatus.SEE_OTHER);
            ctx.skipRemainingHandlers();
            return;
        }
        ctx.attribute(SESSION_ATTRIBUTE, session.get());
        if (ctx.method().name().equals("POST")) {
            if (!sameOrigin(ctx)) {
                refuse(ctx, 403, "Changes to the console must come from the console's own pages (this request came from "
                        + ctx.header("Origin") + ").");
                return;
            }
            // Before the token is read: reading it reads the form.
            Optional<String> notAForm = FormInput.notAForm(ctx);
            if (notAForm.isPresent()) {
                refuse(ctx, 415, notAForm.get());
                return;
            }
            Optional<String> undecodable = FormInput.undecodable(ctx);
            if (undecodable.isPresent()) {
                refuse(ctx, 400, undecodable.get());
                return;
            }
            String presented = Optional.ofNullable(ctx.header(CSRF_HEADER)).orElseGet(() -> ctx.formParam(CSRF_FIELD));
            if (presented == null || !MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8),
                    session.get().csrfToken().getBytes(StandardCharsets.UTF_8))) {
                refuse(ctx, 403, "This form is out of date or did not come from the console (its security token did not match). "
                        + "Go back, reload the page and try again.");
            }
        }
    }

    private void refuse(Context ctx, int status, String message) {
        ctx.status(status).html(pages.render("console/refused.jte", Map.of("message", message)));
        ctx.skipRemainingHandlers();
    }

    /** A browser sends Origin with every POST; one from another site is refused before the token is even looked at. */
    private static boolean sameOrigin(Context ctx) {
        String origin = ctx.header("Origin");
        return origin == null || origin.equals(ctx.scheme() + "://" + ctx.host())
                || origin.equals(ctx.header("X-Forwarded-Proto") + "://" + ctx.host());
    }

    /** A console cookie: HttpOnly, SameSite=Strict, Secure behind HTTPS. */
    static Cookie cookie(Context ctx, String name, String value, String path, int maxAgeSeconds) {
        boolean secure = "https".equals(ctx.scheme()) || "https".equals(ctx.header("X-Forwarded-Proto"));
        return new Cookie(name, value, path, maxAgeSeconds, secure, true, null, SameSite.STRICT);
    }

    String randomToken() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
