package restock.gateways;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.model.StripeError;
import com.stripe.net.RequestOptions;
import com.stripe.param.PaymentIntentCaptureParams;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.RefundCreateParams;
import com.stripe.param.SetupIntentCreateParams;
import restock.payments.GatewayResult;
import restock.payments.PaymentGateway;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Stripe through its Java SDK (stripe-java): PaymentIntents with manual capture for authorizations, off-session
 * PaymentIntents for charging a saved payment method, cancel to void, refunds. Every request carries the
 * operation's idempotency key; network errors, 429 and 5xx answers are retried here (the SDK's own retries are off,
 * so waits go through the injected {@link Sleeper}) a bounded number of times with backoff and then reported as
 * unknown. Stripe replays the first answer to a repeated key, so reconciliation re-sends.
 */
public final class StripeGateway implements PaymentGateway {
    public static final String DEFAULT_BASE_URL = "https://api.stripe.com";
    /** Stripe holds card authorizations for about 7 days. */
    public static final Duration AUTHORIZATION_LIFETIME = Duration.ofDays(7);
    public static final int MAX_ATTEMPTS = 3;
    public static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);

    private final StripeClient stripe;
    private final Clock clock;
    private final Sleeper sleeper;

    /** Waits between retries; tests pass one that does not wait. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    /** One SDK call with the request's options (its idempotency key). */
    @FunctionalInterface
    private interface Call {
        GatewayResult send(RequestOptions options) throws StripeException;
    }

    public StripeGateway(String baseUrl, String secretKey, Clock clock, Sleeper sleeper) {
        if (secretKey == null || !(secretKey.startsWith("sk_") || secretKey.startsWith("rk_"))) {
            throw new IllegalArgumentException("a Stripe secret key starts with sk_ or rk_");
        }
        this.stripe = StripeClient.builder()
                .setApiKey(secretKey)
                .setApiBase(baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl)
                .setMaxNetworkRetries(0)
                .setConnectTimeout((int) CONNECT_TIMEOUT.toMillis())
                .setReadTimeout((int) REQUEST_TIMEOUT.toMillis())
                .build();
        this.clock = clock;
        this.sleeper = sleeper;
    }

    @Override
    public GatewayResult authorize(String key, String token, long amountMinor, String currency) {
        PaymentIntentCreateParams params = paymentIntent(token, amountMinor, currency)
                .setCaptureMethod(PaymentIntentCreateParams.CaptureMethod.MANUAL).build();
        return send(key, options -> paid(stripe.v1().paymentIntents().create(params, options), true));
    }

    /** A PaymentIntent confirmed at once, off session, on a saved payment method. */
    private static PaymentIntentCreateParams.Builder paymentIntent(String token, long amountMinor, String currency) {
        return PaymentIntentCreateParams.builder()
                .setAmount(amountMinor)
                .setCurrency(currency.toLowerCase(Locale.ROOT))
                .setPaymentMethod(token)
                .setConfirm(true)
                .setOffSession(true);
    }

    @Override
    public GatewayResult capture(String key, String authorizationId, long amountMinor) {
        PaymentIntentCaptureParams params = PaymentIntentCaptureParams.builder().setAmountToCapture(amountMinor).build();
        return send(key, options -> paid(stripe.v1().paymentIntents().capture(authorizationId, params, options), false));
    }

    @Override
    public GatewayResult charge(String key, String token, long amountMinor, String currency) {
        PaymentIntentCreateParams params = paymentIntent(token, amountMinor, currency).build();
        return send(key, options -> paid(stripe.v1().paymentIntents().create(params, options), false));
    }

    @Override
    public GatewayResult voidAuthorization(String key, String authorizationId) {
        return send(key, options -> paid(stripe.v1().paymentIntents().cancel(authorizationId, options), false));
    }

    @Override
    public GatewayResult refund(String key, String chargeId, long amountMinor) {
        RefundCreateParams params = RefundCreateParams.builder().setPaymentIntent(chargeId).setAmount(amountMinor).build();
        return send(key, options -> new GatewayResult.Succeeded(stripe.v1().refunds().create(params, options).getId(), Optional.empty()));
    }

    /** A SetupIntent for off-session use; the reference returned is its client secret, for the storefront. */
    @Override
    public GatewayResult prepareSavedPaymentMethod(String key) {
        SetupIntentCreateParams params = SetupIntentCreateParams.builder()
                .setUsage(SetupIntentCreateParams.Usage.OFF_SESSION).addPaymentMethodType("card").build();
        return send(key, options -> new GatewayResult.Succeeded(stripe.v1().setupIntents().create(params, options).getClientSecret(),
                Optional.empty()));
    }

    /** Stripe cannot be asked by idempotency key; re-sending with the same key replays its first answer. */
    @Override
    public Optional<GatewayResult> lookup(String key) {
        return Optional.empty();
    }

    /** A PaymentIntent that still needs the customer (3-D Secure, a new card) is not money held or taken. */
    private GatewayResult paid(PaymentIntent intent, boolean authorization) {
        String state = intent.getStatus();
        if ("requires_action".equals(state) || "requires_payment_method".equals(state)) {
            return new GatewayResult.Declined("authentication_required: the customer must confirm the payment");
        }
        return new GatewayResult.Succeeded(intent.getId(),
                authorization ? Optional.of(clock.instant().plus(AUTHORIZATION_LIFETIME)) : Optional.empty());
    }

    private GatewayResult send(String key, Call call) {
        RequestOptions options = RequestOptions.builder().setIdempotencyKey(key).build();
        String lastProblem = "no attempt made";
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            try {
                return call.send(options);
            } catch (StripeException e) {
                Integer status = e.getStatusCode();
                boolean worthRetrying = status == null || status == 0 || status == 429 || status >= 500;
                if (!worthRetrying) {
                    return status >= 400 ? declined(e) : new GatewayResult.Unknown("unreadable Stripe answer (" + status + ")");
                }
                lastProblem = status == null || status == 0 ? "network: " + e.getMessage() : "Stripe answered " + status;
            }
            if (attempt < MAX_ATTEMPTS && !backoff(attempt)) {
                return new GatewayResult.Unknown("interrupted");
            }
        }
        return new GatewayResult.Unknown(lastProblem + " after " + MAX_ATTEMPTS + " attempts");
    }

    /** Stripe's most specific reason first: the card's decline code, else the error code, else its type. */
    private static GatewayResult declined(StripeException e) {
        StripeError error = e.getStripeError();
        if (error == null) {
            return new GatewayResult.Declined("error: " + e.getMessage());
        }
        String code = firstOf(error.getDeclineCode(), error.getCode(), error.getType(), "error");
        return new GatewayResult.Declined(code + ": " + (error.getMessage() == null ? "" : error.getMessage()));
    }

    private static String firstOf(String... values) {
        for (String value : values) {
            if (value != null && !value.isEmpty()) {
                return value;
            }
        }
        throw new IllegalArgumentException("no value");
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
}
