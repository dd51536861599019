package restock.gateways;

import restock.payments.GatewayResult;
import restock.payments.PaymentGateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * Stripe over its HTTP API: PaymentIntents with manual capture for authorizations, off-session PaymentIntents
 * for charging a saved payment method, cancel to void, refunds. Every request carries the operation's
 * idempotency key; network errors, 429 and 5xx answers are retried a bounded number of times with backoff and
 * then reported as unknown. Stripe replays the first answer to a repeated key, so reconciliation re-sends.
 */
public final class StripeGateway implements PaymentGateway {
    public static final String DEFAULT_BASE_URL = "https://api.stripe.com";
    /** Stripe holds card authorizations for about 7 days. */
    public static final Duration AUTHORIZATION_LIFETIME = Duration.ofDays(7);
    public static final int MAX_ATTEMPTS = 3;
    public static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);

    private final String baseUrl;
    private final String secretKey;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final Sleeper sleeper;

    /** Waits between retries; tests pass one that does not wait. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    public StripeGateway(String baseUrl, String secretKey, Clock clock, Sleeper sleeper) {
        if (secretKey == null || !(secretKey.startsWith("sk_") || secretKey.startsWith("rk_"))) {
            throw new IllegalArgumentException("a Stripe secret key starts with sk_ or rk_");
        }
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.secretKey = secretKey;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    @Override
    public GatewayResult authorize(String key, String token, long amountMinor, String currency) {
        Map<String, String> form = paymentIntent(token, amountMinor, currency);
        form.put("capture_method", "manual");
        return post("/v1/payment_intents", form, key, true);
    }

    /** A PaymentIntent confirmed at once, off session, on a saved payment method. */
    private static Map<String, String> paymentIntent(String token, long amountMinor, String currency) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("amount", Long.toString(amountMinor));
        form.put("currency", currency.toLowerCase(Locale.ROOT));
        form.put("payment_method", token);
        form.put("confirm", "true");
        form.put("off_session", "true");
        return form;
    }

    @Override
    public GatewayResult capture(String key, String authorizationId, long amountMinor) {
        return post("/v1/payment_intents/" + encode(authorizationId) + "/capture", Map.of("amount_to_capture", Long.toString(amountMinor)), key, false);
    }

    @Override
    public GatewayResult charge(String key, String token, long amountMinor, String currency) {
        return post("/v1/payment_intents", paymentIntent(token, amountMinor, currency), key, false);
    }

    @Override
    public GatewayResult voidAuthorization(String key, String authorizationId) {
        return post("/v1/payment_intents/" + encode(authorizationId) + "/cancel", Map.of(), key, false);
    }

    @Override
    public GatewayResult refund(String key, String chargeId, long amountMinor) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("payment_intent", chargeId);
        form.put("amount", Long.toString(amountMinor));
        return post("/v1/refunds", form, key, false);
    }

    /** A SetupIntent for off-session use; the reference returned is its client secret, for the storefront. */
    @Override
    public GatewayResult prepareSavedPaymentMethod(String key) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("usage", "off_session");
        form.put("payment_method_types[]", "card");
        return post("/v1/setup_intents", form, key, false);
    }

    /** Stripe cannot be asked by idempotency key; re-sending with the same key replays its first answer. */
    @Override
    public Optional<GatewayResult> lookup(String key) {
        return Optional.empty();
    }

    private GatewayResult post(String path, Map<String, String> form, String key, boolean authorization) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + secretKey)
                .header("Idempotency-Key", key)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(formBody(form)))
                .build();
        String lastProblem = "no attempt made";
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (status == 429 || status >= 500) {
                    lastProblem = "Stripe answered " + status;
                } else {
                    return interpret(status, response.body(), authorization);
                }
            } catch (IOException e) {
                lastProblem = "network: " + e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new GatewayResult.Unknown("interrupted");
            }
            if (attempt < MAX_ATTEMPTS && !backoff(attempt)) {
                return new GatewayResult.Unknown("interrupted");
            }
        }
        return new GatewayResult.Unknown(lastProblem + " after " + MAX_ATTEMPTS + " attempts");
    }

    private boolean backoff(int attempt) {
        try {
            long base = FIRST_BACKOFF.toMillis() << (attempt - 1);
            sleeper.sleep(Duration.ofMillis(base + (long) (Math.random() * base)));
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private GatewayResult interpret(int status, String body, boolean authorization) {
        JsonNode node;
        try {
            node = json.readTree(body);
        } catch (IOException e) {
            return new GatewayResult.Unknown("unreadable Stripe answer (" + status + ")");
        }
        if (status >= 400) {
            JsonNode error = node.path("error");
            String code = error.path("decline_code").asText(error.path("code").asText(error.path("type").asText("error")));
            return new GatewayResult.Declined(code + ": " + error.path("message").asText(""));
        }
        String state = node.path("status").asText();
        if (node.path("object").asText().equals("setup_intent")) {
            return new GatewayResult.Succeeded(node.path("client_secret").asText(), Optional.empty());
        }
        if (state.equals("requires_action") || state.equals("requires_payment_method")) {
            return new GatewayResult.Declined("authentication_required: the customer must confirm the payment");
        }
        return new GatewayResult.Succeeded(node.path("id").asText(),
                authorization ? Optional.of(clock.instant().plus(AUTHORIZATION_LIFETIME)) : Optional.empty());
    }

    private static String formBody(Map<String, String> form) {
        StringJoiner body = new StringJoiner("&");
        form.forEach((name, value) -> body.add(encode(name) + "=" + encode(value)));
        return body.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
