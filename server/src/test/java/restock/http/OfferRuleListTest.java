package restock.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import restock.support.ApiClient;
import restock.support.ApiClient.Exchange;
import restock.support.RunningApi;
import restock.support.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;

/** Staff programs can see which offer rules are on: GET /api/offer-rules answered 405, so a rule once turned on could not be read back. */
class OfferRuleListTest {
    @Test
    void operations_and_reporting_keys_list_the_rules_turned_on_active_ones_first() {
        try (RunningApi api = new RunningApi(TestDatabases.targets().get(0))) {
            ApiClient client = api.client();
            expect(client.post("/api/offer-rules", "{\"kind\":\"waitlist_discount\",\"percentOff\":10,\"validDays\":14}"), 201);
            expect(client.post("/api/offer-rules", "{\"kind\":\"waitlist_discount\",\"percentOff\":15,\"validDays\":30,\"minOrderMinor\":2000}"), 201);
            expect(client.post("/api/offer-rules", "{\"kind\":\"late_compensation\",\"percentPerWeekLate\":5,\"capPercent\":20,\"validDays\":60}"), 201);

            String reportingKey = expect(client.post("/api/keys", "{\"name\":\"reports\",\"scope\":\"reporting\"}"), 201).json().path("secret").asText();
            JsonNode items = expect(new ApiClient(client.baseUrl(), reportingKey).get("/api/offer-rules"), 200).json().path("items");
            assertThat(items).hasSize(3);
            assertThat(items.get(0).path("active").asBoolean()).isTrue();
            assertThat(items.get(0).path("kind").asText()).isEqualTo("late_compensation");
            assertThat(items.get(0).path("capPercent").asInt()).isEqualTo(20);
            assertThat(items.get(1).path("percentOff").asInt()).isEqualTo(15);
            assertThat(items.get(1).path("minOrderMinor").asLong()).isEqualTo(2000);
            assertThat(items.get(2).path("active").asBoolean()).as("the rule the newer one of its kind replaced").isFalse();
            assertThat(items.get(2).path("createdAt").asText()).isNotEmpty();

            String storefrontKey = expect(client.post("/api/keys", "{\"name\":\"shop\",\"scope\":\"storefront\"}"), 201).json().path("secret").asText();
            expect(new ApiClient(client.baseUrl(), storefrontKey).get("/api/offer-rules"), 403);
        }
    }

    private static Exchange expect(Exchange answer, int status) {
        assertThat(answer.status()).as(answer.method() + " " + answer.path() + ": " + answer.responseBody()).isEqualTo(status);
        return answer;
    }
}
