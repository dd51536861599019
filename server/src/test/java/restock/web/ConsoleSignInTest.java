package restock.web;

import restock.access.PasswordHash;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import restock.service.StaffAccounts;
import restock.support.ConsoleSession;
import restock.support.RunningApi;
import restock.support.TestDatabases;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where the console sends staff when it names a page itself: signing in leads to the page asked for (staff who opened a
 * link to an order landed on the overview, an outside check), and an error page's way back is the page they came from;
 * both only to a page of this console, never to an address another site wrote.
 */
class ConsoleSignInTest {
    private static final String PASSWORD = "correct horse battery";
    private static final Pattern NEXT_FIELD = Pattern.compile("name=\"next\" value=\"([^\"]*)\"");
    private static RunningApi api;
    private static String base;

    @BeforeAll
    static void start() {
        api = new RunningApi(TestDatabases.targets().get(0));
        new StaffAccounts(api.restock(), api.restock().clock(), PasswordHash.Cost.FOR_TESTS).create("ops", PASSWORD.toCharArray(), "test");
        base = api.client().baseUrl();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    /** The suite makes its users at {@link PasswordHash.Cost#FOR_TESTS}; everything else makes them at production's cost. */
    @Test
    void staff_made_as_restock_makes_them_are_hashed_at_the_production_cost() {
        new StaffAccounts(api.restock(), api.restock().clock()).create("prod-cost", PASSWORD.toCharArray(), "test");
        String stored = api.restock().read(h -> restock.store.SqlStaff.find(h, "prod-cost")).orElseThrow().passwordHash();
        assertThat(stored).startsWith("pbkdf2-sha256$" + PasswordHash.ITERATIONS + "$");
        assertThat(new StaffAccounts(api.restock(), api.restock().clock()).login("prod-cost", PASSWORD.toCharArray()))
                .isInstanceOf(StaffAccounts.Login.SignedIn.class);
    }

    @Test
    void signing_in_leads_to_the_page_that_was_asked_for() {
        ConsoleSession browser = ConsoleSession.signedOut(base);
        HttpResponse<String> asked = browser.open("/console/orders?q=ann");
        assertThat(asked.statusCode()).isEqualTo(303);
        String signInPage = asked.headers().firstValue("Location").orElseThrow();
        assertThat(signInPage).isEqualTo("/console/login?next=" + URLEncoder.encode("/console/orders?q=ann", StandardCharsets.UTF_8));

        String page = browser.get(signInPage).body();
        assertThat(nextField(page)).isEqualTo("/console/orders?q=ann");
        HttpResponse<String> wrong = browser.post("/console/login", signInForm(page, "wrong password"));
        assertThat(wrong.statusCode()).isEqualTo(401);
        page = wrong.body();
        assertThat(nextField(page)).as("a wrong password keeps the page asked for").isEqualTo("/console/orders?q=ann");

        HttpResponse<String> signedIn = browser.post("/console/login", signInForm(page, PASSWORD));
        assertThat(signedIn.statusCode()).isEqualTo(303);
        assertThat(signedIn.headers().firstValue("Location")).hasValue("/console/orders?q=ann");
        assertThat(browser.get("/console/orders?q=ann").statusCode()).isEqualTo(200);
        // Signed in already, the sign-in page leads on to the page named too.
        assertThat(browser.get(signInPage).headers().firstValue("Location")).hasValue("/console/orders?q=ann");
    }

    @Test
    void the_overview_and_the_console_root_need_no_page_to_return_to() {
        ConsoleSession browser = ConsoleSession.signedOut(base);
        for (String path : List.of("/console/overview", "/console", "/console/")) {
            assertThat(browser.open(path).headers().firstValue("Location")).as(path).hasValue("/console/login");
        }
    }

    @Test
    void signing_in_never_leads_off_the_console_whatever_the_address_names() {
        List<String> elsewhere = List.of("https://evil.example/console/orders", "//evil.example/console/orders", "/\\evil.example",
                "/console/../shop", "/console/%2e%2e/api/orders", "/console@evil.example", "/api/orders", "javascript:alert(1)",
                "/console/orders#x", "/console/orders\r\nSet-Cookie: a=b", "/console/" + "a".repeat(ConsoleAddresses.MAX_PAGE_LENGTH));
        for (String next : elsewhere) {
            ConsoleSession browser = ConsoleSession.signedOut(base);
            String page = browser.get("/console/login?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8)).body();
            assertThat(NEXT_FIELD.matcher(page).find()).as(next).isFalse();
            Map<String, String> form = new java.util.HashMap<>(signInForm(page, PASSWORD));
            form.put("next", next);
            HttpResponse<String> signedIn = browser.post("/console/login", form);
            assertThat(signedIn.statusCode()).as(next).isEqualTo(303);
            assertThat(signedIn.headers().firstValue("Location")).as(next).hasValue("/console/overview");
        }
    }

    /** An htmx request made after the session ended names the page it was made from, when that page is this console's. */
    @Test
    void an_htmx_request_without_a_session_leads_back_to_the_page_it_came_from() throws Exception {
        Map<String, String> signInFor = Map.of(base + "/console/orders?q=ann", "/console/login?next=" + URLEncoder.encode("/console/orders?q=ann",
                StandardCharsets.UTF_8), "https://evil.example/console/orders", "/console/login", base + "/shop", "/console/login");
        for (Map.Entry<String, String> page : signInFor.entrySet()) {
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/console/orders?q=an"))
                    .header("HX-Request", "true").header("HX-Current-URL", page.getKey()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.headers().firstValue("HX-Redirect")).as(page.getKey()).hasValue(page.getValue());
        }
    }

    @Test
    void an_error_pages_way_back_is_a_console_page_on_this_origin_only() throws Exception {
        String session = "restock_session=" + sessionToken();
        Map<String, String> backFor = new java.util.LinkedHashMap<>();
        backFor.put(base + "/console/purchase-orders?status=open", "/console/purchase-orders?status=open");
        backFor.put("https://evil.example/console/orders", "/console/overview");
        backFor.put("https://evil.example/?to=" + base + "/console/orders", "/console/overview");
        backFor.put(base + "/shop", "/console/overview");
        backFor.put(base + "/console/../shop", "/console/overview");
        backFor.put("not an address", "/console/overview");
        for (Map.Entry<String, String> referer : backFor.entrySet()) {
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/console/orders/999999"))
                    .header("Cookie", session).header("Referer", referer.getKey()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(referer.getKey()).isEqualTo(404);
            assertThat(answer.body()).as(referer.getKey()).contains("<a href=\"" + referer.getValue() + "\" id=\"back\">");
        }
    }

    private static String sessionToken() {
        return ((StaffAccounts.Login.SignedIn) new StaffAccounts(api.restock(), api.restock().clock(), PasswordHash.Cost.FOR_TESTS)
                .login("ops", PASSWORD.toCharArray())).sessionToken();
    }

    private static String nextField(String page) {
        Matcher matcher = NEXT_FIELD.matcher(page);
        assertThat(matcher.find()).as("the sign-in form names the page asked for").isTrue();
        return matcher.group(1);
    }

    private static Map<String, String> signInForm(String page, String password) {
        Map<String, String> form = new java.util.HashMap<>(Map.of("_login", ConsoleSession.hidden(page, "_login"),
                "username", "ops", "password", password));
        Matcher next = NEXT_FIELD.matcher(page);
        if (next.find()) {
            form.put("next", next.group(1));
        }
        return form;
    }
}
