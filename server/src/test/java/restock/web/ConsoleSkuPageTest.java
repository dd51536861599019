package restock.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import restock.support.ConsoleSession;
import restock.support.RunningApi;
import restock.support.TestDatabases;


import static org.assertj.core.api.Assertions.assertThat;

/**
 * A SKU's page says how many units one order can take now and, beside it, why the shop refuses more, in the words of
 * the one decision an order gets: it said "Only 2,318 can be ordered" beside 9,048 incoming with no word of why (an
 * outside tester's finding).
 */
class ConsoleSkuPageTest {
    private static RunningApi api;
    private static ConsoleSession staff;

    @BeforeAll
    static void start() throws Exception {
        api = new RunningApi(TestDatabases.targets().get(0));
        staff = ConsoleSession.signedIn(api, "ops", "correct horse battery");
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private static String limit(String sku) throws Exception {
        String page = staff.get("/console/skus/" + sku).body();
        int start = page.indexOf("<p id=\"order-limit\">");
        return start < 0 ? "" : page.substring(start, page.indexOf("</p>", start)).replaceAll("<[^>]*>", "").replaceAll("\\s+", " ").strip();
    }

    private static void stock(String sku, int units) {
        assertThat(api.client().post("/api/stock/" + sku + "/adjustments", "{\"quantity\":" + units + ",\"reason\":\"found\"}").status()).isEqualTo(200);
    }

    @Test
    void a_cap_on_waiting_units_is_named_beside_the_most_an_order_can_take() throws Exception {
        api.client().post("/api/products", "{\"sku\":\"CAP-1\",\"name\":\"Tin Drum\",\"priceMinor\":900,\"currency\":\"GBP\","
                + "\"backorderPolicy\":\"always\",\"backorderCap\":1500}");
        stock("CAP-1", 3);

        assertThat(limit("CAP-1")).isEqualTo("One order can take at most 1,503 (3 from stock, 1,500 to wait in the queue). Beyond that the shop"
                + " refuses the rest: product CAP-1 can have at most 1,500 units waiting; this order would make 1,501.");
    }

    @Test
    void a_product_sold_only_from_stock_says_so_though_more_is_incoming() throws Exception {
        api.client().post("/api/products", "{\"sku\":\"NEVER-1\",\"name\":\"Silk Fan\",\"priceMinor\":900,\"currency\":\"GBP\","
                + "\"backorderPolicy\":\"never\"}");
        stock("NEVER-1", 4);
        api.client().post("/api/purchase-orders", "{\"supplier\":\"Acme\",\"newSupplier\":true,\"lines\":[{\"sku\":\"NEVER-1\","
                + "\"quantity\":100,\"expectedDate\":\"" + api.restock().books().today().plusDays(5) + "\"}]}");

        assertThat(limit("NEVER-1")).isEqualTo("One order can take at most 4 (4 from stock). Beyond that the shop refuses the rest:"
                + " product NEVER-1 is sold only from stock on hand and not enough is available.");
    }

    @Test
    void incoming_supply_that_waiting_orders_already_claim_is_named_as_the_reason() throws Exception {
        api.client().post("/api/products", "{\"sku\":\"WAIT-1\",\"name\":\"Oak Chair\",\"priceMinor\":900,\"currency\":\"GBP\","
                + "\"backorderPolicy\":\"when-supply-confirmed\"}");
        api.client().post("/api/purchase-orders", "{\"supplier\":\"Acme\",\"newSupplier\":true,\"lines\":[{\"sku\":\"WAIT-1\","
                + "\"quantity\":100,\"expectedDate\":\"" + api.restock().books().today().plusDays(5) + "\"}]}");
        var waiting = api.client().post("/api/orders", "{\"customerEmail\":\"ann@example.com\",\"lines\":[{\"sku\":\"WAIT-1\",\"quantity\":60}]}");
        assertThat(waiting.responseBody()).contains("\"backordered\":60");

        String said = limit("WAIT-1");
        int orderable = api.client().get("/api/availability/WAIT-1?quantity=100").json().path("orderable").asInt();

        assertThat(orderable).isPositive().isLessThanOrEqualTo(40);
        assertThat(said).startsWith("One order can take at most " + orderable + " (" + orderable + " to wait in the queue). Beyond that the shop"
                + " refuses the rest: not enough of product WAIT-1 in stock: ");
    }

    @Test
    void a_product_an_order_of_any_size_is_taken_for_says_nothing_of_a_limit() throws Exception {
        api.client().post("/api/products", "{\"sku\":\"ANY-1\",\"name\":\"Glass Bead\",\"priceMinor\":900,\"currency\":\"GBP\","
                + "\"backorderPolicy\":\"always\"}");
        stock("ANY-1", 2);

        assertThat(staff.get("/console/skus/ANY-1").body()).doesNotContain("id=\"order-limit\"");
    }
}
