package restock.support;

import restock.access.PasswordHash;
import restock.service.StaffAccounts;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A staff member's browser without a browser: a cookie jar, the console's forms sent as a browser sends them (with this origin). */
public final class ConsoleSession {
    private static final Pattern HIDDEN = Pattern.compile("name=\"(_login|_csrf|_once|version)\" value=\"([^\"]+)\"");
    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;
    /** What Chromium asks for when it opens a page. */
    private static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8";

    private ConsoleSession(String base) {
        this.base = base;
    }

    /** Makes the staff user (once per database) and signs in as them. */
    public static ConsoleSession signedIn(RunningApi api, String username, String password) {
        StaffAccounts accounts = new StaffAccounts(api.restock(), api.restock().clock(), PasswordHash.Cost.FOR_TESTS);
        if (!accounts.usernames().contains(username)) {
            accounts.create(username, password.toCharArray(), "test");
        }
        return signedIn(api.client().baseUrl(), username, password);
    }

    /** Signs in as a staff user who exists already; the sign-in must succeed. */
    public static ConsoleSession signedIn(String base, String username, String password) {
        ConsoleSession session = new ConsoleSession(base);
        String loginToken = hidden(session.get("/console/login").body(), "_login");
        HttpResponse<String> answer = session.post("/console/login", Map.of("_login", loginToken, "username", username, "password", password));
        if (answer.statusCode() != 303) {
            throw new AssertionError("signing in as " + username + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return session;
    }

    /** A browser that has not signed in. */
    public static ConsoleSession signedOut(String base) {
        return new ConsoleSession(base);
    }

    /** A hidden field's value on a page: the session's CSRF token, the page's one-time key. */
    public static String hidden(String page, String name) {
        Matcher matcher = HIDDEN.matcher(page);
        while (matcher.find()) {
            if (matcher.group(1).equals(name)) {
                return matcher.group(2);
            }
        }
        throw new AssertionError("no " + name + " field in " + page);
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)));
    }

    /** A page opened as a browser opens it, asking for HTML first (Javalin answers a missing route in the kind asked for). */
    public HttpResponse<String> open(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", BROWSER_ACCEPT));
    }

    /** A form sent from one of the console's pages (Origin is the console's own). */
    public HttpResponse<String> post(String path, Map<String, String> form) {
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", base).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A form sent by htmx from one of the console's pages (it says so in HX-Request, and swaps what comes back into the page). */
    public HttpResponse<String> postHtmx(String path, Map<String, String> form) {
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", base).header("HX-Request", "true").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A form body sent as given (a field named more than once, as a purchase order form's lines are). */
    public HttpResponse<String> postRaw(String path, String body) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", base).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A body sent as given under the Content-Type given (a form in plain text's clothes, a body in a charset named). */
    public HttpResponse<String> postAs(String path, String contentType, String body) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", contentType)
                .header("Origin", base).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A form body of bytes as given (bytes that are not UTF-8 text, which a browser never sends from a console page). */
    public HttpResponse<String> postBytes(String path, byte[] body) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", base).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while talking to the console", e);
        }
    }
}
