package restock.payments;

import java.util.Optional;

/**
 * The one small port to a payment gateway. Every call carries an idempotency key: the same key never moves
 * money twice, so a call whose outcome is unknown can be retried or looked up safely.
 */
public interface PaymentGateway {
    GatewayResult authorize(String idempotencyKey, String paymentMethodToken, long amountMinor, String currency);

    GatewayResult capture(String idempotencyKey, String authorizationId, long amountMinor);

    /** An off-session charge of a saved payment method. */
    GatewayResult charge(String idempotencyKey, String paymentMethodToken, long amountMinor, String currency);

    GatewayResult voidAuthorization(String idempotencyKey, String authorizationId);

    GatewayResult refund(String idempotencyKey, String chargeId, long amountMinor);

    /** What became of an earlier call with this key; empty when the gateway never received it. */
    Optional<GatewayResult> lookup(String idempotencyKey);
}
