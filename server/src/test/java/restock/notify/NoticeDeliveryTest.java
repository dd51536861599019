package restock.notify;

import restock.orders.CancellationChannel;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import restock.catalog.BackorderPolicy;
import restock.catalog.Money;
import restock.catalog.Product;
import restock.catalog.Sku;
import restock.common.SignedLinks;
import restock.gateways.SmtpSender;
import restock.gateways.WebhookSender;
import restock.gateways.WebhookTargets;
import restock.orders.Order;
import restock.orders.OrderRequest;
import restock.payments.PaymentPolicy;
import restock.payments.SimulatedGateway;
import restock.promise.PromiseSettings;
import restock.purchasing.PurchaseOrder;
import restock.purchasing.PurchaseOrderRequest;
import restock.purchasing.ReceiptPlan;
import restock.service.DeliveryWorker;
import restock.service.NoticeRelay;
import restock.service.PaymentProcessor;
import restock.service.Restock;
import restock.service.WaitlistCommands;
import restock.store.Database;
import restock.store.SqlOutbox;
import restock.support.TestClock;
import restock.support.TestDatabases;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;

/** Every customer event reaches the customer by email and the shop by a signed webhook, in order per customer. */
class NoticeDeliveryTest {
    private static final String WEBHOOK_SECRET = "whsec_delivery_test_secret";
    private Database database;
    private GreenMail smtp;
    private HttpServer receiver;
    private final List<Map<String, String>> webhooks = Collections.synchronizedList(new ArrayList<>());
    private TestClock clock;
    private Restock restock;
    private NoticeRelay relay;
    private DeliveryWorker worker;
    private PaymentProcessor payments;
    private Sku sku;

    @BeforeEach
    void start() throws IOException {
        database = TestDatabases.targets().get(0).freshSchema();
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hooks", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            webhooks.add(Map.of("body", body, "signature", exchange.getRequestHeaders().getFirst(WebhookSignature.HEADER),
                    "id", exchange.getRequestHeaders().getFirst("Restock-Message-Id"), "topic", exchange.getRequestHeaders().getFirst("Restock-Topic"),
                    "upgrade", String.valueOf(exchange.getRequestHeaders().getFirst("Upgrade"))));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        clock = new TestClock(Instant.parse("2026-11-26T10:00:00Z"));
        restock = new Restock(database.jdbi(), clock, PromiseSettings.defaults(LocalDate.parse("2026-11-26")), PaymentPolicy.DEFAULT,
                new SignedLinks("notice test secret, long enough".getBytes(StandardCharsets.UTF_8)));
        String hookUrl = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks";
        restock.inTransaction(h -> SqlOutbox.addEndpoint(h, hookUrl, WEBHOOK_SECRET, clock.instant()));
        relay = new NoticeRelay(restock, Branding.DEMO, "https://shop.example.com/pay?token={token}", clock);
        SmtpSender email = new SmtpSender(new SmtpSender.Settings("127.0.0.1", smtp.getSmtp().getPort(), false, null, null, "shop@example.com"));
        WebhookSender hooks = new WebhookSender(url -> restock.read(h -> SqlOutbox.endpointSecret(h, url).stream().toList()), clock,
                WebhookTargets.PRIVATE_ALLOWED);
        worker = new DeliveryWorker(restock, Map.of(Message.Channel.EMAIL, email, Message.Channel.WEBHOOK, hooks), clock, 1);
        payments = new PaymentProcessor(restock, new SimulatedGateway(1, SimulatedGateway.Faults.NONE, clock), PaymentPolicy.DEFAULT, clock);
        sku = Sku.of("22423");
        restock.inTransaction(h -> restock.catalog().create(h, new Product(sku, "Regency Cakestand 3 Tier", new Money(1_275, "GBP"),
                new BackorderPolicy.Always(OptionalInt.empty()))));
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
        smtp.stop();
        database.close();
    }

    private void settle() {
        for (int i = 0; i < 5; i++) {
            payments.drain(10);
            relay.runOnce();
            worker.runOnce();
        }
    }

    private Order place(String email, String card) {
        return restock.inTransaction(h -> restock.orders().place(h, new OrderRequest(email, true, 0,
                List.of(new OrderRequest.Line(sku, 1)), Optional.of(card))));
    }

    @Test
    void a_promise_change_is_mailed_only_when_it_differs_from_what_the_customer_was_last_told() throws Exception {
        PurchaseOrder po = restock.inTransaction(h -> restock.purchasing().create(h, new PurchaseOrderRequest("Cake Stands Ltd", true,
                List.of(new PurchaseOrderRequest.Line(sku, 10, LocalDate.parse("2026-12-20"))))));
        place("ann@example.com", "pm_card_visa");
        settle();
        // Moved and moved back before the relay ran: two promise_changed events, and the promise is what Ann was told.
        restock.inTransaction(h -> restock.purchasing().reschedule(h, po.id(), 1, LocalDate.parse("2026-12-28")));
        restock.inTransaction(h -> restock.purchasing().reschedule(h, po.id(), 1, LocalDate.parse("2026-12-20")));
        settle();
        assertThat(subjects("ann@example.com")).containsExactly("Your order 1: Regency Cakestand 3 Tier is on backorder");
        // Moved twice before the relay ran: told once, the date as it stands.
        restock.inTransaction(h -> restock.purchasing().reschedule(h, po.id(), 1, LocalDate.parse("2026-12-28")));
        restock.inTransaction(h -> restock.purchasing().reschedule(h, po.id(), 1, LocalDate.parse("2027-01-08")));
        settle();
        assertThat(subjects("ann@example.com")).containsExactly("Your order 1: Regency Cakestand 3 Tier is on backorder",
                "Update on your order 1: Regency Cakestand 3 Tier");
    }

    @Test
    void a_promise_change_carries_the_free_cancel_link_the_date_told_before_and_the_units_waiting() throws Exception {
        PurchaseOrder po = restock.inTransaction(h -> restock.purchasing().create(h, new PurchaseOrderRequest("Cake Stands Ltd", true,
                List.of(new PurchaseOrderRequest.Line(sku, 10, LocalDate.parse("2026-12-20"))))));
        restock.inTransaction(h -> restock.orders().place(h, new OrderRequest("ann@example.com", true, 0,
                List.of(new OrderRequest.Line(sku, 3)), Optional.of("pm_card_visa"))));
        settle();
        restock.inTransaction(h -> restock.purchasing().reschedule(h, po.id(), 1, LocalDate.parse("2027-01-08")));
        settle();

        JsonNode waiting = webhookData("order.waiting");
        JsonNode changed = webhookData("order.promise_changed");
        assertThat(changed.path("quantity").asInt()).as("units waiting").isEqualTo(3);
        assertThat(waiting.path("to").asText()).isNotBlank();
        assertThat(changed.path("previousTo").asText()).as("what the waiting mail told").isEqualTo(waiting.path("to").asText());
        assertThat(changed.path("to").asText()).isNotBlank().isNotEqualTo(waiting.path("to").asText());
        String cancelUrl = changed.path("cancelUrl").asText();
        assertThat(cancelUrl).startsWith(Branding.DEMO.publicUrl() + "/cancel/");
        restock.service.CancelLinks.View opened = restock.read(h -> restock.cancelLinks().view(h, cancelUrl.substring(cancelUrl.lastIndexOf('/') + 1)));
        assertThat(opened).as("the link opens the order with its waiting line").isInstanceOf(restock.service.CancelLinks.View.Open.class);

        Map<String, Object> mail = restock.read(h -> h.createQuery("select body_text, body_html from outbox "
                + "where topic = 'order.promise_changed' and channel = 'email'").mapToMap().one());
        assertThat((String) mail.get("body_text")).contains("cancel free of charge").contains(cancelUrl);
        assertThat((String) mail.get("body_html")).contains("<a href=\"" + cancelUrl + "\">");
        assertWebhooksMatchTheSpec();
    }

    /** The data of the one webhook delivered for a topic. */
    private JsonNode webhookData(String topic) throws IOException {
        List<JsonNode> found = new ArrayList<>();
        for (Map<String, String> webhook : webhooks) {
            if (topic.equals(webhook.get("topic"))) {
                found.add(new ObjectMapper().readTree(webhook.get("body")).path("data"));
            }
        }
        assertThat(found).as(topic + " webhooks").hasSize(1);
        return found.get(0);
    }

    /** Every delivered webhook's data has the fields openapi.yaml requires for its topic, and none it does not declare. */
    private void assertWebhooksMatchTheSpec() throws IOException {
        OpenAPI spec;
        try (var in = NoticeDeliveryTest.class.getResourceAsStream("/openapi.yaml")) {
            ParseOptions options = new ParseOptions();
            options.setResolve(true);
            options.setResolveFully(true);
            spec = new OpenAPIV3Parser().readContents(new String(in.readAllBytes(), StandardCharsets.UTF_8), null, options).getOpenAPI();
        }
        var callbacks = spec.getPaths().get("/api/webhooks").getPost().getCallbacks();
        assertThat(webhooks).isNotEmpty();
        for (Map<String, String> webhook : webhooks) {
            String topic = webhook.get("topic");
            Schema<?> payload = callbacks.get(topic).values().iterator().next().getPost().getRequestBody().getContent()
                    .get("application/json").getSchema();
            Schema<?> data = payload.getProperties().get("data");
            List<String> fields = new ArrayList<>();
            new ObjectMapper().readTree(webhook.get("body")).path("data").fieldNames().forEachRemaining(fields::add);
            assertThat(fields).as(topic + " data fields").containsAll(data.getRequired());
            assertThat(data.getProperties().keySet()).as(topic + " declared data fields").containsAll(fields);
        }
    }

    @Test
    void every_event_type_is_delivered_with_the_right_content_in_order_per_customer() throws Exception {
        PurchaseOrder po = restock.inTransaction(h -> restock.purchasing().create(h, new PurchaseOrderRequest("Cake Stands Ltd", true,
                List.of(new PurchaseOrderRequest.Line(sku, 10, LocalDate.parse("2026-12-20"))))));
        place("ann@example.com", "pm_card_visa");
        place("bob@example.com", SimulatedGateway.DECLINING_TOKEN);
        settle();
        restock.inTransaction(h -> restock.purchasing().reschedule(h, po.id(), 1, LocalDate.parse("2026-12-28")));
        settle();
        restock.inTransaction(h -> restock.purchasing().receive(h, po.id(), List.of(new ReceiptPlan.Received(sku, 2))));
        settle();

        List<String> ann = subjects("ann@example.com");
        assertThat(ann).containsExactly(
                "Your order 1: Regency Cakestand 3 Tier is on backorder",
                "Update on your order 1: Regency Cakestand 3 Tier",
                "Your Regency Cakestand 3 Tier is ready to ship",
                "Payment received for order 1");
        List<String> bob = subjects("bob@example.com");
        assertThat(bob).endsWith("Action needed: payment for order 2");
        String bobsLast = GreenMailUtil.getBody(messagesTo("bob@example.com").get(bob.size() - 1));
        assertThat(bobsLast).contains("https://shop.example.com/pay?token=").contains("12.75 GBP")
                .as("the failed charge names the product, not its SKU").contains("Your Regency Cakestand 3 Tier from order 2");
        assertThat(GreenMailUtil.getBody(messagesTo("ann@example.com").get(0))).contains("You will not be charged until it is ready to ship");
        assertThat(GreenMailUtil.getBody(messagesTo("ann@example.com").get(3))).as("the charge names the product, not its SKU")
                .contains("for Regency Cakestand 3 Tier in order 1");

        assertThat(webhooks).extracting(w -> w.get("topic")).contains("order.waiting", "order.promise_changed", "order.filled",
                "payment.charged", "payment.charge_failed");
        assertThat(webhooks).allSatisfy(w -> assertThat(WebhookSignature.verify(WEBHOOK_SECRET, w.get("signature"), w.get("body"),
                clock.instant(), WebhookSignature.DEFAULT_TOLERANCE)).isTrue());
        assertThat(webhooks).extracting(w -> w.get("id")).doesNotHaveDuplicates();
        assertThat(webhooks).as("no HTTP/2 upgrade asked of receivers").extracting(w -> w.get("upgrade")).containsOnly("null");
        assertThat(webhooks).allSatisfy(w -> assertThat(w.get("body")).contains("\"id\":\"" + w.get("id") + "\""));

        // A waiting order cancelled: its webhook too matches what openapi.yaml declares (an outside check found the
        // cancelled and filled schemas swapped, and no test that sent a cancellation).
        Order cat = place("cat@example.com", "pm_card_visa");
        settle();
        restock.inTransaction(h -> restock.orders().cancel(h, cat.id()));
        settle();
        assertThat(webhooks).extracting(w -> w.get("topic")).contains("order.cancelled");
        assertWebhooksMatchTheSpec();
    }

    /**
     * What a storefront developer's receiver missed (an outside check): which line of an order an event is about (an
     * order may name a SKU twice), the probability beside the promised dates, the deadline to pay after a failed
     * charge, who cancelled and why, and any word of a shipment.
     */
    @Test
    void line_events_name_their_line_and_carry_the_odds_the_deadline_who_cancelled_and_the_shipment() throws Exception {
        PurchaseOrder po = restock.inTransaction(h -> restock.purchasing().create(h, new PurchaseOrderRequest("Cake Stands Ltd", true,
                List.of(new PurchaseOrderRequest.Line(sku, 10, LocalDate.parse("2026-12-20"))))));
        Order twice = restock.inTransaction(h -> restock.orders().place(h, new OrderRequest("ann@example.com", true, 0,
                List.of(new OrderRequest.Line(sku, 1), new OrderRequest.Line(sku, 2)), Optional.of("pm_card_visa"))));
        settle();
        List<JsonNode> waiting = dataOf("order.waiting");
        assertThat(waiting).extracting(data -> data.path("lineNumber").asInt()).containsExactlyInAnyOrder(1, 2);
        assertThat(waiting).allSatisfy(data -> {
            assertThat(data.path("to").asText()).isNotEmpty();
            assertThat(data.path("probability").isNumber()).as(data.toString()).isTrue();
            assertThat(data.path("probability").asDouble()).isBetween(0.0, 1.0);
        });

        restock.inTransaction(h -> restock.purchasing().reschedule(h, po.id(), 1, LocalDate.parse("2026-12-28")));
        settle();
        assertThat(dataOf("order.promise_changed")).isNotEmpty().allSatisfy(data -> {
            assertThat(data.path("lineNumber").asInt()).isIn(1, 2);
            assertThat(data.path("from").asText()).isNotEmpty();
            assertThat(data.path("probability").isNumber()).as(data.toString()).isTrue();
        });

        place("bob@example.com", SimulatedGateway.DECLINING_TOKEN);
        settle();
        restock.inTransaction(h -> restock.purchasing().receive(h, po.id(), List.of(new ReceiptPlan.Received(sku, 4))));
        settle();
        JsonNode failed = webhookData("payment.charge_failed");
        String failedAt = webhooks.stream().filter(w -> "payment.charge_failed".equals(w.get("topic"))).findFirst()
                .map(w -> readTree(w.get("body")).path("occurredAt").asText()).orElseThrow();
        assertThat(Instant.parse(failed.path("payBy").asText())).isEqualTo(Instant.parse(failedAt).plus(PaymentPolicy.DEFAULT.chargeFailureHold()));
        assertThat(failed.path("lineNumber").asInt()).isEqualTo(1);
        String bobsMail = GreenMailUtil.getBody(messagesTo("bob@example.com").get(messagesTo("bob@example.com").size() - 1));
        assertThat(bobsMail).contains("within " + PaymentPolicy.DEFAULT.chargeFailureHold().toHours() + " hours");

        restock.inTransaction(h -> restock.orders().ship(h, twice.id()));
        settle();
        assertThat(dataOf("order.shipped")).extracting(data -> data.path("lineNumber").asInt() + ":" + data.path("quantity").asInt())
                .containsExactlyInAnyOrder("1:1", "2:2");
        assertThat(subjects("ann@example.com")).as("a shipment is told to the shop, not mailed").noneMatch(subject -> subject.contains("shipped"));

        Order cat = place("cat@example.com", "pm_card_visa");
        settle();
        restock.inTransaction(h -> restock.orders().cancelWaiting(h, cat.id(), "found it elsewhere", CancellationChannel.CANCEL_LINK));
        settle();
        JsonNode cancelled = webhookData("order.cancelled");
        assertThat(cancelled.path("cancelledBy").asText()).isEqualTo("customer");
        assertThat(cancelled.path("reason").asText()).isEqualTo("found it elsewhere");
        assertThat(cancelled.path("lineNumber").asInt()).isEqualTo(1);
        assertWebhooksMatchTheSpec();
    }

    private List<JsonNode> dataOf(String topic) {
        return webhooks.stream().filter(w -> topic.equals(w.get("topic"))).map(w -> readTree(w.get("body")).path("data")).toList();
    }

    private static JsonNode readTree(String body) {
        try {
            return new ObjectMapper().readTree(body);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A promise that moved and then filled before the relay ran is not told as a change with nothing waiting. */
    /** A new user got one "on backorder" mail per waiting line of an order, each with the same cancel link. */
    @Test
    void an_order_whose_lines_wait_together_is_told_in_one_mail_and_a_webhook_per_line() throws Exception {
        Sku second = Sku.of("22720");
        restock.inTransaction(h -> restock.catalog().create(h, new Product(second, "Set Of 3 Cake Tins Pantry Design", new Money(495, "GBP"),
                new BackorderPolicy.Always(OptionalInt.empty()))));
        Order order = restock.inTransaction(h -> restock.orders().place(h, new OrderRequest("two@example.com", true, 0,
                List.of(new OrderRequest.Line(sku, 2), new OrderRequest.Line(second, 3)), Optional.empty())));
        settle();

        List<MimeMessage> mails = messagesTo("two@example.com");
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).getSubject()).isEqualTo("Your order " + order.id() + ": 2 items are on backorder");
        String text = GreenMailUtil.getBody(mails.get(0));
        assertThat(text).contains("2 x Regency Cakestand 3 Tier").contains("3 x Set Of 3 Cake Tins Pantry Design").contains("/cancel/");
        assertThat(text).as("placed without a payment method: the shop takes payment, the mail promises nothing about it")
                .doesNotContain("charged").contains("You can cancel it until it is ready to ship");
        List<JsonNode> lines = new ArrayList<>();
        for (Map<String, String> webhook : webhooks) {
            if ("order.waiting".equals(webhook.get("topic"))) {
                lines.add(new ObjectMapper().readTree(webhook.get("body")).path("data"));
            }
        }
        assertThat(lines).extracting(line -> line.path("sku").asText()).containsExactlyInAnyOrder("22423", "22720");
        assertWebhooksMatchTheSpec();
    }

    @Test
    void a_promise_change_overtaken_by_the_fill_is_not_told() throws Exception {
        PurchaseOrder po = restock.inTransaction(h -> restock.purchasing().create(h, new PurchaseOrderRequest("Cake Stands Ltd", true,
                List.of(new PurchaseOrderRequest.Line(sku, 10, LocalDate.parse("2026-12-20"))))));
        place("dan@example.com", "pm_card_visa");
        settle();
        restock.inTransaction(h -> restock.purchasing().reschedule(h, po.id(), 1, LocalDate.parse("2026-12-28")));
        restock.inTransaction(h -> restock.purchasing().receive(h, po.id(), List.of(new ReceiptPlan.Received(sku, 10))));
        settle();

        assertThat(subjects("dan@example.com")).as("dan's mails").contains("Your Regency Cakestand 3 Tier is ready to ship")
                .noneMatch(subject -> subject.startsWith("Update on your order"));
        assertThat(webhooks).extracting(w -> w.get("topic")).doesNotContain("order.promise_changed");
    }

    /** A new user was told "ready to ship" when a receipt filled 3 of the 5 units they waited for. */
    @Test
    void a_line_filled_in_part_is_told_what_is_set_aside_and_what_still_waits() throws Exception {
        PurchaseOrder po = restock.inTransaction(h -> restock.purchasing().create(h, new PurchaseOrderRequest("Cake Stands Ltd", true,
                List.of(new PurchaseOrderRequest.Line(sku, 10, LocalDate.parse("2026-12-20"))))));
        restock.inTransaction(h -> restock.orders().place(h, new OrderRequest("carol@example.com", true, 0,
                List.of(new OrderRequest.Line(sku, 5)), Optional.of("pm_card_visa"))));
        settle();
        restock.inTransaction(h -> restock.purchasing().receive(h, po.id(), List.of(new ReceiptPlan.Received(sku, 3))));
        settle();

        List<String> carol = subjects("carol@example.com");
        assertThat(carol).contains("3 x Regency Cakestand 3 Tier set aside for you, 2 still on the way")
                .doesNotContain("Your Regency Cakestand 3 Tier is ready to ship");
        String partial = GreenMailUtil.getBody(messagesTo("carol@example.com").get(carol.indexOf("3 x Regency Cakestand 3 Tier set aside for you, 2 still on the way")));
        assertThat(partial).contains("2 more are still waiting for stock").doesNotContain("will ship soon");
        assertThat(webhooks).filteredOn(w -> "order.filled".equals(w.get("topic"))).singleElement()
                .satisfies(w -> assertThat(w.get("body")).contains("\"quantity\":3").contains("\"stillWaiting\":2"));

        restock.inTransaction(h -> restock.purchasing().receive(h, po.id(), List.of(new ReceiptPlan.Received(sku, 2))));
        settle();
        assertThat(subjects("carol@example.com")).contains("Your Regency Cakestand 3 Tier is ready to ship");
    }

    @Test
    void events_before_the_relay_skips_them_are_not_told_and_later_ones_are() throws Exception {
        place("old@example.com", "pm_card_visa");
        payments.drain(10);
        assertThat(relay.skipEventsSoFar()).as("events skipped").isPositive();
        settle();
        assertThat(subjects("old@example.com")).as("a replayed history's customer is not emailed").isEmpty();

        place("new@example.com", "pm_card_visa");
        settle();
        assertThat(subjects("new@example.com")).containsExactly("Your order 2: Regency Cakestand 3 Tier is on backorder");
        assertThat(relay.skipEventsSoFar()).as("nothing left to skip").isZero();
    }

    @Test
    void a_hundred_waitlisters_and_ten_units_tell_fifteen_in_sign_up_order_then_the_next_as_notices_lapse() throws Exception {
        WaitlistCommands waitlist = new WaitlistCommands(restock, new SignedLinks("notice test secret, long enough".getBytes(StandardCharsets.UTF_8)),
                relay, WaitlistCommands.Settings.DEFAULT, clock);
        for (int i = 1; i <= 100; i++) {
            String email = "fan" + i + "@example.com";
            restock.inTransaction(h -> waitlist.signUp(h, sku, email, 1, true));
        }
        assertThat(waitlist.noticePass()).as("nothing in stock, nobody told").isZero();
        restock.inTransaction(h -> restock.offers().activate(h, new restock.engagement.OfferRule.WaitlistDiscount(10, 14, 0, Optional.empty())));
        restock.inTransaction(h -> restock.stock().returnToStock(h, sku, 10, "found in the back"));

        assertThat(waitlist.noticePass()).isEqualTo(15);
        assertThat(waitlist.noticePass()).as("no more while the first notices are open").isZero();
        worker.runOnce();
        List<String> told = new ArrayList<>();
        int offers = 0;
        for (MimeMessage message : smtp.getReceivedMessages()) {
            if (message.getSubject().endsWith("is back in stock")) {
                told.add(message.getAllRecipients()[0].toString());
            } else if (message.getSubject().startsWith("10% off your next order")) {
                offers++;
                assertThat(GreenMailUtil.getBody(message)).containsPattern("[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-");
            }
        }
        assertThat(offers).as("a waitlist discount for each person told").isEqualTo(15);
        assertThat(told).containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, 15).mapToObj(i -> "fan" + i + "@example.com").toList());
        assertThat(GreenMailUtil.getBody(smtp.getReceivedMessages()[0])).contains("unsubscribe").contains("/waitlist/unsubscribe/");

        clock.advance(WaitlistCommands.Settings.DEFAULT.noticeWindow().plusMinutes(1));
        assertThat(waitlist.noticePass()).isEqualTo(15);
        long toldSoFar = restock.read(h -> h.createQuery("select count(*) from waitlist where notified_at is not null").mapTo(Long.class).one());
        assertThat(toldSoFar).isEqualTo(30);
        long firstOfSecondBatch = restock.read(h -> h.createQuery("select min(id) from waitlist where notified_at > :t")
                .bind("t", clock.instant().minus(Duration.ofMinutes(5)).atOffset(java.time.ZoneOffset.UTC)).mapTo(Long.class).one());
        assertThat(firstOfSecondBatch).isEqualTo(16);
    }

    private List<MimeMessage> messagesTo(String email) throws Exception {
        List<MimeMessage> messages = new ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            if (message.getAllRecipients()[0].toString().equals(email)) {
                messages.add(message);
            }
        }
        return messages;
    }

    private List<String> subjects(String email) throws Exception {
        List<String> subjects = new ArrayList<>();
        for (MimeMessage message : messagesTo(email)) {
            subjects.add(message.getSubject());
        }
        return subjects;
    }
}
