package restock.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import restock.notify.Message;
import restock.store.SqlOutbox;
import restock.support.ApiClient;
import restock.support.RunningApi;
import restock.support.TestDatabases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every paged list names a next page only when there is one: a list answered {@code next} whenever its page was
 * full, so exactly one page's worth of items sent the reader to an empty page (one message with limit=1 took two
 * requests; 30 outbox messages took 31; an outside check), though openapi.yaml says next is absent on the last page.
 */
class LastPageTest {
    /** Each list's path and the parameter its next value goes back as. */
    private static final Map<String, String> LISTS = Map.of(
            "/api/messages?recipient=ann@example.com", "before",
            "/api/outbox?topic=offer.issued", "before",
            "/api/purchase-orders?status=open", "after",
            "/api/stock", "after",
            "/api/products", "after",
            "/api/suppliers", "after",
            "/api/orders/to-ship", "after");

    @Test
    void a_list_of_exactly_whole_pages_names_no_next_on_its_last_page() {
        try (RunningApi api = new RunningApi(TestDatabases.targets().get(0))) {
            ApiClient client = api.client();
            twoOfEach(api, client);

            LISTS.forEach((list, cursor) -> {
                JsonNode whole = expect(client.get(with(list, "limit=2")));
                assertThat(whole.path("items")).as(list).hasSize(2);
                assertThat(whole.has("next")).as(list + ": one full page is the last page").isFalse();

                List<String> seen = new ArrayList<>();
                String page = with(list, "limit=1");
                int requests = 0;
                while (page != null) {
                    JsonNode answer = expect(client.get(page));
                    requests++;
                    assertThat(answer.path("items")).as(page + " (a page named by next has items)").hasSize(1);
                    seen.add(answer.path("items").get(0).toString());
                    page = answer.hasNonNull("next")
                            ? with(list, "limit=1&" + cursor + "=" + answer.path("next").asText()) : null;
                }
                assertThat(requests).as(list + ": two items a page at a time take two pages").isEqualTo(2);
                assertThat(seen).as(list).doesNotHaveDuplicates();
            });
        }
    }

    private static String with(String list, String parameters) {
        return list + (list.contains("?") ? "&" : "?") + parameters;
    }

    private static JsonNode expect(ApiClient.Exchange answer) {
        assertThat(answer.status()).as(answer.path() + ": " + answer.responseBody()).isEqualTo(200);
        return answer.json();
    }

    /** Two products in stock, each on an open purchase order from a supplier of its own and on an order that ships now; two mails. */
    private static void twoOfEach(RunningApi api, ApiClient client) {
        String due = LocalDate.now().plusDays(14).toString();
        for (String sku : List.of("PAGE-1", "PAGE-2")) {
            client.post("/api/products", "{\"sku\":\"" + sku + "\",\"name\":\"Lamp " + sku + "\",\"priceMinor\":900,\"currency\":\"GBP\"}");
            client.post("/api/stock/" + sku + "/adjustments", "{\"quantity\":5,\"reason\":\"opening stock\"}");
            expect201(client.post("/api/purchase-orders", "{\"supplier\":\"Supplier " + sku + "\",\"newSupplier\":true,\"lines\":[{\"sku\":\""
                    + sku + "\",\"quantity\":10,\"expectedDate\":\"" + due + "\"}]}"));
            expect201(client.post("/api/orders", "{\"customerEmail\":\"ann@example.com\",\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":1}]}"));
        }
        api.restock().inTransaction(h -> {
            for (int i = 0; i < 2; i++) {
                SqlOutbox.enqueue(h, new Message(UUID.randomUUID(), Message.Channel.EMAIL, "offer.issued", "ann@example.com", "Offer " + i,
                        "text", null, "ann@example.com"), Instant.now());
            }
            return null;
        });
    }

    private static void expect201(ApiClient.Exchange answer) {
        assertThat(answer.status()).as(answer.path() + ": " + answer.responseBody()).isEqualTo(201);
    }
}
