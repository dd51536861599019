package restock.http;

import org.junit.jupiter.api.Test;
import restock.support.ApiClient;
import restock.support.RunningApi;
import restock.support.TestDatabases;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** Storefront answers follow every write, through the same decision an order gets. */
class AvailabilityAnswersTest {

    @Test
    void every_write_changes_the_answer() {
        try (RunningApi api = new RunningApi(TestDatabases.targets().get(0))) {
            ApiClient client = api.client();
            client.post("/api/products", "{\"sku\":\"21212\",\"name\":\"Pack Of 72 Retrospot Cake Cases\",\"priceMinor\":55,\"currency\":\"GBP\"}");
            assertThat(client.get("/api/availability/21212").json().path("status").asText()).isEqualTo("out_of_stock");

            client.post("/api/stock/21212/adjustments", "{\"quantity\":3,\"reason\":\"found in returns bay\"}");
            ApiClient.Exchange inStock = client.get("/api/availability/21212?quantity=3");
            assertThat(inStock.json().path("status").asText()).isEqualTo("in_stock");
            assertThat(inStock.json().path("message").asText()).isEqualTo("In stock");
            assertThat(client.get("/api/availability/21212?quantity=4").json().path("status").asText()).isEqualTo("out_of_stock");

            client.post("/api/orders", "{\"customerEmail\":\"a@example.com\",\"lines\":[{\"sku\":\"21212\",\"quantity\":3}]}");
            assertThat(client.get("/api/availability/21212").json().path("available").asInt()).isZero();

            LocalDate expected = LocalDate.now().plusDays(9);
            client.post("/api/purchase-orders", "{\"supplier\":\"Cakes Ltd\",\"newSupplier\":true,\"lines\":[{\"sku\":\"21212\",\"quantity\":5,\"expectedDate\":\""
                    + expected + "\"}]}");
            ApiClient.Exchange backorder = client.get("/api/availability/21212?quantity=2");
            assertThat(backorder.json().path("status").asText()).isEqualTo("backorder");
            assertThat(LocalDate.parse(backorder.json().path("eta").path("to").asText())).isAfterOrEqualTo(expected);
            assertThat(backorder.json().path("eta").path("probability").asDouble()).isBetween(0.8, 0.99);
            assertThat(client.get("/api/products/21212/offer").json().path("offers").path("availability").asText()).isEqualTo("https://schema.org/BackOrder");
        }
    }

    /**
     * A product that may not wait for stock, with a confirmed purchase order coming: the shop said "Out of stock —
     * usually restocks every ~2 months" with 2,460 units due on 12 Dec (an outside check, demo SKU 21731). Out of stock
     * is right, as an order for it is refused; the timeline says when more is due, the order's refusal agreeing.
     */
    @Test
    void a_product_that_may_not_wait_says_when_more_is_due_and_is_still_refused() {
        try (RunningApi api = new RunningApi(TestDatabases.targets().get(0))) {
            ApiClient client = api.client();
            client.post("/api/products", "{\"sku\":\"21731\",\"name\":\"Red Toadstool Led Night Light\",\"priceMinor\":165,"
                    + "\"currency\":\"GBP\",\"backorderPolicy\":\"never\"}");
            client.post("/api/purchase-orders", "{\"supplier\":\"Lights Ltd\",\"newSupplier\":true,\"lines\":[{\"sku\":\"21731\","
                    + "\"quantity\":2460,\"expectedDate\":\"" + LocalDate.now().plusDays(5) + "\"}]}");

            var answer = client.get("/api/availability/21731").json();
            assertThat(answer.path("status").asText()).isEqualTo("out_of_stock");
            assertThat(answer.path("message").asText()).startsWith("Out of stock — more is due ").doesNotContain("usually restocks");
            assertThat(answer.path("note").asText()).startsWith("more is due ");
            assertThat(answer.has("eta")).as("nothing is promised to an order that cannot be placed").isFalse();
            var order = client.post("/api/orders", "{\"customerEmail\":\"a@example.com\",\"lines\":[{\"sku\":\"21731\",\"quantity\":1}]}").json();
            assertThat(order.path("refusedUnits").asInt()).as("still refused: the policy lets none wait").isEqualTo(1);
            assertThat(client.get("/api/products/21731/offer").json().path("offers").path("availability").asText())
                    .isEqualTo("https://schema.org/OutOfStock");
        }
    }

    /** The offer was sent without a charset and encoded as Latin-1: "Café" arrived as invalid UTF-8, "茶" as "?" (an outside check). */
    @Test
    void the_offer_is_utf_8_json_ld() {
        try (RunningApi api = new RunningApi(TestDatabases.targets().get(0))) {
            ApiClient client = api.client();
            String name = "Café Crème — 茶 🍵";
            ApiClient.Exchange created = client.post("/api/products", "{\"sku\":\"NC-UTF\",\"name\":\"" + name + "\",\"priceMinor\":450,\"currency\":\"GBP\"}");
            assertThat(created.json().path("name").asText()).as("a command's answer, as stored for its retries").isEqualTo(name);
            ApiClient.Exchange offer = client.get("/api/products/NC-UTF/offer");
            assertThat(offer.contentType()).isEqualToIgnoringWhitespace("application/ld+json;charset=utf-8");
            assertThat(offer.json().path("name").asText()).isEqualTo(name);
        }
    }

    @Test
    void bad_availability_requests_are_explained() {
        try (RunningApi api = new RunningApi(TestDatabases.targets().get(0))) {
            ApiClient client = api.client();
            client.post("/api/products", "{\"sku\":\"21212\",\"name\":\"Cake Cases\",\"priceMinor\":55,\"currency\":\"GBP\"}");
            assertThat(client.get("/api/availability/21212?quantity=0").json().path("field").asText()).as("the query parameter by its name (it said items[0].quantity)").isEqualTo("quantity");
            assertThat(client.get("/api/availability/21212?quantity=abc").status()).isEqualTo(400);
            ApiClient.Exchange unknown = client.get("/api/availability/NOPE");
            assertThat(unknown.status()).isEqualTo(404);
            assertThat(unknown.json().path("field").asText()).as("the path's sku (it said items[0].sku, a request with no items)").isEqualTo("sku");
            // A known path with a method it does not take (a new user got 404, as if the path did not exist).
            ApiClient.Exchange wrongMethod = client.send("DELETE", "/api/availability", null, java.util.Map.of("Authorization", "Bearer " + RunningApi.API_KEY));
            assertThat(wrongMethod.status()).isEqualTo(405);
            assertThat(wrongMethod.responseBody()).contains("it takes POST");
            StringBuilder items = new StringBuilder();
            for (int i = 0; i < 201; i++) {
                items.append(i == 0 ? "" : ",").append("{\"sku\":\"21212\",\"quantity\":1}");
            }
            ApiClient.Exchange tooMany = client.post("/api/availability", "{\"items\":[" + items + "]}");
            assertThat(tooMany.status()).isEqualTo(400);
            assertThat(tooMany.json().path("detail").asText()).contains("at most 200");
            ApiClient.Exchange past = client.post("/api/purchase-orders", "{\"supplier\":\"S\",\"newSupplier\":true,\"lines\":[{\"sku\":\"21212\",\"quantity\":1,\"expectedDate\":\"2030-01-01\"}]}");
            ApiClient.Exchange slipIntoPast = client.post("/api/purchase-orders/" + past.json().path("id").asLong() + "/lines/1/expected-date",
                    "{\"expectedDate\":\"2001-01-01\"}");
            assertThat(slipIntoPast.status()).isEqualTo(400);
            assertThat(slipIntoPast.json().path("field").asText()).isEqualTo("expectedDate");
        }
    }
}
