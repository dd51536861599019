package restock.http;

import org.junit.jupiter.api.Test;
import restock.support.ApiClient;
import restock.support.RunningApi;
import restock.support.TestDatabases;

import java.time.LocalDate;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** POST /api/purchase-orders refuses a line expected in the past and a supplier no one created, as problems naming the field. */
class PurchaseOrderAnswersTest {

    @Test
    void a_past_expected_date_and_a_mistyped_supplier_are_refused_and_a_new_supplier_is_created_only_when_said() {
        try (RunningApi api = new RunningApi(TestDatabases.targets().get(0))) {
            ApiClient client = api.client();
            assertThat(client.post("/api/products", "{\"sku\":\"21212\",\"name\":\"Pack Of 72 Retrospot Cake Cases\",\"priceMinor\":55,\"currency\":\"GBP\"}")
                    .status()).isEqualTo(201);
            assertThat(client.post("/api/suppliers", "{\"name\":\"Midlands Paper\"}").status()).isEqualTo(201);
            String soon = LocalDate.now(ZoneOffset.UTC).plusDays(9).toString();

            ApiClient.Exchange past = client.post("/api/purchase-orders",
                    "{\"supplier\":\"Midlands Paper\",\"lines\":[{\"sku\":\"21212\",\"quantity\":5,\"expectedDate\":\"2020-01-01\"}]}");
            assertThat(past.status()).as(past.responseBody()).isEqualTo(400);
            assertThat(past.json().path("field").asText()).isEqualTo("lines[0].expectedDate");
            assertThat(past.json().path("detail").asText()).contains("2020-01-01").contains("before today");
            assertThat(client.get("/api/availability/21212?quantity=2").json().path("status").asText()).isEqualTo("out_of_stock");

            ApiClient.Exchange typo = client.post("/api/purchase-orders",
                    "{\"supplier\":\"Midlnds Paper\",\"lines\":[{\"sku\":\"21212\",\"quantity\":5,\"expectedDate\":\"" + soon + "\"}]}");
            assertThat(typo.status()).as(typo.responseBody()).isEqualTo(404);
            assertThat(typo.json().path("field").asText()).isEqualTo("supplier");
            assertThat(typo.json().path("detail").asText()).contains("did you mean 'Midlands Paper'?");
            assertThat(client.get("/api/suppliers").responseBody()).doesNotContain("Midlnds");

            ApiClient.Exchange known = client.post("/api/purchase-orders",
                    "{\"supplier\":\"Midlands Paper\",\"lines\":[{\"sku\":\"21212\",\"quantity\":5,\"expectedDate\":\"" + soon + "\"}]}");
            assertThat(known.status()).as(known.responseBody()).isEqualTo(201);
            ApiClient.Exchange brandNew = client.post("/api/purchase-orders", "{\"supplier\":\"Kyoto Fans Ltd\",\"newSupplier\":true,"
                    + "\"lines\":[{\"sku\":\"21212\",\"quantity\":5,\"expectedDate\":\"" + soon + "\"}]}");
            assertThat(brandNew.status()).as(brandNew.responseBody()).isEqualTo(201);
            assertThat(client.get("/api/suppliers").responseBody()).contains("Kyoto Fans Ltd");
        }
    }
}
