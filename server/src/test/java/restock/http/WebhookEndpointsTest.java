package restock.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import restock.notify.Message;
import restock.store.SqlOutbox;
import restock.store.SqlWebhooks;
import restock.support.ApiClient;
import restock.support.RunningApi;
import restock.support.TestDatabases;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A shop manages its webhook endpoints: lists them, pauses and resumes, rotates the secret, deletes. */
class WebhookEndpointsTest {
    @Test
    void endpoints_are_listed_paused_resumed_rotated_and_deleted() {
        try (RunningApi api = new RunningApi(TestDatabases.targets().get(0))) {
            ApiClient client = api.client();
            JsonNode created = client.post("/api/webhooks", "{\"url\":\"https://hooks.example.com/a\"}").json();
            long id = created.path("id").asLong();
            String url = created.path("url").asText();

            JsonNode listed = client.get("/api/webhooks").json().path("items").get(0);
            assertThat(listed.path("status").asText()).isEqualTo("active");
            assertThat(listed.has("secret")).isFalse();

            var paused = client.post("/api/webhooks/" + id + "/pause", "");
            assertThat(paused.status()).isEqualTo(200);
            assertThat(paused.json().path("status").asText()).isEqualTo("paused");
            List<restock.notify.WebhookEndpoint> receiving = api.restock().read(SqlOutbox::endpoints);
            assertThat(receiving).as("a paused endpoint's new messages are kept for it (WebhookDeliveryListTest delivers them)")
                    .extracting(restock.notify.WebhookEndpoint::url).containsExactly(url);
            Optional<String> stillSigned = api.restock().read(h -> SqlOutbox.endpointSecret(h, url));
            assertThat(stillSigned).as("kept messages go signed when it is resumed").contains(created.path("secret").asText());
            assertThat(client.post("/api/webhooks/" + id + "/resume", "").json().path("status").asText()).isEqualTo("active");

            String rotated = client.post("/api/webhooks/" + id + "/rotate-secret", "").json().path("secret").asText();
            assertThat(rotated).startsWith("whsec_").isNotEqualTo(created.path("secret").asText());
            Optional<String> signingSecret = api.restock().read(h -> SqlOutbox.endpointSecret(h, url));
            assertThat(signingSecret).contains(rotated);

            api.restock().inTransaction(h -> SqlOutbox.enqueue(h, new Message(UUID.randomUUID(), Message.Channel.WEBHOOK, "order.filled", url,
                    null, "{}", null, "hook"), Instant.now()));
            var deleted = client.send("DELETE", "/api/webhooks/" + id, null, Map.of("Authorization", "Bearer " + RunningApi.API_KEY));
            assertThat(deleted.status()).isEqualTo(204);
            assertThat(client.get("/api/webhooks").json().path("items")).isEmpty();
            var queued = api.restock().read(h -> SqlOutbox.sentTo(h, url, Long.MAX_VALUE, 10));
            assertThat(queued).singleElement().satisfies(message -> {
                assertThat(message.status()).isEqualTo("dead");
                assertThat(message.lastError()).isEqualTo(SqlWebhooks.DELETED_REASON);
            });
            assertThat(client.post("/api/webhooks/" + id + "/pause", "").status()).isEqualTo(404);
        }
    }

    /**
     * A second endpoint for a URL made a secret that never signed anything (deliveries to the URL are signed with the
     * first's) and relabelled the first's messages in the outbox (an outside check): one live endpoint per URL.
     */
    @Test
    void a_url_an_endpoint_has_already_is_refused_until_that_endpoint_is_deleted() {
        try (RunningApi api = new RunningApi(TestDatabases.targets().get(0))) {
            ApiClient client = api.client();
            long first = client.post("/api/webhooks", "{\"url\":\"https://hooks.example.com/a\"}").json().path("id").asLong();
            var again = client.post("/api/webhooks", "{\"url\":\"https://hooks.example.com/a\"}");
            assertThat(again.status()).as(again.responseBody()).isEqualTo(409);
            assertThat(again.json().path("detail").asText()).contains("endpoint " + first + " already delivers to https://hooks.example.com/a");
            assertThat(client.get("/api/webhooks").json().path("items")).hasSize(1);
            assertThat(client.post("/api/webhooks", "{\"url\":\"https://hooks.example.com/b\"}").status()).isEqualTo(201);

            var deleted = client.send("DELETE", "/api/webhooks/" + first, null, Map.of("Authorization", "Bearer " + RunningApi.API_KEY));
            assertThat(deleted.status()).isEqualTo(204);
            assertThat(client.post("/api/webhooks", "{\"url\":\"https://hooks.example.com/a\"}").status()).isEqualTo(201);
        }
    }

    /**
     * rotate-secret had no overlap: the first delivery after it failed a receiver still holding the old secret (an
     * outside check). For the grace period (graceMinutes, 60 by default, like an API key's) deliveries are signed with
     * both secrets; then with the new one alone.
     */
    @Test
    void a_rotated_secret_keeps_signing_beside_the_new_one_for_the_grace_period() {
        restock.common.HandClock clock = new restock.common.HandClock(Instant.parse("2026-12-07T10:00:00Z"));
        try (RunningApi api = new RunningApi(TestDatabases.targets().get(0), clock)) {
            ApiClient client = api.client();
            JsonNode created = client.post("/api/webhooks", "{\"url\":\"https://hooks.example.com/a\"}").json();
            String url = created.path("url").asText();
            String first = created.path("secret").asText();
            String path = "/api/webhooks/" + created.path("id").asLong() + "/rotate-secret";

            JsonNode rotated = client.post(path, "{\"graceMinutes\":30}").json();
            String second = rotated.path("secret").asText();
            assertThat(rotated.path("previousSecretUntil").asText()).isEqualTo("2026-12-07T10:30:00Z");
            assertThat(signingSecrets(api, url)).containsExactly(second, first);
            assertThat(client.get("/api/webhooks").json().path("items").get(0).path("previousSecretUntil").asText()).isEqualTo("2026-12-07T10:30:00Z");
            String header = restock.notify.WebhookSignature.header(signingSecrets(api, url), clock.instant(), "{}");
            assertThat(restock.notify.WebhookSignature.verify(first, header, "{}", clock.instant(), java.time.Duration.ofMinutes(5))).isTrue();
            assertThat(restock.notify.WebhookSignature.verify(second, header, "{}", clock.instant(), java.time.Duration.ofMinutes(5))).isTrue();
            clock.advance(java.time.Duration.ofMinutes(30));
            assertThat(signingSecrets(api, url)).as("the grace is over").containsExactly(second);
            assertThat(client.get("/api/webhooks").json().path("items").get(0).has("previousSecretUntil")).isFalse();

            String third = client.post(path, "").json().path("secret").asText();
            assertThat(signingSecrets(api, url)).as("60 minutes without a body").containsExactly(third, second);
            JsonNode now = client.post(path, "{\"graceMinutes\":0}").json();
            assertThat(now.has("previousSecretUntil")).isFalse();
            assertThat(signingSecrets(api, url)).containsExactly(now.path("secret").asText());

            var tooLong = client.post(path, "{\"graceMinutes\":10081}");
            assertThat(tooLong.status()).isEqualTo(400);
            assertThat(tooLong.json().path("field").asText()).isEqualTo("graceMinutes");
            assertThat(client.post(path, "{\"grace\":5}").status()).as("a field it does not have").isEqualTo(400);
        }
    }

    private static List<String> signingSecrets(RunningApi api, String url) {
        return api.restock().read(h -> api.restock().webhooks().signingSecrets(h, url));
    }
}

