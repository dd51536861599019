package restock.http;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import restock.support.ApiClient;
import restock.support.ApiClient.Exchange;
import restock.support.RunningApi;
import restock.support.TestDatabases;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two people edit one product: the second, working from the page they opened before the first saved, used to undo
 * the first's change without a word (last writer wins; an outside check). A GET's ETag sent back in If-Match makes
 * an edit of an old copy a 412 that gives the version now; without If-Match an edit applies as before.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OptimisticEditsTest {
    private RunningApi api;
    private ApiClient client;

    @BeforeAll
    void start() {
        api = new RunningApi(TestDatabases.targets().get(0));
        client = api.client();
        expect(client.post("/api/products", """
                {"sku":"22138","name":"Baking Set 9 Piece Retrospot","priceMinor":495,"currency":"GBP"}"""), 201);
    }

    @AfterAll
    void stop() {
        api.close();
    }

    private static Exchange expect(Exchange answer, int status) {
        assertThat(answer.status()).as(answer.method() + " " + answer.path() + ": " + answer.responseBody()).isEqualTo(status);
        return answer;
    }

    private Exchange patch(String path, String body, String ifMatch) {
        return client.send("PATCH", path, body, Map.of("Authorization", "Bearer " + RunningApi.API_KEY,
                "Content-Type", "application/json", "If-Match", ifMatch));
    }

    @Test
    void an_edit_of_a_product_changed_since_it_was_read_is_refused_with_the_version_now() {
        String read = expect(client.get("/api/products/22138"), 200).header("ETag").orElseThrow();
        assertThat(read).matches("\"[0-9a-f]{16}\"");
        assertThat(expect(client.get("/api/products/22138"), 200).header("ETag")).as("reading changes no version").contains(read);

        Exchange first = expect(patch("/api/products/22138", "{\"priceMinor\":545}", read), 200);
        String afterFirst = first.header("ETag").orElseThrow();
        assertThat(afterFirst).isNotEqualTo(read);
        assertThat(expect(client.get("/api/products/22138"), 200).header("ETag")).contains(afterFirst);

        Exchange stale = expect(patch("/api/products/22138", "{\"name\":\"Baking Set 9 Piece\"}", read), 412);
        assertThat(stale.contentType()).startsWith("application/problem+json");
        assertThat(stale.json().path("detail").asText()).contains("product 22138 changed since version", "read it again");
        assertThat(stale.header("ETag")).contains(afterFirst);
        var now = expect(client.get("/api/products/22138"), 200).json();
        assertThat(now.path("priceMinor").asLong()).as("the first change stands").isEqualTo(545);
        assertThat(now.path("name").asText()).as("the stale one did nothing").isEqualTo("Baking Set 9 Piece Retrospot");
        assertThat(client.get("/api/products/22138/audit").json().path("items")).as("one change in the trail").hasSize(2)
                .allSatisfy(entry -> assertThat(entry.path("changedBy").asText()).as("who, in plain brackets")
                        .isEqualTo("RESTOCK_API_KEY (environment)"));

        expect(patch("/api/products/22138", "{\"name\":\"Baking Set 9 Piece\"}", afterFirst.replace("\"", "")), 200);
        expect(patch("/api/products/22138", "{\"name\":\"Baking Set Nine Piece\"}", "*"), 200);
        expect(client.patch("/api/products/22138", "{\"name\":\"Baking Set 9 Piece Retrospot\"}"), 200);
        for (String bad : List.of("W/" + afterFirst, "\"a\", \"b\"", "not a tag", "\"" + "f".repeat(65) + "\"")) {
            Exchange refused = expect(patch("/api/products/22138", "{\"priceMinor\":1}", bad), 400);
            assertThat(refused.json().path("field").asText()).isEqualTo("If-Match");
        }
    }

    @Test
    void of_eight_edits_sent_at_once_from_one_read_one_applies_and_seven_are_refused() throws Exception {
        expect(client.post("/api/products", """
                {"sku":"22139","name":"Retrospot Tea Set Ceramic 11 Pc","priceMinor":495,"currency":"GBP"}"""), 201);
        String read = expect(client.get("/api/products/22139"), 200).header("ETag").orElseThrow();
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<Exchange>> sent = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            int price = 500 + i;
            sent.add(CompletableFuture.supplyAsync(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return new ApiClient(client.baseUrl(), RunningApi.API_KEY).send("PATCH", "/api/products/22139", "{\"priceMinor\":" + price + "}",
                        Map.of("Authorization", "Bearer " + RunningApi.API_KEY, "Content-Type", "application/json", "If-Match", read));
            }));
        }
        go.countDown();
        List<Integer> statuses = sent.stream().map(CompletableFuture::join).map(Exchange::status).sorted().toList();
        assertThat(statuses).containsExactly(200, 412, 412, 412, 412, 412, 412, 412);
        assertThat(client.get("/api/products/22139/audit").json().path("items")).as("created, and one change").hasSize(2);
    }

    @Test
    void a_supplier_edit_works_the_same_way() {
        long id = expect(client.post("/api/suppliers", "{\"name\":\"Bristol Candle Works\"}"), 201).json().path("id").asLong();
        String read = expect(client.get("/api/suppliers/" + id), 200).header("ETag").orElseThrow();
        expect(patch("/api/suppliers/" + id, "{\"leadTimeDays\":12}", read), 200);
        Exchange stale = expect(patch("/api/suppliers/" + id, "{\"packSize\":6}", read), 412);
        assertThat(stale.json().path("detail").asText()).contains("supplier " + id + " changed since version");
        assertThat(expect(client.get("/api/suppliers/" + id), 200).json().path("packSize").asInt()).isEqualTo(1);
    }
}
