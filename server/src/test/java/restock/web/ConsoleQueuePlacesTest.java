package restock.web;

import org.junit.jupiter.api.Test;
import restock.support.ApiClient;
import restock.support.ConsoleSession;
import restock.support.RunningApi;
import restock.support.TestDatabases;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** After an inline cancel on the backorder queue the rows behind it kept their old places until a reload (an outside tester's finding). */
class ConsoleQueuePlacesTest {
    @Test
    void an_inline_cancel_brings_the_new_places_of_the_lines_behind_it() {
        try (RunningApi api = new RunningApi(TestDatabases.targets().get(0))) {
            ApiClient client = api.client();
            client.post("/api/products", "{\"sku\":\"VASE-1\",\"name\":\"Blue Vase\",\"priceMinor\":2500,\"currency\":\"GBP\",\"backorderPolicy\":\"always\"}");
            long first = waitingOrder(client, "ann@example.com");
            long second = waitingOrder(client, "bob@example.com");
            long third = waitingOrder(client, "cat@example.com");
            ConsoleSession staff = ConsoleSession.signedIn(api, "ops", "correct horse battery");
            String queue = staff.get("/console/backorders?sku=VASE-1").body();
            assertThat(queue).contains("id=\"place-" + third + "-1\">3</td>");

            HttpResponse<String> cancelled = staff.postHtmx("/console/orders/" + first + "/lines/1/cancel",
                    Map.of("_csrf", ConsoleSession.hidden(queue, "_csrf"), "confirm", "yes"));

            assertThat(cancelled.statusCode()).isEqualTo(200);
            assertThat(cancelled.body()).contains("class=\"row-done\"")
                    .contains("id=\"place-" + second + "-1\" hx-swap-oob=\"true\">1</td>")
                    .contains("id=\"place-" + third + "-1\" hx-swap-oob=\"true\">2</td>")
                    .doesNotContain("id=\"place-" + first + "-1\"");
        }
    }

    private static long waitingOrder(ApiClient client, String email) {
        return client.post("/api/orders", "{\"customerEmail\":\"" + email + "\",\"lines\":[{\"sku\":\"VASE-1\",\"quantity\":2}]}")
                .json().path("id").asLong();
    }
}
