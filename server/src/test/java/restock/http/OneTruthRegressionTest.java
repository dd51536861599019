package restock.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import restock.support.ApiClient;
import restock.support.RunningApi;
import restock.support.TestClock;
import restock.support.TestDatabases;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cases where, before one decision served every path, the storefront's answer, the feed, the offer and the
 * order's outcome disagreed. Each is asked through the API, the way a shop asks.
 */
class OneTruthRegressionTest {
    private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");
    private TestClock clock;
    private RunningApi api;
    private ApiClient client;

    @BeforeEach
    void start() {
        startAt(NOW);
    }

    private void startAt(Instant start) {
        clock = new TestClock(start);
        api = new RunningApi(TestDatabases.targets().get(0), clock);
        client = api.client();
    }

    /**
     * A line that is overdue now was ordered when its date was still ahead (a new one cannot be expected in the past):
     * the shop starts before it, orders it, and the clock moves on to NOW.
     */
    private void overduePurchaseOrder(String supplier, String sku, String policyJson, int quantity, LocalDate expected) {
        api.close();
        startAt(expected.minusDays(14).atTime(10, 0).toInstant(java.time.ZoneOffset.UTC));
        product(sku, policyJson);
        purchaseOrder(supplier, sku, quantity, expected);
        clock.set(NOW);
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC);
    }

    private void product(String sku, String policyJson) {
        var created = client.post("/api/products", """
                {"sku": "%s", "name": "Product %s", "priceMinor": 1250, "currency": "GBP" %s}""".formatted(sku, sku, policyJson));
        assertThat(created.status()).as(created.responseBody()).isIn(200, 201);
    }

    private void count(String sku, int units) {
        var counted = client.post("/api/stock/" + sku + "/counts", "{\"countedQuantity\": " + units + ", \"reason\": \"count\"}");
        assertThat(counted.status()).as(counted.responseBody()).isEqualTo(200);
    }

    private long purchaseOrder(String supplier, String sku, int quantity, LocalDate expected) {
        var created = client.post("/api/purchase-orders", """
                {"supplier": "%s", "newSupplier": true, "lines": [{"sku": "%s", "quantity": %d, "expectedDate": "%s"}]}"""
                .formatted(supplier, sku, quantity, expected));
        assertThat(created.status()).as(created.responseBody()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    private JsonNode availability(String sku, int quantity) {
        var answer = client.get("/api/availability/" + sku + "?quantity=" + quantity);
        assertThat(answer.status()).as(answer.responseBody()).isEqualTo(200);
        return answer.json();
    }

    private JsonNode batchAvailability(String sku, int quantity) {
        var answer = client.post("/api/availability", "{\"items\": [{\"sku\": \"" + sku + "\", \"quantity\": " + quantity + "}]}");
        assertThat(answer.status()).as(answer.responseBody()).isEqualTo(200);
        return answer.json().get("items").get(0);
    }

    private String feedAvailability(String sku) {
        String feed = client.get("/api/feeds/google-merchant.tsv").responseBody();
        String[] lines = feed.split("\n");
        String[] header = lines[0].split("\t");
        for (int i = 1; i < lines.length; i++) {
            String[] cells = lines[i].split("\t", -1);
            if (cells[0].equals(sku)) {
                Map<String, String> row = Arrays.stream(header).collect(Collectors.toMap(h -> h,
                        h -> cells[Arrays.asList(header).indexOf(h)]));
                return row.get("availability");
            }
        }
        throw new AssertionError("no feed row for " + sku + " in\n" + feed);
    }

    private String offerAvailability(String sku) {
        return client.get("/api/products/" + sku + "/offer").json().path("offers").path("availability").asText();
    }

    private JsonNode order(String sku, int quantity) {
        return order(sku, quantity, "");
    }

    private JsonNode order(String sku, int quantity, String extra) {
        var placed = client.post("/api/orders", """
                {"customerEmail": "ann@example.com", "lines": [{"sku": "%s", "quantity": %d}] %s}""".formatted(sku, quantity, extra));
        assertThat(placed.status()).as(placed.responseBody()).isEqualTo(201);
        return placed.json();
    }

    @Test
    void a_never_product_with_an_open_purchase_order_is_out_of_stock_everywhere_and_refused() {
        product("NEVER-1", ", \"backorderPolicy\": \"never\"");
        purchaseOrder("Acme", "NEVER-1", 10, today().plusDays(12));

        assertThat(availability("NEVER-1", 1).get("status").asText()).isEqualTo("out_of_stock");
        assertThat(batchAvailability("NEVER-1", 1).get("status").asText()).isEqualTo("out_of_stock");
        assertThat(feedAvailability("NEVER-1")).isEqualTo("out_of_stock");
        assertThat(offerAvailability("NEVER-1")).isEqualTo("https://schema.org/OutOfStock");
        assertThat(order("NEVER-1", 1).get("lines").get(0).get("refused").asInt()).isEqualTo(1);
    }

    @Test
    void an_overdue_line_from_one_supplier_does_not_hide_an_on_time_line_from_another() {
        overduePurchaseOrder("Slow Ltd", "LATE-2", "", 5, LocalDate.parse("2026-10-01"));
        purchaseOrder("Quick Ltd", "LATE-2", 5, LocalDate.parse("2026-12-10"));

        JsonNode answer = availability("LATE-2", 2);
        assertThat(answer.get("status").asText()).isEqualTo("backorder");
        assertThat(LocalDate.parse(answer.get("eta").get("from").asText())).isAfterOrEqualTo(LocalDate.parse("2026-12-10"));
        assertThat(feedAvailability("LATE-2")).isEqualTo("backorder");
        assertThat(order("LATE-2", 2).get("lines").get(0).get("backordered").asInt()).isEqualTo(2);
    }

    @Test
    void an_ancient_line_from_the_same_supplier_does_not_hide_an_on_time_one() {
        overduePurchaseOrder("Slow Ltd", "LATE-3", "", 5, LocalDate.parse("2020-03-01"));
        purchaseOrder("Slow Ltd", "LATE-3", 5, LocalDate.parse("2026-12-10"));

        assertThat(availability("LATE-3", 1).get("status").asText()).isEqualTo("backorder");
        assertThat(order("LATE-3", 1).get("lines").get(0).get("backordered").asInt()).isEqualTo(1);
    }

    @Test
    void an_always_product_within_its_cap_is_answered_as_the_order_is_treated() {
        product("CAP-1", ", \"backorderPolicy\": \"always\", \"backorderCap\": 5");
        count("CAP-1", 1);

        JsonNode answer = availability("CAP-1", 3);
        JsonNode line = order("CAP-1", 3).get("lines").get(0);

        assertThat(line.get("reserved").asInt()).isEqualTo(1);
        assertThat(line.get("backordered").asInt()).isEqualTo(2);
        // The whole quantity can be ordered, and no confirmed supply covers what waits: out of stock to say, not a
        // backorder without a date (the feed and the offer said out of stock; a storefront developer's check).
        assertThat(answer.get("orderable").asInt()).isEqualTo(3);
        assertThat(answer.get("status").asText()).isEqualTo("out_of_stock");
        assertThat(answer.get("message").asText()).isEqualTo("Only 1 in stock — the other 2 can be ordered and ships when restocked, no confirmed date yet");
        assertThat(batchAvailability("CAP-1", 3).get("orderable").asInt()).isEqualTo(3);
        assertThat(availability("CAP-1", 7).get("orderable").asInt()).as("after that order, 3 more of the cap of 5 may wait").isEqualTo(3);
    }

    /**
     * An always product with no supply at all answered "backorder" with no date, while its feed row and its offer said
     * out of stock (a storefront developer's check; the brief: backorder only when confirmed supply covers the order).
     */
    @Test
    void an_always_product_without_confirmed_supply_is_out_of_stock_everywhere_and_still_takes_the_order() {
        product("ALW-1", ", \"backorderPolicy\": \"always\"");

        JsonNode answer = availability("ALW-1", 2);
        assertThat(answer.get("status").asText()).isEqualTo("out_of_stock");
        assertThat(answer.get("orderable").asInt()).isEqualTo(2);
        assertThat(answer.has("eta")).isFalse();
        assertThat(answer.get("message").asText()).isEqualTo("Out of stock — can be ordered and ships when restocked, no confirmed date yet");
        assertThat(batchAvailability("ALW-1", 2).get("status").asText()).isEqualTo("out_of_stock");
        assertThat(feedAvailability("ALW-1")).isEqualTo("out_of_stock");
        assertThat(offerAvailability("ALW-1")).isEqualTo("https://schema.org/OutOfStock");
        JsonNode line = order("ALW-1", 2).get("lines").get(0);
        assertThat(line.get("backordered").asInt()).as("the order waits all the same").isEqualTo(2);
        assertThat(line.get("refused").asInt()).isZero();

        purchaseOrder("Acme", "ALW-1", 10, today().plusDays(12));
        assertThat(availability("ALW-1", 2).get("status").asText()).as("with confirmed supply it is a backorder").isEqualTo("backorder");
        assertThat(feedAvailability("ALW-1")).isEqualTo("backorder");
    }

    @Test
    void an_overdue_purchase_order_from_a_supplier_without_history_is_never_certain() {
        overduePurchaseOrder("Nobody Knows Ltd", "PRIOR-1", ", \"backorderPolicy\": \"always\"", 5, today().minusDays(9));

        JsonNode eta = availability("PRIOR-1", 1).get("eta");
        if (eta != null && !eta.isNull()) {
            assertThat(eta.get("probability").asDouble()).isLessThan(1.0);
        }
        JsonNode line = order("PRIOR-1", 1).get("lines").get(0);
        assertThat(line.get("backordered").asInt()).isEqualTo(1);
        JsonNode promise = line.get("promise");
        if (promise != null && !promise.isNull()) {
            assertThat(promise.get("probability").asDouble()).isLessThan(1.0);
        }
    }

    @Test
    void an_unreleased_product_in_stock_is_a_preorder_and_an_order_waits_for_the_release() {
        LocalDate release = today().plusDays(20);
        product("SOON-1", ", \"releaseDate\": \"" + release + "\"");
        count("SOON-1", 10);

        JsonNode answer = availability("SOON-1", 2);
        assertThat(answer.get("status").asText()).isEqualTo("preorder");
        JsonNode line = order("SOON-1", 2).get("lines").get(0);

        assertThat(line.get("reserved").asInt()).as("nothing is reserved before the release").isZero();
        assertThat(line.get("backordered").asInt()).isEqualTo(2);
        assertThat(client.get("/api/stock/SOON-1").json().get("reserved").asInt()).isZero();
    }

    @Test
    void discontinuing_a_product_cancels_the_lines_no_supply_will_fill() {
        product("GONE-1", ", \"backorderPolicy\": \"always\"");
        long orderId = order("GONE-1", 2).get("id").asLong();

        assertThat(client.post("/api/products/GONE-1/discontinue", "").status()).isEqualTo(200);

        JsonNode order = client.get("/api/orders/" + orderId).json();
        assertThat(order.get("lines").get(0).get("backordered").asInt()).isZero();
        assertThat(order.get("lines").get(0).get("cancelled").asInt()).isEqualTo(2);
        assertThat(client.get("/api/stock/GONE-1").json().get("backordered").asInt()).isZero();
    }

    @Test
    void cancelling_a_line_that_held_no_payment_closes_its_payment() {
        product("PAY-1", ", \"backorderPolicy\": \"always\"");
        long orderId = order("PAY-1", 1, ", \"paymentMethod\": \"pm_card_visa\"").get("id").asLong();
        assertThat(client.get("/api/orders/" + orderId).json().get("lines").get(0).get("payment").get("state").asText())
                .isEqualTo("awaiting_fill");

        assertThat(client.post("/api/orders/" + orderId + "/cancel", "").status()).isEqualTo(200);

        JsonNode order = client.get("/api/orders/" + orderId).json();
        assertThat(order.get("lines").get(0).get("payment").get("state").asText()).isEqualTo("cancelled");
        assertThat(order.get("payment").asText()).isEqualTo("nothing_due");
    }

    @Test
    void time_passing_changes_the_answer_and_the_order_alike() {
        product("DRIFT-1", "");
        purchaseOrder("Slow Ltd", "DRIFT-1", 5, today().plusDays(3));
        assertThat(availability("DRIFT-1", 1).get("status").asText()).isEqualTo("backorder");

        clock.advance(Duration.ofDays(40));

        String status = availability("DRIFT-1", 1).get("status").asText();
        JsonNode line = order("DRIFT-1", 1).get("lines").get(0);
        assertThat(status).isEqualTo("out_of_stock");
        assertThat(line.get("refused").asInt()).isEqualTo(1);
    }
}
