package restock.http;

import org.junit.jupiter.api.Test;
import restock.store.SqlIdempotency;
import restock.support.ApiClient;
import restock.support.ApiClient.Exchange;
import restock.support.RunningApi;
import restock.support.TestDatabases;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A retry under an Idempotency-Key is the same request when its JSON is the same: a storefront that rebuilt an
 * order with its fields in another order (or other whitespace) got a 422, as if it had asked for something else.
 */
class IdempotencyKeyTest {
    private static final String ORDER = "{\"customerEmail\":\"ann@example.com\",\"lines\":[{\"sku\":\"22423\",\"quantity\":2}]}";

    @Test
    void the_same_json_with_fields_in_another_order_and_other_whitespace_gets_the_first_answer() {
        try (RunningApi api = new RunningApi(TestDatabases.targets().get(0))) {
            ApiClient client = stocked(api);
            Exchange first = expect(client.post("/api/orders", ORDER, "order-ann"), 201);
            Exchange reordered = expect(client.post("/api/orders", """
                    {
                      "lines": [ { "quantity": 2, "sku": "22423" } ],
                      "customerEmail": "ann@example.com"
                    }""", "order-ann"), 201);
            assertThat(reordered.responseBody()).isEqualTo(first.responseBody());
            assertThat(expect(client.get("/api/stock/22423"), 200).json().path("reserved").asInt()).as("one order, not two").isEqualTo(2);

            Exchange other = expect(client.post("/api/orders", ORDER.replace("\"quantity\":2", "\"quantity\":3"), "order-ann"), 422);
            assertThat(other.json().path("detail").asText()).contains("different request body");
            expect(client.post("/api/orders", "{\"lines\":[{\"sku\":\"22423\",\"quantity\":2},{\"sku\":\"22423\",\"quantity\":1}],"
                    + "\"customerEmail\":\"ann@example.com\"}", "order-ann"), 422);
        }
    }

    @Test
    void an_answer_stored_under_the_hash_of_the_exact_bytes_still_answers_a_retry_of_those_bytes() throws Exception {
        try (RunningApi api = new RunningApi(TestDatabases.targets().get(0))) {
            ApiClient client = stocked(api);
            String exact = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(ORDER.getBytes(StandardCharsets.UTF_8)));
            api.restock().inTransaction(h -> {
                SqlIdempotency.store(h, "POST /api/orders", "stored-before", exact, 201, "{\"id\":41}", Instant.now());
                return null;
            });
            assertThat(expect(client.post("/api/orders", ORDER, "stored-before"), 201).responseBody()).isEqualTo("{\"id\":41}");
        }
    }

    private static ApiClient stocked(RunningApi api) {
        ApiClient client = api.client();
        expect(client.post("/api/products", "{\"sku\":\"22423\",\"name\":\"Regency Cakestand 3 Tier\",\"priceMinor\":1275,\"currency\":\"GBP\"}"), 201);
        expect(client.post("/api/stock/22423/adjustments", "{\"quantity\":5,\"reason\":\"opening stock\"}"), 200);
        return client;
    }

    private static Exchange expect(Exchange answer, int status) {
        assertThat(answer.status()).as(answer.method() + " " + answer.path() + ": " + answer.responseBody()).isEqualTo(status);
        return answer;
    }
}
