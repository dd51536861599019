package restock.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import restock.support.ApiClient;
import restock.support.ApiClient.Exchange;
import restock.support.RunningApi;
import restock.support.TestDatabases;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One rule for query parameters on every route: one a route does not take is refused with the one it likely meant,
 * not ignored (a storefront's {@code ?qty=500} was answered for one unit, {@code ?lmit=3} gave the default page),
 * while three lists already refused them.
 */
class QueryParametersTest {
    @Test
    void every_route_refuses_a_query_parameter_it_does_not_take_and_names_the_one_meant() {
        try (RunningApi api = new RunningApi(TestDatabases.targets().get(0))) {
            ApiClient client = api.client();
            expect(client.post("/api/products", "{\"sku\":\"22423\",\"name\":\"Regency Cakestand 3 Tier\",\"priceMinor\":1275,\"currency\":\"GBP\"}"), 201);
            expect(client.post("/api/stock/22423/adjustments", "{\"quantity\":5,\"reason\":\"opening stock\"}"), 200);

            JsonNode qty = expect(client.get("/api/availability/22423?qty=500"), 400).json();
            assertThat(qty.path("field").asText()).isEqualTo("qty");
            assertThat(qty.path("detail").asText()).isEqualTo("unknown query parameter 'qty'; did you mean 'quantity'? "
                    + "GET /api/availability/{sku} takes quantity");
            assertThat(expect(client.get("/api/availability/22423?quantity=500"), 200).json().path("quantity").asInt()).isEqualTo(500);

            JsonNode lmit = expect(client.get("/api/stock?lmit=3"), 400).json();
            assertThat(lmit.path("detail").asText()).contains("did you mean 'limit'?");
            assertThat(expect(client.get("/api/products/22423?fields=name"), 400).json().path("detail").asText())
                    .endsWith("GET /api/products/{sku} takes no query parameters");
            assertThat(expect(client.get("/api/stock?limit=1&limit=2"), 400).json().path("detail").asText())
                    .isEqualTo("query parameter limit is given 2 times; give it once");
            expect(client.post("/api/orders?dryRun=true", "{\"customerEmail\":\"ann@example.com\",\"lines\":[{\"sku\":\"22423\",\"quantity\":1}]}"), 400);
            assertThat(expect(client.get("/api/stock/22423"), 200).json().path("reserved").asInt())
                    .as("the refused order placed nothing").isZero();

            String feedKey = expect(client.post("/api/keys", "{\"name\":\"merchant center\",\"scope\":\"feeds\"}"), 201).json().path("secret").asText();
            Exchange feed = expect(client.send("GET", "/feeds/" + feedKey + "/google-merchant.xml?utm_source=x", null, Map.of()), 400);
            assertThat(feed.json().path("detail").asText()).as("the route by its template, not the key in the path")
                    .contains("GET /feeds/{key}/google-merchant.xml takes no query parameters").doesNotContain(feedKey);
            Exchange keyInQuery = expect(client.send("GET", "/api/feeds/google-merchant.xml?key=" + feedKey, null, Map.of()), 401);
            assertThat(keyInQuery.json().path("detail").asText()).as("where Merchant Center's key goes")
                    .contains("goes in its path, not its query: /feeds/{key}/google-merchant.xml").doesNotContain(feedKey);
        }
    }

    private static Exchange expect(Exchange answer, int status) {
        assertThat(answer.status()).as(answer.method() + " " + answer.path() + ": " + answer.responseBody()).isEqualTo(status);
        return answer;
    }
}
