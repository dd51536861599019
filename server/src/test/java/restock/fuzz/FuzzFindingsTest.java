package restock.fuzz;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import restock.support.ApiClient;
import restock.support.RunningApi;
import restock.support.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Causes of 5xx the fuzzer found beyond those listed in issue 11, each replayed as the request that found it:
 * a clear 4xx now, and nothing stored.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FuzzFindingsTest {
    private RunningApi api;
    private ApiClient client;

    @BeforeAll
    void start() {
        api = new RunningApi(TestDatabases.targets().get(0));
        client = api.client();
        client.post("/api/products", "{\"sku\":\"22423\",\"name\":\"Regency Cakestand 3 Tier\",\"priceMinor\":1275,\"currency\":\"GBP\"}");
    }

    @AfterAll
    void stop() {
        api.close();
    }

    private long count(String table) {
        return api.restock().read(h -> h.createQuery("select count(*) from " + table).mapTo(Long.class).one());
    }

    @Test
    void a_waitlist_discount_for_an_unknown_sku_is_a_404_naming_the_sku_not_a_foreign_key_500() {
        ApiClient.Exchange answer = client.post("/api/offer-rules", """
                {"kind":"waitlist_discount","validDays":22,"percentOff":20,"sku":"FZ-251"}""");
        assertThat(answer.status()).as(answer.responseBody()).isEqualTo(404);
        assertThat(answer.json().path("field").asText()).isEqualTo("sku");
        assertThat(answer.json().path("detail").asText()).contains("FZ-251");
        assertThat(count("offer_rules")).isZero();
        assertThat(client.post("/api/offer-rules", """
                {"kind":"waitlist_discount","validDays":22,"percentOff":20,"sku":"22423"}""").status()).isEqualTo(201);
    }

    @Test
    void a_cancel_form_that_is_not_a_form_is_a_400_not_a_500() {
        ApiClient.Exchange answer = client.send("POST", "/cancel/tok123", "sku=x&quantity=1",
                java.util.Map.of("Content-Type", "multipart/form-data; boundary=x"));
        assertThat(answer.status()).as(answer.responseBody()).isEqualTo(400);
        assertThat(answer.json().path("detail").asText()).contains("could not be read");
    }
}
