package restock.fuzz;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import restock.support.RunningApi;
import restock.support.TestDatabases;

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
