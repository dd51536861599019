package restock.fuzz;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import restock.support.ApiClient;
import restock.support.ConsoleSession;
import restock.support.RunningApi;
import restock.support.TestClock;
import restock.support.TestDatabases;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Faults the console form fuzzer ({@link ConsoleFuzzTest}) found, each replayed as the request that found it: a page of
 * the HTML side answers as a page, whatever is wrong with its address.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FoundByTheFormFuzzerTest {
    private RunningApi api;
    private Browser browser;

    @BeforeAll
    void start() {
        api = RunningApi.withShopDemo(TestDatabases.targets().get(0));
        browser = new Browser(api.client().baseUrl(), Duration.ofSeconds(10));
    }

    @AfterAll
    void stop() {
        api.close();
    }

    private Browser.Answer send(String method, String pathAndQuery) {
        return browser.send(browser.request(method, pathAndQuery, method.equals("POST")
                ? Map.of("Content-Type", "application/x-www-form-urlencoded", "Origin", browser.origin()) : Map.of(), method.equals("POST") ? new byte[0] : null));
    }

    /**
     * A console search of 10,000 characters (the orders' box, the backorder queue's SKU filter) is longer than a request
     * line may be: Jetty refused it before its path was read, and staff got the API's JSON.
     */
    @Test
    void a_console_address_longer_than_a_request_line_answers_the_console_page() {
        Browser.Answer answer = send("GET", "/console/orders?q=" + "x".repeat(10_001));
        assertThat(answer.status()).isEqualTo(414);
        assertThat(answer.contentType()).startsWith("text/html");
        assertThat(answer.body()).contains("Not a console page").doesNotContain("\"status\"");
    }

    /** The same for a shopper: a customer link or the shop's address cut or mangled answered the API's JSON. */
    @ParameterizedTest
    @ValueSource(strings = {"GET /cancel/%ZZ", "POST /waitlist/confirm/%00", "GET /waitlist/unsubscribe/%2e%2e", "POST /shop/%ZZ",
            "POST /shop/1e3", "GET /shop/nothing-here", "GET /cancel/LONG"})
    void a_shoppers_address_that_is_no_page_answers_a_page(String request) {
        String[] parts = request.split(" ");
        Browser.Answer answer = send(parts[0], parts[1].replace("LONG", "t".repeat(10_001)));
        assertThat(answer.status()).as(request).isBetween(400, 499);
        assertThat(answer.contentType()).as(request).startsWith("text/html");
        assertThat(answer.body()).as(request).contains("Not a page").contains("nothing was done").doesNotContain("openapi");
    }

    /**
     * A pre-order's release day came while its orders waited: the stock in the building is free for them, and the first
     * write to the SKU fills them. Moving such a line in the queue (the console's priority form) or cancelling it read
     * the line as still waiting while its book had already reserved it, and answered 500 (IllegalStateException "line
     * is not waiting", found by the long fuzz run after it edited a release date).
     */
    @Test
    void a_line_filled_when_its_release_day_came_is_moved_or_cancelled_without_a_5xx() {
        TestClock clock = new TestClock(java.time.Instant.parse("2026-03-02T09:00:00Z"));
        try (RunningApi shop = new RunningApi(TestDatabases.targets().get(0), clock)) {
            ApiClient client = shop.client();
            assertThat(client.post("/api/products", """
                    {"sku":"PRE-1","name":"Preordered Lamp","priceMinor":1000,"currency":"GBP","backorderPolicy":"always","releaseDate":"2026-03-05"}""").status()).isEqualTo(201);
            assertThat(client.post("/api/stock/PRE-1/adjustments", "{\"quantity\":10,\"reason\":\"delivered before release\"}").status()).isEqualTo(200);
            long first = order(client);
            long second = order(client);
            clock.advance(Duration.ofDays(4));

            ConsoleSession staff = ConsoleSession.signedIn(shop, "ops", "correct horse battery");
            String page = staff.get("/console/orders/" + first).body();
            HttpResponse<String> moved = staff.post("/console/orders/" + first + "/lines/1/priority",
                    Map.of("_csrf", ConsoleSession.hidden(page, "_csrf"), "priority", "5"));
            assertThat(moved.statusCode()).as(moved.body()).isLessThan(500);
            ApiClient.Exchange cancelled = client.post("/api/orders/" + second + "/cancel", "{\"reason\":\"changed my mind\"}");
            assertThat(cancelled.status()).as(cancelled.responseBody()).isEqualTo(200);

            int reserved = shop.restock().read(h -> h.createQuery("select reserved from stock where sku = 'PRE-1'").mapTo(Integer.class).one());
            assertThat(reserved).as("the first order's 4 units, reserved when the day came; the second's released").isEqualTo(4);
        }
    }

    private static long order(ApiClient client) {
        ApiClient.Exchange placed = client.post("/api/orders", """
                {"customerEmail":"ann@example.com","paymentMethod":"pm_card_visa","lines":[{"sku":"PRE-1","quantity":4}]}""");
        assertThat(placed.status()).as(placed.responseBody()).isEqualTo(201);
        assertThat(placed.json().path("lines").path(0).path("backordered").asInt()).as(placed.responseBody()).isEqualTo(4);
        return placed.json().path("id").asLong();
    }

    /** A NUL in the demo shop's one-time key reached the database (500, answered in JSON): refused on the shop's page now. */
    @Test
    void a_shop_order_whose_one_time_key_has_a_nul_is_refused_on_the_shop_page() {
        api.client().post("/api/products", "{\"sku\":\"NUL-1\",\"name\":\"Brass Lamp\",\"priceMinor\":1299,\"currency\":\"GBP\"}");
        api.client().post("/api/stock/NUL-1/adjustments", "{\"quantity\":5,\"reason\":\"opening stock\"}");
        Browser shopper = new Browser(api.client().baseUrl(), Duration.ofSeconds(10));
        java.util.regex.Matcher token = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(shopper.get("/shop").body());
        assertThat(token.find()).isTrue();
        long before = orders();
        byte[] form = ("_csrf=" + token.group(1) + "&sku=NUL-1&_once=a%00b&quantity=1&email=ann%40example.com").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Browser.Answer answer = shopper.send(shopper.request("POST", "/shop/orders",
                Map.of("Content-Type", "application/x-www-form-urlencoded", "Origin", shopper.origin()), form));
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("text/html");
        assertThat(answer.body()).contains("control character");
        assertThat(orders()).isEqualTo(before);
    }

    private long orders() {
        return api.restock().read(h -> h.createQuery("select count(*) from orders").mapTo(Long.class).one());
    }

    /** The API keeps its problems: the pages' answer is for the pages' addresses only. */
    @Test
    void an_api_address_that_is_no_route_still_answers_a_problem() {
        Browser.Answer tooLong = send("GET", "/api/products?after=" + "x".repeat(10_001));
        assertThat(tooLong.status()).isEqualTo(414);
        assertThat(tooLong.contentType()).startsWith("application/problem+json");
        Browser.Answer missing = send("GET", "/api/nothing-here");
        assertThat(missing.status()).isBetween(400, 499);
        assertThat(missing.contentType()).startsWith("application/problem+json");
    }
}
