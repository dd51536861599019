package restock.gateways;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import restock.payments.GatewayResult;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The Stripe adapter against a local stub that answers with Stripe's documented shapes and records every request. */
class StripeGatewayTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC);
    private HttpServer stub;
    private final List<Recorded> requests = new ArrayList<>();
    private final Deque<Answer> answers = new ArrayDeque<>();
    private StripeGateway gateway;

    record Recorded(String method, String path, Map<String, String> form, String idempotencyKey, String authorization) {
    }

    record Answer(int status, String body) {
    }

    @BeforeEach
    void start() throws IOException {
        stub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        stub.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            synchronized (requests) {
                requests.add(new Recorded(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), form(body),
                        exchange.getRequestHeaders().getFirst("Idempotency-Key"), exchange.getRequestHeaders().getFirst("Authorization")));
            }
            Answer answer = answers.isEmpty() ? new Answer(500, "{}") : answers.poll();
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer.status(), bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        stub.start();
        gateway = new StripeGateway("http://127.0.0.1:" + stub.getAddress().getPort(), "sk_test_123", CLOCK, duration -> { });
    }

    @AfterEach
    void stop() {
        stub.stop(0);
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        if (!body.isEmpty()) {
            for (String pair : body.split("&")) {
                String[] parts = pair.split("=", 2);
                form.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8), URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    private static String paymentIntent(String id, String status, long amount) {
        return "{\"id\":\"" + id + "\",\"object\":\"payment_intent\",\"amount\":" + amount + ",\"currency\":\"gbp\",\"status\":\""
                + status + "\",\"capture_method\":\"manual\"}";
    }

    @Test
    void authorizes_with_manual_capture_the_exact_amount_and_the_operations_key() {
        answers.add(new Answer(200, paymentIntent("pi_1", "requires_capture", 2950)));

        GatewayResult result = gateway.authorize("line-7-authorize-0", "pm_card_visa", 2950, "GBP");

        assertThat(result).isEqualTo(new GatewayResult.Succeeded("pi_1", java.util.Optional.of(CLOCK.instant().plus(StripeGateway.AUTHORIZATION_LIFETIME))));
        Recorded sent = requests.get(0);
        assertThat(sent.method()).isEqualTo("POST");
        assertThat(sent.path()).isEqualTo("/v1/payment_intents");
        assertThat(sent.idempotencyKey()).isEqualTo("line-7-authorize-0");
        assertThat(sent.authorization()).isEqualTo("Bearer sk_test_123");
        assertThat(sent.form()).containsEntry("amount", "2950").containsEntry("currency", "gbp").containsEntry("capture_method", "manual")
                .containsEntry("payment_method", "pm_card_visa").containsEntry("confirm", "true");
    }

    @Test
    void captures_voids_charges_and_refunds_with_their_own_requests() {
        answers.add(new Answer(200, paymentIntent("pi_1", "succeeded", 2950)));
        answers.add(new Answer(200, paymentIntent("pi_2", "canceled", 1000)));
        answers.add(new Answer(200, paymentIntent("pi_3", "succeeded", 500)));
        answers.add(new Answer(200, "{\"id\":\"re_1\",\"object\":\"refund\",\"amount\":500,\"status\":\"succeeded\"}"));

        assertThat(gateway.capture("k-capture", "pi_1", 2950)).isInstanceOf(GatewayResult.Succeeded.class);
        assertThat(gateway.voidAuthorization("k-void", "pi_2")).isInstanceOf(GatewayResult.Succeeded.class);
        assertThat(gateway.charge("k-charge", "pm_saved", 500, "EUR")).isInstanceOf(GatewayResult.Succeeded.class);
        assertThat(gateway.refund("k-refund", "pi_3", 500)).isEqualTo(new GatewayResult.Succeeded("re_1", java.util.Optional.empty()));

        assertThat(requests).extracting(Recorded::path).containsExactly("/v1/payment_intents/pi_1/capture",
                "/v1/payment_intents/pi_2/cancel", "/v1/payment_intents", "/v1/refunds");
        assertThat(requests).extracting(Recorded::idempotencyKey).containsExactly("k-capture", "k-void", "k-charge", "k-refund");
        assertThat(requests.get(0).form()).containsExactly(Map.entry("amount_to_capture", "2950"));
        assertThat(requests.get(2).form()).containsEntry("off_session", "true").containsEntry("currency", "eur").doesNotContainKey("capture_method");
        assertThat(requests.get(3).form()).containsEntry("payment_intent", "pi_3").containsEntry("amount", "500");
    }

    @Test
    void a_card_error_is_a_decline_with_stripes_code() {
        answers.add(new Answer(402, "{\"error\":{\"type\":\"card_error\",\"code\":\"card_declined\",\"decline_code\":\"insufficient_funds\","
                + "\"message\":\"Your card has insufficient funds.\"}}"));
        GatewayResult result = gateway.charge("k", "pm_card_chargeDeclinedInsufficientFunds", 500, "GBP");
        assertThat(result).isInstanceOf(GatewayResult.Declined.class);
        assertThat(((GatewayResult.Declined) result).reason()).startsWith("insufficient_funds");
        assertThat(requests).hasSize(1);
    }

    @Test
    void server_errors_are_retried_with_the_same_key_then_reported_unknown() {
        answers.add(new Answer(500, "{\"error\":{\"type\":\"api_error\"}}"));
        answers.add(new Answer(200, paymentIntent("pi_9", "requires_capture", 100)));
        assertThat(gateway.authorize("k-retry", "pm_card_visa", 100, "GBP")).isInstanceOf(GatewayResult.Succeeded.class);
        assertThat(requests).extracting(Recorded::idempotencyKey).containsExactly("k-retry", "k-retry");

        requests.clear();
        for (int i = 0; i < StripeGateway.MAX_ATTEMPTS; i++) {
            answers.add(new Answer(503, "{}"));
        }
        GatewayResult result = gateway.capture("k-down", "pi_9", 100);
        assertThat(result).isInstanceOf(GatewayResult.Unknown.class);
        assertThat(requests).hasSize(StripeGateway.MAX_ATTEMPTS).extracting(Recorded::idempotencyKey).containsOnly("k-down");
        assertThat(gateway.lookup("k-down")).as("Stripe has no lookup; reconciliation re-sends with the same key").isEmpty();
    }

    @Test
    void a_payment_that_needs_the_customer_is_not_taken_as_authorized() {
        answers.add(new Answer(200, paymentIntent("pi_3ds", "requires_action", 100)));
        assertThat(gateway.authorize("k-3ds", "pm_card_threeDSecure2Required", 100, "GBP")).isInstanceOf(GatewayResult.Declined.class);
    }

    @Test
    void prepares_a_setup_intent_for_off_session_charges_and_returns_its_client_secret() {
        answers.add(new Answer(200, "{\"id\":\"seti_1\",\"object\":\"setup_intent\",\"client_secret\":\"seti_1_secret_abc\","
                + "\"status\":\"requires_payment_method\",\"usage\":\"off_session\"}"));
        GatewayResult result = gateway.prepareSavedPaymentMethod("setup-1");
        assertThat(result).isEqualTo(new GatewayResult.Succeeded("seti_1_secret_abc", java.util.Optional.empty()));
        assertThat(requests.get(0).path()).isEqualTo("/v1/setup_intents");
        assertThat(requests.get(0).form()).containsEntry("usage", "off_session").containsEntry("payment_method_types[0]", "card");
        assertThat(requests.get(0).idempotencyKey()).isEqualTo("setup-1");
    }
}
