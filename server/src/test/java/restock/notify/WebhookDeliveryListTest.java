package restock.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import restock.gateways.WebhookSender;
import restock.gateways.WebhookTargets;
import restock.service.DeliveryWorker;
import restock.service.NoticeRelay;
import restock.store.SqlOutbox;
import restock.support.ApiClient;
import restock.support.ApiClient.Exchange;
import restock.support.RunningApi;
import restock.support.TestClock;
import restock.support.TestDatabases;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A storefront developer whose endpoint was down sees, through the API, which webhook deliveries failed, why and
 * when they are tried next, which were parked, and replays a parked one by the id the list gives.
 */
class WebhookDeliveryListTest {
    private final TestClock clock = new TestClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    private final RunningApi api = new RunningApi(TestDatabases.targets().get(0), clock);
    private final ApiClient client = api.client();
    private final AtomicBoolean endpointDown = new AtomicBoolean(true);
    private final List<String> delivered = Collections.synchronizedList(new ArrayList<>());
    private HttpServer receiver;
    private String hookUrl;

    @BeforeEach
    void start() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hooks", exchange -> {
            exchange.getRequestBody().readAllBytes();
            if (endpointDown.get()) {
                exchange.sendResponseHeaders(500, -1);
            } else {
                delivered.add(exchange.getRequestHeaders().getFirst("Restock-Message-Id"));
                exchange.sendResponseHeaders(204, -1);
            }
            exchange.close();
        });
        receiver.start();
        hookUrl = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks";
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
        api.close();
    }

    private static Exchange expect(Exchange answer, int status) {
        assertThat(answer.status()).as(answer.method() + " " + answer.path() + ": " + answer.responseBody()).isEqualTo(status);
        return answer;
    }

    private DeliveryWorker worker() {
        var restock = api.restock();
        WebhookSender hooks = new WebhookSender(url -> restock.read(h -> SqlOutbox.endpointSecret(h, url).stream().toList()), clock,
                WebhookTargets.PRIVATE_ALLOWED);
        return new DeliveryWorker(restock, Map.of(Message.Channel.EMAIL, message -> { }, Message.Channel.WEBHOOK, hooks), clock, 1);
    }

    /** Ann's order waits: the relay writes her mail and one webhook to the endpoint. */
    private long endpointAndOneWaitingOrder() {
        long endpointId = api.restock().inTransaction(h -> SqlOutbox.addEndpoint(h, hookUrl, "whsec_0123456789abcdef01", clock.instant()).orElseThrow()).id();
        expect(client.post("/api/products", """
                {"sku":"22423","name":"Regency Cakestand 3 Tier","priceMinor":1275,"currency":"GBP","backorderPolicy":"always"}"""), 201);
        expect(client.post("/api/orders", "{\"customerEmail\":\"ann@example.com\",\"lines\":[{\"sku\":\"22423\",\"quantity\":1}]}"), 201);
        new NoticeRelay(api.restock(), Branding.DEMO, "https://shop.example.com/pay?token={token}", clock).runOnce();
        return endpointId;
    }

    private JsonNode items(String query) {
        return expect(client.get("/api/outbox" + query), 200).json().path("items");
    }

    @Test
    void a_delivery_the_endpoint_answers_500_is_listed_failing_then_parked_and_a_replay_by_the_listed_id_delivers_it_once() {
        long endpointId = endpointAndOneWaitingOrder();
        DeliveryWorker worker = worker();

        worker.runOnce();

        JsonNode retrying = items("?channel=webhook&status=retrying");
        assertThat(retrying).hasSize(1);
        JsonNode failing = retrying.get(0);
        assertThat(failing.path("channel").asText()).isEqualTo("webhook");
        assertThat(failing.path("topic").asText()).isEqualTo("order.waiting");
        assertThat(failing.path("recipient").asText()).isEqualTo(hookUrl);
        assertThat(failing.path("endpointId").asLong()).isEqualTo(endpointId);
        assertThat(failing.path("attempts").asInt()).isEqualTo(1);
        assertThat(failing.path("lastError").asText()).isEqualTo("the endpoint answered HTTP 500");
        assertThat(Instant.parse(failing.path("nextAttemptAt").asText())).isAfter(clock.instant());
        assertThat(failing.has("createdAt")).isTrue();
        assertThat(failing.has("deliveredAt")).isFalse();

        for (int attempt = 2; attempt <= Backoff.MAX_ATTEMPTS; attempt++) {
            clock.advance(Backoff.MAX_DELAY);
            worker.runOnce();
        }

        assertThat(items("?channel=webhook&status=retrying")).isEmpty();
        JsonNode parked = items("?channel=webhook&status=parked");
        assertThat(parked).hasSize(1);
        assertThat(parked.get(0).path("id").asLong()).isEqualTo(failing.path("id").asLong());
        assertThat(parked.get(0).path("attempts").asInt()).isEqualTo(Backoff.MAX_ATTEMPTS);
        assertThat(parked.get(0).path("lastError").asText()).isEqualTo("the endpoint answered HTTP 500");
        assertThat(parked.get(0).has("nextAttemptAt")).as("a parked message is not tried again until replayed").isFalse();

        endpointDown.set(false);
        clock.advance(Backoff.MAX_DELAY);
        worker.runOnce();
        assertThat(delivered).as("a parked message waits for its replay").isEmpty();
        expect(client.post("/api/outbox/" + parked.get(0).path("id").asLong() + "/replay", ""), 200);
        worker.runOnce();
        clock.advance(Backoff.MAX_DELAY);
        worker.runOnce();

        assertThat(delivered).containsExactly(parked.get(0).path("messageId").asText());
        assertThat(items("?channel=webhook&status=parked")).isEmpty();
        JsonNode done = items("?channel=webhook&status=delivered");
        assertThat(done).hasSize(1);
        assertThat(done.get(0).has("deliveredAt")).isTrue();
        assertThat(done.get(0).has("nextAttemptAt")).isFalse();
        assertThat(items("?endpointId=" + endpointId)).hasSize(1);
        assertThat(items("?channel=email")).as("Ann's mail went out at the first pass").singleElement()
                .satisfies(mail -> assertThat(mail.path("status").asText()).isEqualTo("delivered"));
    }

    /**
     * A developer pauses the endpoint while deploying the shop: what happens meanwhile is kept for it, not dropped (a
     * pause used to write no new messages, so the deploy's events were lost to it), listed as held with the reason,
     * and delivered in order once the endpoint is resumed. Mail to the customer does not wait for it.
     */
    @Test
    void a_paused_endpoint_keeps_its_messages_and_gets_them_in_order_when_resumed() {
        long endpointId = endpointAndOneWaitingOrder();
        endpointDown.set(false);
        DeliveryWorker worker = worker();
        expect(client.post("/api/webhooks/" + endpointId + "/pause", ""), 200);
        worker.runOnce();
        expect(client.post("/api/orders", "{\"customerEmail\":\"ann@example.com\",\"lines\":[{\"sku\":\"22423\",\"quantity\":2}]}"), 201);
        new NoticeRelay(api.restock(), Branding.DEMO, "https://shop.example.com/pay?token={token}", clock).runOnce();
        clock.advance(Backoff.MAX_DELAY);
        worker.runOnce();

        assertThat(delivered).as("nothing goes to a paused endpoint").isEmpty();
        JsonNode held = items("?channel=webhook");
        assertThat(held).as("the order placed while it was paused has its message too").hasSize(2);
        assertThat(held).allSatisfy(message -> {
            assertThat(message.path("status").asText()).isEqualTo("pending");
            assertThat(message.path("attempts").asInt()).as("waiting for the resume spends no tries").isZero();
            assertThat(message.path("heldReason").asText()).isEqualTo("webhook endpoint " + endpointId
                    + " is paused: its messages are kept and go, in order, once POST /api/webhooks/" + endpointId + "/resume resumes it");
            assertThat(message.has("heldBehind")).isFalse();
            // It listed its creation time as its next attempt, though nothing is tried before the resume (an outside check).
            assertThat(message.has("nextAttemptAt")).as("no next attempt while its endpoint is paused").isFalse();
        });
        String refused = expect(client.post("/api/outbox/" + held.get(0).path("id").asLong() + "/replay", ""), 409).json().path("detail").asText();
        assertThat(refused).as("where it stands, in the same words").contains("is pending: not tried yet, waiting until webhook endpoint "
                + endpointId + " is resumed");
        Exchange notNow = expect(client.post("/api/outbox/" + held.get(0).path("id").asLong() + "/retry", ""), 409);
        assertThat(notNow.json().path("detail").asText()).as("a retry cannot send it before the resume").contains("is paused",
                "POST /api/webhooks/" + endpointId + "/resume");
        assertThat(items("?channel=email")).as("mail does not wait for the endpoint").hasSize(2)
                .allSatisfy(mail -> assertThat(mail.path("status").asText()).isEqualTo("delivered"));

        expect(client.post("/api/webhooks/" + endpointId + "/resume", ""), 200);
        worker.runOnce();
        worker.runOnce();
        assertThat(delivered).as("oldest first").containsExactly(held.get(1).path("messageId").asText(), held.get(0).path("messageId").asText());
        assertThat(items("?channel=webhook&status=delivered")).hasSize(2);
    }

    /** A replay is for a parked message: one still being tried is a conflict that says where it stands, not a 404. */
    @Test
    void replaying_a_message_that_is_not_parked_is_a_409_that_says_its_state_and_what_to_do_and_an_unknown_id_a_404() {
        endpointAndOneWaitingOrder();
        worker().runOnce();
        JsonNode retrying = items("?channel=webhook&status=retrying").get(0);
        JsonNode delivered = items("?channel=email&status=delivered").get(0);

        Exchange stillTried = expect(client.post("/api/outbox/" + retrying.path("id").asLong() + "/replay", ""), 409);
        assertThat(stillTried.contentType()).startsWith("application/problem+json");
        assertThat(stillTried.json().path("field").asText()).isEqualTo("id");
        assertThat(stillTried.json().path("detail").asText()).contains("is retrying", "the endpoint answered HTTP 500",
                retrying.path("nextAttemptAt").asText(), "only a parked message",
                "POST /api/outbox/" + retrying.path("id").asLong() + "/retry tries it now");
        Exchange done = expect(client.post("/api/outbox/" + delivered.path("id").asLong() + "/replay", ""), 409);
        assertThat(done.json().path("detail").asText()).contains("was delivered at " + delivered.path("deliveredAt").asText());
        assertThat(expect(client.post("/api/outbox/999999/replay", ""), 404).json().path("detail").asText())
                .contains("no outbox message with id 999999");

        assertThat(items("?channel=webhook&status=retrying")).as("a refused replay changes nothing").singleElement()
                .satisfies(still -> assertThat(still).isEqualTo(retrying));
    }

    /**
     * Deleting an endpoint parks what was queued for it; a replay of one of those was accepted and queued it again (an
     * outside check): nothing goes to a deleted endpoint, so the replay is a 409 that says why, and the message stays parked.
     */
    @Test
    void replaying_a_message_for_a_deleted_endpoint_is_a_409_that_says_so_and_nothing_is_sent() {
        long endpointId = endpointAndOneWaitingOrder();
        endpointDown.set(false);
        expect(client.send("DELETE", "/api/webhooks/" + endpointId, null, Map.of("Authorization", "Bearer " + RunningApi.API_KEY)), 204);
        JsonNode parked = items("?channel=webhook&status=parked").get(0);
        assertThat(parked.path("lastError").asText()).isEqualTo(restock.store.SqlWebhooks.DELETED_REASON);

        Exchange refused = expect(client.post("/api/outbox/" + parked.path("id").asLong() + "/replay", ""), 409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().path("field").asText()).isEqualTo("id");
        assertThat(refused.json().path("detail").asText()).contains("endpoint " + endpointId, "was deleted", "nothing is sent to a deleted endpoint");
        worker().runOnce();
        clock.advance(Backoff.MAX_DELAY);
        worker().runOnce();
        assertThat(delivered).isEmpty();
        assertThat(items("?channel=webhook")).as("a refused replay changes nothing").singleElement()
                .satisfies(still -> assertThat(still).isEqualTo(parked));
    }

    /** Waiting out the backoff is not the only way: an operations key has a message waiting for its next attempt tried now. */
    @Test
    void a_retry_makes_a_waiting_message_due_now_once_per_idempotency_key_and_a_delivered_or_parked_one_is_a_409() {
        endpointAndOneWaitingOrder();
        DeliveryWorker worker = worker();
        worker.runOnce();
        JsonNode retrying = items("?channel=webhook&status=retrying").get(0);
        String retry = "/api/outbox/" + retrying.path("id").asLong() + "/retry";
        endpointDown.set(false);
        worker.runOnce();
        assertThat(delivered).as("the endpoint is back, but the message waits for its next attempt").isEmpty();

        Exchange due = expect(client.post(retry, "", "retry-now-1"), 200);
        assertThat(due.json().path("id").asLong()).isEqualTo(retrying.path("id").asLong());
        assertThat(due.json().path("status").asText()).isEqualTo("retrying");
        assertThat(due.json().path("attempts").asInt()).as("the tries so far are kept: the backoff goes on from them").isEqualTo(1);
        assertThat(Instant.parse(due.json().path("nextAttemptAt").asText())).isEqualTo(clock.instant());
        worker.runOnce();
        assertThat(delivered).containsExactly(retrying.path("messageId").asText());

        assertThat(expect(client.post(retry, "", "retry-now-1"), 200).responseBody()).as("a repeat with the same key gets the first answer")
                .isEqualTo(due.responseBody());
        Exchange done = expect(client.post(retry, ""), 409);
        assertThat(done.contentType()).startsWith("application/problem+json");
        assertThat(done.json().path("field").asText()).isEqualTo("id");
        assertThat(done.json().path("detail").asText()).contains("was delivered at", "nothing to try again");

        long parked = api.restock().inTransaction(h -> {
            SqlOutbox.enqueue(h, new Message(UUID.randomUUID(), Message.Channel.EMAIL, "order.waiting", "bob@example.com", "Your order",
                    "text", null, "bob@example.com"), clock.instant());
            long id = h.createQuery("select max(id) from outbox").mapTo(Long.class).one();
            SqlOutbox.markFailed(h, id, "mailbox unavailable", clock.instant(), true);
            return id;
        });
        assertThat(expect(client.post("/api/outbox/" + parked + "/retry", ""), 409).json().path("detail").asText())
                .contains("is parked", "mailbox unavailable", "POST /api/outbox/" + parked + "/replay");
        assertThat(expect(client.post("/api/outbox/999999/retry", ""), 404).json().path("field").asText()).isEqualTo("id");
    }

    /**
     * Messages about one customer to one recipient go in order: a later one whose time has come waits for the earlier
     * one still retrying, and the list says so, instead of showing a next attempt in the past with no reason.
     */
    @Test
    void a_message_held_behind_an_earlier_one_for_the_same_customer_is_listed_with_what_it_waits_for() {
        endpointAndOneWaitingOrder();
        DeliveryWorker worker = worker();
        worker.runOnce();
        JsonNode first = items("?channel=webhook&status=retrying").get(0);
        expect(client.post("/api/orders", "{\"customerEmail\":\"ann@example.com\",\"lines\":[{\"sku\":\"22423\",\"quantity\":2}]}"), 201);
        new NoticeRelay(api.restock(), Branding.DEMO, "https://shop.example.com/pay?token={token}", clock).runOnce();
        clock.advance(java.time.Duration.ofSeconds(5));
        worker.runOnce();

        JsonNode held = items("?channel=webhook&status=pending").get(0);
        assertThat(Instant.parse(held.path("nextAttemptAt").asText())).as("due, yet not tried").isBefore(clock.instant());
        assertThat(held.path("heldBehind").asLong()).isEqualTo(first.path("id").asLong());
        assertThat(held.path("heldReason").asText()).contains("message " + first.path("id").asLong(), "retrying",
                first.path("nextAttemptAt").asText(), "in order");
        assertThat(items("?channel=webhook&status=retrying").get(0).has("heldBehind")).as("the first waits for nothing but its time").isFalse();
        assertThat(items("?channel=email")).as("Ann's mails go their own way").allSatisfy(mail -> assertThat(mail.has("heldBehind")).isFalse());

        endpointDown.set(false);
        expect(client.post("/api/outbox/" + first.path("id").asLong() + "/retry", ""), 200);
        worker.runOnce();
        assertThat(delivered).containsExactly(first.path("messageId").asText(), held.path("messageId").asText());
    }

    @Test
    void the_outbox_is_listed_newest_first_filtered_by_status_endpoint_and_topic_a_page_at_a_time() {
        var restock = api.restock();
        long shop = restock.inTransaction(h -> SqlOutbox.addEndpoint(h, "https://shop.example.com/hooks", "whsec_0123456789abcdef01", clock.instant()).orElseThrow()).id();
        long crm = restock.inTransaction(h -> SqlOutbox.addEndpoint(h, "https://crm.example.com/hooks", "whsec_0123456789abcdef02", clock.instant()).orElseThrow()).id();
        List<Long> ids = new ArrayList<>();
        restock.inTransaction(h -> {
            for (String[] message : new String[][]{{"https://shop.example.com/hooks", "order.waiting"}, {"https://crm.example.com/hooks", "order.waiting"},
                    {"https://shop.example.com/hooks", "order.filled"}, {"https://shop.example.com/hooks", "order.waiting"}}) {
                SqlOutbox.enqueue(h, new Message(UUID.randomUUID(), Message.Channel.WEBHOOK, message[1], message[0], null, "{}", null,
                        "webhook:" + message[0] + ":ann@example.com"), clock.instant());
            }
            SqlOutbox.enqueue(h, new Message(UUID.randomUUID(), Message.Channel.EMAIL, "order.waiting", "ann@example.com", "Your order",
                    "text", null, "ann@example.com"), clock.instant());
            ids.addAll(h.createQuery("select id from outbox order by id").mapTo(Long.class).list());
            SqlOutbox.markSent(h, ids.get(0), clock.instant());
            SqlOutbox.markFailed(h, ids.get(1), "the endpoint answered HTTP 503", clock.instant().plusSeconds(30), false);
            SqlOutbox.markFailed(h, ids.get(2), "the endpoint answered HTTP 410", clock.instant(), true);
            return null;
        });

        assertThat(ids(items(""))).containsExactly(ids.get(4), ids.get(3), ids.get(2), ids.get(1), ids.get(0));
        assertThat(ids(items("?channel=webhook"))).containsExactly(ids.get(3), ids.get(2), ids.get(1), ids.get(0));
        assertThat(ids(items("?endpointId=" + shop))).containsExactly(ids.get(3), ids.get(2), ids.get(0));
        assertThat(ids(items("?endpointId=" + crm))).containsExactly(ids.get(1));
        assertThat(ids(items("?topic=order.filled"))).containsExactly(ids.get(2));
        assertThat(ids(items("?status=pending"))).containsExactly(ids.get(4), ids.get(3));
        assertThat(ids(items("?status=retrying"))).containsExactly(ids.get(1));
        assertThat(ids(items("?status=parked"))).containsExactly(ids.get(2));
        assertThat(ids(items("?status=delivered"))).containsExactly(ids.get(0));
        assertThat(ids(items("?endpointId=" + shop + "&topic=order.waiting&status=pending"))).containsExactly(ids.get(3));

        JsonNode first = expect(client.get("/api/outbox?channel=webhook&limit=3"), 200).json();
        assertThat(ids(first.path("items"))).containsExactly(ids.get(3), ids.get(2), ids.get(1));
        assertThat(first.path("next").asLong()).isEqualTo(ids.get(1));
        JsonNode last = expect(client.get("/api/outbox?channel=webhook&limit=3&before=" + first.path("next").asLong()), 200).json();
        assertThat(ids(last.path("items"))).containsExactly(ids.get(0));
        assertThat(last.has("next")).as("the last page has no next").isFalse();
    }

    @Test
    void bad_query_parameters_are_400_problems_naming_the_parameter() {
        for (var bad : List.of(Map.entry("status=dead", "status"), Map.entry("status=", "status"), Map.entry("channel=sms", "channel"),
                Map.entry("limit=0", "limit"), Map.entry("limit=201", "limit"), Map.entry("limit=ten", "limit"),
                Map.entry("before=0", "before"), Map.entry("before=x", "before"), Map.entry("before=99999999999999999999", "before"),
                Map.entry("endpointId=abc", "endpointId"), Map.entry("endpointId=-1", "endpointId"), Map.entry("topic=order.nope", "topic"),
                Map.entry("channel=email&endpointId=1", "endpointId"), Map.entry("stauts=parked", "stauts"))) {
            Exchange answer = expect(client.get("/api/outbox?" + bad.getKey()), 400);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.json().path("field").asText()).as(bad.getKey()).isEqualTo(bad.getValue());
            assertThat(answer.json().path("detail").asText()).as(bad.getKey()).contains(bad.getValue());
        }
        assertThat(expect(client.get("/api/outbox?endpointId=999999"), 404).json().path("field").asText()).isEqualTo("endpointId");
    }

    /**
     * GET /api/messages names the stored states (pending, sent, dead), GET /api/outbox the listed ones: the same
     * message is in both, under words that map one way, and the messages list's words as an outbox filter are a 400
     * that names the word meant.
     */
    @Test
    void the_two_listings_name_each_message_by_the_documented_mapping_and_the_other_lists_words_are_refused_naming_the_word_meant() {
        List<Long> ids = new ArrayList<>();
        api.restock().inTransaction(h -> {
            for (int i = 0; i < 4; i++) {
                SqlOutbox.enqueue(h, new Message(UUID.randomUUID(), Message.Channel.EMAIL, "order.waiting", "cat@example.com", "Your order",
                        "text", null, "cat@example.com:" + i), clock.instant());
            }
            ids.addAll(h.createQuery("select id from outbox order by id").mapTo(Long.class).list());
            SqlOutbox.markFailed(h, ids.get(1), "mailbox full", clock.instant().plusSeconds(30), false);
            SqlOutbox.markSent(h, ids.get(2), clock.instant());
            SqlOutbox.markFailed(h, ids.get(3), "no such mailbox", clock.instant(), true);
            return null;
        });
        Map<Long, String> outboxWords = new java.util.HashMap<>();
        items("?channel=email").forEach(item -> outboxWords.put(item.path("id").asLong(), item.path("status").asText()));
        Map<Long, String> messagesWords = new java.util.HashMap<>();
        expect(client.get("/api/messages?recipient=cat@example.com"), 200).json().path("items")
                .forEach(item -> messagesWords.put(item.path("id").asLong(), item.path("status").asText()));

        assertThat(ids.stream().map(outboxWords::get)).containsExactly("pending", "retrying", "delivered", "parked");
        assertThat(ids.stream().map(messagesWords::get)).containsExactly("pending", "pending", "sent", "dead");
        ids.forEach(id -> assertThat(DeliveryStatus.parse("status", outboxWords.get(id)).messagesWord()).isEqualTo(messagesWords.get(id)));
        for (var word : Map.of("sent", "delivered", "dead", "parked").entrySet()) {
            Exchange refused = expect(client.get("/api/outbox?status=" + word.getKey()), 400);
            assertThat(refused.json().path("field").asText()).isEqualTo("status");
            assertThat(refused.json().path("detail").asText()).contains("GET /api/messages", "status=" + word.getValue());
        }
    }

    @Test
    void a_storefront_key_may_not_list_the_outbox_a_reporting_key_may_list_but_not_replay_or_retry() {
        String storefront = expect(client.post("/api/keys", "{\"name\":\"www\",\"scope\":\"storefront\"}"), 201).json().path("secret").asText();
        String reporting = expect(client.post("/api/keys", "{\"name\":\"bi\",\"scope\":\"reporting\"}"), 201).json().path("secret").asText();

        expect(new ApiClient(client.baseUrl(), storefront).get("/api/outbox"), 403);
        expect(new ApiClient(client.baseUrl(), storefront).post("/api/outbox/1/replay", ""), 403);
        expect(new ApiClient(client.baseUrl(), reporting).get("/api/outbox?status=parked"), 200);
        expect(new ApiClient(client.baseUrl(), reporting).post("/api/outbox/1/replay", ""), 403);
        expect(new ApiClient(client.baseUrl(), storefront).post("/api/outbox/1/retry", ""), 403);
        expect(new ApiClient(client.baseUrl(), reporting).post("/api/outbox/1/retry", ""), 403);
    }

    @Test
    void a_message_the_relay_could_not_store_is_listed_with_its_reason_to_operations_keys_only() {
        expect(client.post("/api/products", """
                {"sku":"22423","name":"Regency Cakestand 3 Tier","priceMinor":1275,"currency":"GBP","backorderPolicy":"always"}"""), 201);
        // A fault only this customer's messages meet, standing in for any value a message cannot be stored with.
        api.restock().inTransaction(h -> h.execute("alter table outbox add constraint injected_fault check (recipient <> 'bad@example.com')"));
        for (String customer : List.of("ann@example.com", "bad@example.com")) {
            expect(client.post("/api/orders", "{\"customerEmail\":\"" + customer + "\",\"lines\":[{\"sku\":\"22423\",\"quantity\":1}]}"), 201);
        }
        new NoticeRelay(api.restock(), Branding.DEMO, "https://shop.example.com/pay?token={token}", clock).runOnce();

        JsonNode unstored = expect(client.get("/api/outbox/unstored"), 200).json();
        assertThat(unstored.path("items")).singleElement().satisfies(message -> {
            assertThat(message.path("recipient").asText()).isEqualTo("bad@example.com");
            assertThat(message.path("channel").asText()).isEqualTo("email");
            assertThat(message.path("topic").asText()).isEqualTo("order.waiting");
            assertThat(message.path("reason").asText()).contains("injected_fault");
            assertThat(message.has("unstoredAt")).isTrue();
        });
        assertThat(unstored.has("next")).isFalse();
        assertThat(items("")).as("Ann's mail is in the outbox").singleElement()
                .satisfies(mail -> assertThat(mail.path("recipient").asText()).isEqualTo("ann@example.com"));
        expect(client.get("/api/outbox/unstored?limit=0"), 400);
        expect(client.get("/api/outbox/unstored?before=x"), 400);
        expect(client.get("/api/outbox/unstored?status=parked"), 400);
        String reporting = expect(client.post("/api/keys", "{\"name\":\"bi\",\"scope\":\"reporting\"}"), 201).json().path("secret").asText();
        expect(new ApiClient(client.baseUrl(), reporting).get("/api/outbox/unstored"), 403);
    }

    private static List<Long> ids(JsonNode items) {
        List<Long> ids = new ArrayList<>();
        items.forEach(item -> ids.add(item.path("id").asLong()));
        return ids;
    }
}
