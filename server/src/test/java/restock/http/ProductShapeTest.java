package restock.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import restock.support.ApiClient;
import restock.support.ApiClient.Exchange;
import restock.support.RunningApi;
import restock.support.TestDatabases;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One product, one shape: GET /api/products/{sku} left out the releaseDate, category and supplierId the PATCH answer
 * gave (an outside check), so a storefront developer saw two shapes for one product. A storefront key is not told
 * the shop's supplier.
 */
class ProductShapeTest {
    @Test
    void a_product_read_is_the_shape_its_edit_answers_and_a_storefront_key_is_not_told_the_supplier() {
        try (RunningApi api = new RunningApi(TestDatabases.targets().get(0))) {
            ApiClient client = api.client();
            expect(client.post("/api/products", """
                    {"sku":"90001","name":"Christmas Bauble","priceMinor":350,"currency":"GBP","brand":"Restock Home"}"""), 201);
            expect(client.post("/api/categories", "{\"code\":\"christmas\",\"name\":\"Christmas\"}"), 201);
            long supplierId = expect(client.post("/api/suppliers", "{\"name\":\"Bauble Works\"}"), 201).json().path("id").asLong();
            String release = LocalDate.now().plusDays(30).toString();
            JsonNode edited = expect(client.patch("/api/products/90001", "{\"releaseDate\":\"" + release
                    + "\",\"category\":\"christmas\",\"supplierId\":" + supplierId + "}"), 200).json();

            JsonNode read = expect(client.get("/api/products/90001"), 200).json();
            assertThat(read).as("operations: the shape the edit answered").isEqualTo(edited);
            assertThat(read.path("releaseDate").asText()).isEqualTo(release);
            assertThat(read.path("category").asText()).isEqualTo("christmas");
            assertThat(read.path("supplierId").asLong()).isEqualTo(supplierId);
            assertThat(read.path("brand").asText()).isEqualTo("Restock Home");

            String storefront = expect(client.post("/api/keys", "{\"name\":\"www\",\"scope\":\"storefront\"}"), 201).json().path("secret").asText();
            JsonNode shop = expect(new ApiClient(client.baseUrl(), storefront).get("/api/products/90001"), 200).json();
            assertThat(shop.has("supplierId")).as("a storefront is not told who supplies the shop").isFalse();
            assertThat(shop.path("releaseDate").asText()).isEqualTo(release);
            assertThat(shop.path("category").asText()).isEqualTo("christmas");
            ((com.fasterxml.jackson.databind.node.ObjectNode) read).remove("supplierId");
            assertThat(shop).isEqualTo(read);

            String reporting = expect(client.post("/api/keys", "{\"name\":\"bi\",\"scope\":\"reporting\"}"), 201).json().path("secret").asText();
            assertThat(expect(new ApiClient(client.baseUrl(), reporting).get("/api/products/90001"), 200).json().path("supplierId").asLong())
                    .isEqualTo(supplierId);
        }
    }

    private static Exchange expect(Exchange answer, int status) {
        assertThat(answer.status()).as(answer.method() + " " + answer.path() + ": " + answer.responseBody()).isEqualTo(status);
        return answer;
    }
}
