package restock.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import restock.notify.Message;
import restock.store.SqlOutbox;
import restock.support.ApiClient;
import restock.support.RunningApi;
import restock.support.TestDatabases;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** GET /api/messages answers with the spec's camelCase names, so generated clients read every field, a page at a time. */
class MessageListTest {
    @Test
    void lists_a_recipients_messages_with_camel_case_fields() {
        try (RunningApi api = new RunningApi(TestDatabases.targets().get(0))) {
            api.restock().inTransaction(h -> SqlOutbox.enqueue(h, new Message(UUID.randomUUID(), Message.Channel.EMAIL, "order.waiting",
                    "ann@example.com", "Your order is on its way soon", "text", "<p>html</p>", "ann"), Instant.now()));
            var answer = api.client().get("/api/messages?recipient=ann@example.com");
            assertThat(answer.status()).isEqualTo(200);
            JsonNode message = answer.json().path("items").get(0);
            assertThat(message.has("messageId")).as(message.toString()).isTrue();
            assertThat(message.has("createdAt")).as(message.toString()).isTrue();
            assertThat(message.has("lastError")).as(message.toString()).isTrue();
            assertThat(message.has("messageid") || message.has("createdat") || message.has("lasterror")).isFalse();
        }
    }

    /** The list answered the newest 200 and no more, with no way to the rest (an outside check): it pages as the outbox does. */
    @Test
    void a_recipients_messages_come_a_page_at_a_time_to_the_last() {
        try (RunningApi api = new RunningApi(TestDatabases.targets().get(0))) {
            api.restock().inTransaction(h -> {
                for (int i = 0; i < 203; i++) {
                    String recipient = i == 100 ? "bob@example.com" : "ann@example.com";
                    SqlOutbox.enqueue(h, new Message(UUID.randomUUID(), Message.Channel.EMAIL, "order.waiting", recipient, "Message " + i,
                            "text", null, recipient), Instant.now());
                }
                return null;
            });
            ApiClient client = api.client();
            JsonNode first = client.get("/api/messages?recipient=ann@example.com").json();
            assertThat(first.path("items")).hasSize(200);
            assertThat(first.path("items").get(0).path("subject").asText()).isEqualTo("Message 202");
            JsonNode rest = client.get("/api/messages?recipient=ann@example.com&before=" + first.path("next").asLong()).json();
            assertThat(rest.path("items")).extracting(item -> item.path("subject").asText()).containsExactly("Message 1", "Message 0");
            assertThat(rest.has("next")).as("the last page has no next").isFalse();

            List<String> subjects = new ArrayList<>();
            String page = "/api/messages?recipient=ann@example.com&limit=60";
            while (page != null) {
                JsonNode answer = client.get(page).json();
                answer.path("items").forEach(item -> subjects.add(item.path("subject").asText()));
                page = answer.has("next") ? "/api/messages?recipient=ann@example.com&limit=60&before=" + answer.path("next").asLong() : null;
            }
            assertThat(subjects).hasSize(202).doesNotHaveDuplicates().doesNotContain("Message 100");

            assertThat(client.get("/api/messages?recipient=ann@example.com&limit=0").json().path("field").asText()).isEqualTo("limit");
            assertThat(client.get("/api/messages?recipient=ann@example.com&limit=201").json().path("detail").asText())
                    .isEqualTo("limit must be between 1 and 200, was 201");
            assertThat(client.get("/api/messages?recipient=ann@example.com&before=abc").json().path("field").asText()).isEqualTo("before");
            ApiClient.Exchange typo = client.get("/api/messages?recipient=ann@example.com&page=2");
            assertThat(typo.status()).isEqualTo(400);
            assertThat(typo.json().path("field").asText()).isEqualTo("page");
        }
    }
}
