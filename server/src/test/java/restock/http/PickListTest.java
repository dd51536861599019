package restock.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import restock.support.ApiClient;
import restock.support.RunningApi;
import restock.support.TestDatabases;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The warehouse's pick list (GET /api/orders/to-ship): orders with units reserved, oldest first, a page at a time.
 * A 3PL that fulfils for the shop had no way to learn which orders to ship but to read every order by id.
 */
class PickListTest {

    @Test
    void orders_with_a_line_wholly_reserved_are_listed_oldest_first_until_they_ship_and_waiting_ones_are_not() {
        try (RunningApi api = new RunningApi(TestDatabases.targets().get(0))) {
            ApiClient client = api.client();
            expect(client.post("/api/products", "{\"sku\":\"22423\",\"name\":\"Regency Cakestand\",\"priceMinor\":1275,\"currency\":\"GBP\",\"backorderPolicy\":\"always\"}"), 201);
            expect(client.post("/api/products", "{\"sku\":\"21212\",\"name\":\"Cake Cases\",\"priceMinor\":55,\"currency\":\"GBP\",\"backorderPolicy\":\"always\"}"), 201);
            expect(client.post("/api/stock/22423/adjustments", "{\"quantity\":5,\"reason\":\"opening stock\"}"), 200);

            long first = placed(client, "[{\"sku\":\"22423\",\"quantity\":2}]");
            long waitingOnly = placed(client, "[{\"sku\":\"21212\",\"quantity\":3}]");
            long mixed = placed(client, "[{\"sku\":\"22423\",\"quantity\":1},{\"sku\":\"21212\",\"quantity\":1}]");
            long third = placed(client, "[{\"sku\":\"22423\",\"quantity\":2}]");
            long partly = placed(client, "[{\"sku\":\"21212\",\"quantity\":4}]");
            // Two units of 21212 go to the oldest waiting line: partly reserved, partly waiting, it ships nothing yet.
            expect(client.post("/api/stock/21212/adjustments", "{\"quantity\":2,\"reason\":\"found\"}"), 200);
            JsonNode partlyReserved = expect(client.get("/api/orders/" + waitingOnly), 200).json().path("lines").get(0);
            assertThat(partlyReserved.path("reserved").asInt()).isEqualTo(2);
            assertThat(partlyReserved.path("backordered").asInt()).isEqualTo(1);

            assertThat(ids(expect(client.get("/api/orders/to-ship"), 200).json())).containsExactly(first, mixed, third);
            JsonNode mixedListed = expect(client.get("/api/orders/to-ship"), 200).json().path("items").get(1);
            assertThat(mixedListed.path("status").asText()).isEqualTo("backordered");
            assertThat(mixedListed.path("lines").size()).isEqualTo(2);
            assertThat(expect(client.get("/api/orders/to-ship"), 200).json().has("next")).isFalse();

            List<Long> paged = new ArrayList<>();
            String cursor = "";
            for (int page = 0; page < 5; page++) {
                JsonNode answer = expect(client.get("/api/orders/to-ship?limit=1" + cursor), 200).json();
                paged.addAll(ids(answer));
                if (!answer.has("next")) {
                    break;
                }
                cursor = "&after=" + answer.path("next").asText();
            }
            assertThat(paged).containsExactly(first, mixed, third);

            // A declined card: reserved, but a shipment refuses it until it is paid, so the list leaves it out.
            expect(client.post("/api/stock/22423/adjustments", "{\"quantity\":1,\"reason\":\"found\"}"), 200);
            long declined = expect(client.post("/api/orders", "{\"customerEmail\":\"bo@example.com\",\"paymentMethod\":\"pm_card_declined\","
                    + "\"lines\":[{\"sku\":\"22423\",\"quantity\":1}]}"), 201).json().path("id").asLong();
            assertThat(expect(client.get("/api/orders/" + declined), 200).json().path("lines").get(0).path("reserved").asInt()).isEqualTo(1);
            assertThat(ids(expect(client.get("/api/orders/to-ship"), 200).json())).doesNotContain(declined);
            expect(client.post("/api/orders/" + declined + "/ship", ""), 409);

            expect(client.post("/api/orders/" + mixed + "/ship", ""), 200);
            assertThat(ids(expect(client.get("/api/orders/to-ship"), 200).json())).containsExactly(first, third)
                    .doesNotContain(waitingOnly, partly);
        }
    }

    @Test
    void a_bad_cursor_or_limit_is_a_problem_naming_it_and_a_storefront_key_may_not_read_the_list() {
        try (RunningApi api = new RunningApi(TestDatabases.targets().get(0))) {
            ApiClient client = api.client();
            for (String query : List.of("after=-1", "after=x", "after=99999999999999999999", "limit=0", "limit=201", "limit=x",
                    "afer=3", "limit=1&limit=3")) {
                ApiClient.Exchange refused = expect(client.get("/api/orders/to-ship?" + query), 400);
                assertThat(refused.json().path("field").asText()).as(query).isEqualTo(query.substring(0, query.indexOf('=')));
            }
            JsonNode storefront = expect(client.post("/api/keys", "{\"name\":\"www\",\"scope\":\"storefront\"}"), 201).json();
            expect(new ApiClient(client.baseUrl(), storefront.path("secret").asText()).get("/api/orders/to-ship"), 403);
            JsonNode reporting = expect(client.post("/api/keys", "{\"name\":\"bi\",\"scope\":\"reporting\"}"), 201).json();
            expect(new ApiClient(client.baseUrl(), reporting.path("secret").asText()).get("/api/orders/to-ship"), 200);
        }
    }

    private static long placed(ApiClient client, String lines) {
        return expect(client.post("/api/orders", "{\"customerEmail\":\"ann@example.com\",\"lines\":" + lines + "}"), 201).json().path("id").asLong();
    }

    private static List<Long> ids(JsonNode page) {
        List<Long> ids = new ArrayList<>();
        page.path("items").forEach(order -> ids.add(order.path("id").asLong()));
        return ids;
    }

    private static ApiClient.Exchange expect(ApiClient.Exchange answer, int status) {
        assertThat(answer.status()).as(answer.method() + " " + answer.path() + ": " + answer.responseBody()).isEqualTo(status);
        return answer;
    }
}
