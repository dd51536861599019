package restock.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import restock.notify.Message;
import restock.store.SqlOutbox;
import restock.support.RunningApi;
import restock.support.TestDatabases;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** GET /api/messages answers with the spec's camelCase names, so generated clients read every field. */
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
}
