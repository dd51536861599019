package restock.http;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;
import restock.access.KeySecret;
import restock.support.ApiClient;
import restock.support.ApiClient.Exchange;
import restock.support.RunningApi;
import restock.support.TestDatabases;

import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scoped keys: storefront keys do what a shop's pages need, reporting keys read, operations keys do everything;
 * keys are stored hashed, shown once, rotatable and revocable, rate-limited each on its own, and never logged.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScopedKeysTest {
    private RunningApi api;
    private ApiClient operations;

    @BeforeAll
    void start() {
        api = new RunningApi(TestDatabases.targets().get(0));
        operations = api.client();
        expect(operations.post("/api/products", """
                {"sku":"22423","name":"Regency Cakestand 3 Tier","priceMinor":1275,"currency":"GBP","backorderPolicy":"always"}"""), 201);
        expect(operations.post("/api/stock/22423/adjustments", "{\"quantity\":50,\"reason\":\"opening stock\"}"), 200);
    }

    @AfterAll
    void stop() {
        api.close();
    }

    private static Exchange expect(Exchange answer, int status) {
        assertThat(answer.status()).as(answer.method() + " " + answer.path() + ": " + answer.responseBody()).isEqualTo(status);
        return answer;
    }

    private JsonNode create(String name, String scope, Integer perMinute) {
        String rate = perMinute == null ? "" : ",\"requestsPerMinute\":" + perMinute;
        return expect(operations.post("/api/keys", "{\"name\":\"" + name + "\",\"scope\":\"" + scope + "\"" + rate + "}"), 201).json();
    }

    private ApiClient as(JsonNode created) {
        return new ApiClient(operations.baseUrl(), created.path("secret").asText());
    }

    @Test
    void a_storefront_key_reads_availability_places_orders_and_signs_up_shoppers_but_changes_no_stock() {
        ApiClient storefront = as(create("www", "storefront", null));
        expect(storefront.get("/api/availability/22423?quantity=2"), 200);
        expect(storefront.post("/api/availability", "{\"items\":[{\"sku\":\"22423\",\"quantity\":1}]}"), 200);
        expect(storefront.get("/api/products/22423/offer"), 200);
        expect(storefront.post("/api/orders", "{\"customerEmail\":\"ann@example.com\",\"lines\":[{\"sku\":\"22423\",\"quantity\":1}]}"), 201);
        expect(storefront.post("/api/waitlist", "{\"sku\":\"22423\",\"email\":\"ann@example.com\",\"consent\":true}"), 201);
        for (Exchange refused : List.of(storefront.post("/api/stock/22423/adjustments", "{\"quantity\":5,\"reason\":\"x\"}"),
                storefront.get("/api/stock/22423"), storefront.get("/api/orders/1"), storefront.post("/api/orders/1/cancel", ""),
                storefront.get("/api/keys"), storefront.post("/api/keys", "{\"name\":\"mine\",\"scope\":\"operations\"}"),
                storefront.get("/metrics"))) {
            expect(refused, 403);
            assertThat(refused.json().path("detail").asText()).contains("a storefront key may not call");
        }
    }

    /**
     * A storefront key may not read orders or make cancel links (it would reach every shopper's order by id), so its
     * confirmation page had no way to offer the free cancel (an outside check): the answer to placing an order carries
     * a link when something waits, and only that answer does.
     */
    @Test
    void a_storefront_key_gets_the_shoppers_cancel_link_with_the_order_it_placed() {
        ApiClient storefront = as(create("www-confirmation", "storefront", null));
        expect(operations.post("/api/products", """
                {"sku":"22699","name":"Roses Regency Teacup And Saucer","priceMinor":295,"currency":"GBP","backorderPolicy":"always"}"""), 201);
        JsonNode waits = expect(storefront.post("/api/orders",
                "{\"customerEmail\":\"bea@example.com\",\"lines\":[{\"sku\":\"22699\",\"quantity\":2}]}"), 201).json();
        assertThat(waits.path("lines").get(0).path("backordered").asInt()).isEqualTo(2);
        String url = waits.path("cancelLink").path("url").asText();
        assertThat(url).as("the link in the answer: %s", waits).contains("/cancel/");
        assertThat(waits.path("cancelLink").path("expiresAt").asText()).isNotEmpty();
        expect(storefront.get("/api/orders/" + waits.path("id").asLong()), 403);
        assertThat(operations.get("/api/orders/" + waits.path("id").asLong()).json().has("cancelLink"))
                .as("only the answer to placing carries it").isFalse();

        String path = url.substring(url.indexOf("/cancel/"));
        Exchange page = expect(storefront.send("GET", path, null, Map.of()), 200);
        assertThat(page.responseBody()).contains("Roses Regency Teacup And Saucer");
        expect(storefront.send("POST", path, "reason=other", Map.of("Content-Type", "application/x-www-form-urlencoded")), 200);
        assertThat(operations.get("/api/orders/" + waits.path("id").asLong()).json().path("status").asText()).isEqualTo("cancelled");

        JsonNode fromStock = expect(storefront.post("/api/orders",
                "{\"customerEmail\":\"bea@example.com\",\"lines\":[{\"sku\":\"22423\",\"quantity\":1}]}"), 201).json();
        assertThat(fromStock.has("cancelLink")).as("nothing waits, nothing to cancel free: %s", fromStock).isFalse();
    }

    @Test
    void a_reporting_key_reads_everything_but_changes_nothing_and_cannot_list_keys() {
        ApiClient reporting = as(create("bi", "reporting", null));
        expect(reporting.get("/api/stock/22423"), 200);
        expect(reporting.get("/api/stock?limit=5"), 200);
        expect(reporting.get("/api/planning/demand/22423"), 200);
        expect(reporting.post("/api/availability", "{\"items\":[{\"sku\":\"22423\",\"quantity\":1}]}"), 200);
        expect(reporting.post("/api/stock/22423/adjustments", "{\"quantity\":5,\"reason\":\"x\"}"), 403);
        expect(reporting.post("/api/orders", "{\"customerEmail\":\"ann@example.com\",\"lines\":[{\"sku\":\"22423\",\"quantity\":1}]}"), 403);
        expect(reporting.get("/api/keys"), 403);
        assertThat(expect(reporting.get("/metrics"), 200).responseBody()).contains("restock_");
    }

    /** The metrics tell order, payment and waiting figures: they were open to anyone who found the address. */
    @Test
    void the_metrics_need_a_reporting_or_operations_key() {
        Exchange anonymous = expect(operations.send("GET", "/metrics", null, Map.of()), 401);
        assertThat(anonymous.responseBody()).doesNotContain("restock_").contains("Bearer");
        expect(new ApiClient(operations.baseUrl(), "rk_ops_not_a_key").get("/metrics"), 401);
        expect(as(create("feed", "feeds", null)).get("/metrics"), 403);
        assertThat(expect(operations.get("/metrics"), 200).responseBody()).contains("restock_");
    }

    @Test
    void keys_are_stored_hashed_shown_once_and_listed_by_prefix_only() {
        JsonNode created = create("hashed", "reporting", null);
        String secret = created.path("secret").asText();
        assertThat(secret).startsWith("rk_rep_").hasSizeGreaterThanOrEqualTo(7 + 43);
        assertThat(secret).startsWith(created.path("prefix").asText());
        Exchange list = expect(operations.get("/api/keys"), 200);
        assertThat(list.responseBody()).doesNotContain(secret).contains(created.path("prefix").asText());
        String stored = api.restock().read(h -> h.createQuery("select row_to_json(k)::text from api_keys k where prefix = :p")
                .bind("p", created.path("prefix").asText()).mapTo(String.class).one());
        assertThat(stored).doesNotContain(secret.substring(created.path("prefix").asText().length()));
        byte[] hash = api.restock().read(h -> h.createQuery("select secret_sha256 from api_keys where prefix = :p")
                .bind("p", created.path("prefix").asText()).mapTo(byte[].class).one());
        assertThat(HexFormat.of().formatHex(hash)).isEqualTo(HexFormat.of().formatHex(KeySecret.sha256(secret)));
        assertThat(list.json().path("items").findValues("secret")).isEmpty();
    }

    @Test
    void a_revoked_key_stops_at_once_and_a_rotated_one_after_its_grace_period() {
        JsonNode first = create("rotating", "reporting", null);
        JsonNode rotated = expect(operations.post("/api/keys/" + first.path("prefix").asText() + "/rotate", "{\"graceMinutes\":30}"), 201).json();
        expect(as(first).get("/api/stock/22423"), 200);
        expect(as(rotated).get("/api/stock/22423"), 200);
        JsonNode again = expect(operations.post("/api/keys/" + rotated.path("prefix").asText() + "/rotate", "{\"graceMinutes\":0}"), 201).json();
        expect(as(rotated).get("/api/stock/22423"), 401);
        expect(as(again).get("/api/stock/22423"), 200);
        expect(operations.post("/api/keys/" + again.path("prefix").asText() + "/revoke", ""), 200);
        Exchange refused = expect(as(again).get("/api/stock/22423"), 401);
        assertThat(refused.json().path("detail").asText()).contains("not valid");
        expect(operations.post("/api/keys/rk_rep_nothing1/revoke", ""), 404);
    }

    @Test
    void each_key_has_its_own_rate_limit_answered_with_429_and_retry_after() throws Exception {
        JsonNode slowKey = create("slow", "reporting", 5);
        ApiClient slow = as(slowKey);
        ApiClient other = as(create("other", "reporting", 5));
        for (int i = 0; i < 5; i++) {
            expect(slow.get("/api/stock/22423"), 200);
        }
        Exchange limited = expect(slow.get("/api/stock/22423"), 429);
        assertThat(limited.json().path("detail").asText()).contains("5 requests a minute");
        var raw = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(operations.baseUrl() + "/api/stock/22423"))
                .header("Authorization", "Bearer " + slowKey.path("secret").asText()).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(raw.statusCode()).isEqualTo(429);
        assertThat(raw.headers().firstValue("Retry-After").map(Integer::parseInt)).hasValueSatisfying(seconds ->
                assertThat(seconds).isBetween(1, 60));
        expect(other.get("/api/stock/22423"), 200);
    }

    @Test
    void no_key_reaches_the_log() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        root.addAppender(captured);
        try {
            JsonNode created = create("logged?", "operations", null);
            ApiClient client = as(created);
            expect(client.get("/api/stock/22423"), 200);
            expect(client.post("/api/purchase-orders", "{\"supplier\":\"x\",\"newSupplier\":true,\"lines\":[{\"sku\":\"22423\",\"quantity\":1,\"expectedDate\":\""
                    + LocalDate.now().plusDays(3) + "\"}]}"), 201);
            new ApiClient(operations.baseUrl(), created.path("secret").asText() + "x").get("/api/stock/22423");
            String secret = created.path("secret").asText();
            assertThat(captured.list).noneSatisfy(event -> assertThat(event.getFormattedMessage()
                    + (event.getThrowableProxy() == null ? "" : event.getThrowableProxy().getMessage())).contains(secret.substring(7)));
            assertThat(captured.list).noneSatisfy(event -> assertThat(event.getFormattedMessage()).contains(RunningApi.API_KEY));
        } finally {
            root.detachAppender(captured);
        }
    }
}
