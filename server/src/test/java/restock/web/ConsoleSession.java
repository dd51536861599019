package restock.web;

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

/** A staff member's browser for console tests: signs in, keeps the session cookie, reads hidden tokens, sends forms. */
final class ConsoleSession {
    private static final Pattern HIDDEN = Pattern.compile("name=\"(_login|_csrf|_once)\" value=\"([^\"]+)\"");
    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;

    private ConsoleSession(String base) {
        this.base = base;
    }

    /** Signed in as {@code user}; the sign-in must succeed. */
    static ConsoleSession signedIn(String base, String user, String password) throws Exception {
        ConsoleSession session = new ConsoleSession(base);
        String loginToken = hidden(session.get("/console/login").body(), "_login");
        HttpResponse<String> answer = session.post("/console/login", Map.of("_login", loginToken, "username", user, "password", password));
        if (answer.statusCode() != 303) {
            throw new AssertionError("sign-in as " + user + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return session;
    }

    HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A form sent from the console's own origin. */
    HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
        return postRaw(path, form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&")));
    }

    /** A form body sent as given (a field named more than once, as a form's lines are). */
    HttpResponse<String> postRaw(String path, String body) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", base).POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The value of a page's hidden {@code _login}, {@code _csrf} or {@code _once} field. */
    static String hidden(String page, String name) {
        Matcher matcher = HIDDEN.matcher(page);
        while (matcher.find()) {
            if (matcher.group(1).equals(name)) {
                return matcher.group(2);
            }
        }
        throw new AssertionError("no " + name + " field in " + page);
    }
}
