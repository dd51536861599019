package restock.http;

import org.junit.jupiter.api.Test;
import restock.support.ApiClient;
import restock.support.RunningApi;
import restock.support.TestDatabases;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The customer's cancel page: no login, one click, a second click changes nothing, a forged link says so. */
class CancelPageTest {

    @Test
    void a_customer_cancels_waiting_items_in_one_click() {
        try (RunningApi api = new RunningApi(TestDatabases.targets().get(0))) {
            ApiClient client = api.client();
            client.post("/api/products", "{\"sku\":\"22720\",\"name\":\"Set Of 3 Cake Tins Pantry Design\",\"priceMinor\":495,"
                    + "\"currency\":\"GBP\",\"backorderPolicy\":\"always\"}");
            long orderId = client.post("/api/orders", "{\"customerEmail\":\"ann@example.com\",\"paymentMethod\":\"pm_card_visa\","
                    + "\"lines\":[{\"sku\":\"22720\",\"quantity\":2}]}").json().path("id").asLong();
            String url = client.post("/api/orders/" + orderId + "/cancel-link", "").json().path("url").asText();
            String path = url.substring(url.indexOf("/cancel/"));

            ApiClient.Exchange page = client.send("GET", path, null, Map.of());
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.responseBody()).contains("Cancel the waiting items").contains("costs nothing").contains("22720")
                    .contains("Set Of 3 Cake Tins Pantry Design").contains("Restock demo shop");
            assertThat(client.get("/api/orders/" + orderId).json().path("status").asText()).as("opening the page changes nothing")
                    .isEqualTo("backordered");

            ApiClient.Exchange done = client.send("POST", path, "reason=found+it+elsewhere",
                    Map.of("Content-Type", "application/x-www-form-urlencoded"));
            assertThat(done.responseBody()).contains("is now cancelled")
                    .as("the product by name, and what it cost in plain words")
                    .contains("2 × Set Of 3 Cake Tins Pantry Design cancelled; nothing was charged");
            assertThat(client.get("/api/orders/" + orderId).json().path("status").asText()).isEqualTo("cancelled");

            ApiClient.Exchange again = client.send("POST", path, "reason=other", Map.of("Content-Type", "application/x-www-form-urlencoded"));
            assertThat(again.responseBody()).contains("This link has been used");
            long reasons = api.restock().read(h -> h.createQuery("select count(*) from cancellations where order_id = :id and via = 'cancel-link'")
                    .bind("id", orderId).mapTo(Long.class).one());
            assertThat(reasons).isEqualTo(1);

            ApiClient.Exchange forged = client.send("GET", "/cancel/not-a-real-token", null, Map.of());
            assertThat(forged.responseBody()).contains("not valid");
        }
    }
}
