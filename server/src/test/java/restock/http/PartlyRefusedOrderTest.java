package restock.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import restock.support.ApiClient;
import restock.support.RunningApi;
import restock.support.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An order refused in part is ready (or backordered) by what it accepted, and says how many units were refused: it read
 * "ready" and nothing more at the order's level, as if all it asked for would ship (an outside check).
 */
class PartlyRefusedOrderTest {
    @Test
    void an_order_refused_in_part_is_ready_by_the_rest_and_counts_its_refused_units() {
        try (RunningApi api = new RunningApi(TestDatabases.targets().get(0))) {
            ApiClient client = api.client();
            client.post("/api/products", "{\"sku\":\"FAN-1\",\"name\":\"Silk Fan\",\"priceMinor\":1299,\"currency\":\"GBP\",\"backorderPolicy\":\"never\"}");
            client.post("/api/products", "{\"sku\":\"LAMP-1\",\"name\":\"Paper Lamp\",\"priceMinor\":2450,\"currency\":\"GBP\",\"backorderPolicy\":\"never\"}");
            client.post("/api/products", "{\"sku\":\"CUP-1\",\"name\":\"Cup\",\"priceMinor\":300,\"currency\":\"GBP\",\"backorderPolicy\":\"never\"}");
            client.post("/api/stock/FAN-1/adjustments", "{\"quantity\":5,\"reason\":\"opening stock\"}");
            client.post("/api/stock/LAMP-1/adjustments", "{\"quantity\":2,\"reason\":\"opening stock\"}");

            JsonNode order = client.post("/api/orders", "{\"customerEmail\":\"ann@example.com\",\"lines\":[{\"sku\":\"FAN-1\",\"quantity\":5},"
                    + "{\"sku\":\"LAMP-1\",\"quantity\":3},{\"sku\":\"CUP-1\",\"quantity\":4}]}").json();

            assertThat(order.path("status").asText()).isEqualTo("ready");
            assertThat(order.path("refusedUnits").asInt()).as(order.toString()).isEqualTo(5);
            assertThat(order.path("lines").get(1).path("status").asText()).isEqualTo("reserved");
            assertThat(order.path("lines").get(1).path("refused").asInt()).isEqualTo(1);
            assertThat(order.path("lines").get(2).path("status").asText()).isEqualTo("refused");
            assertThat(client.get("/api/orders/" + order.path("id").asLong()).json().path("refusedUnits").asInt()).isEqualTo(5);

            JsonNode whole = client.post("/api/orders", "{\"customerEmail\":\"bob@example.com\",\"lines\":[{\"sku\":\"LAMP-1\",\"quantity\":1}]}").json();
            assertThat(whole.path("status").asText()).isEqualTo("refused");
            assertThat(whole.path("refusedUnits").asInt()).isEqualTo(1);
            client.post("/api/stock/CUP-1/adjustments", "{\"quantity\":9,\"reason\":\"found\"}");
            JsonNode accepted = client.post("/api/orders", "{\"customerEmail\":\"cat@example.com\",\"lines\":[{\"sku\":\"CUP-1\",\"quantity\":1}]}").json();
            assertThat(accepted.path("status").asText()).isEqualTo("ready");
            assertThat(accepted.path("refusedUnits").asInt()).isZero();
        }
    }
}
