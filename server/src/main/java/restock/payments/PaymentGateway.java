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

    /**
     * Prepares saving a customer's payment method for charging later, off session (a Stripe SetupIntent): the
     * storefront completes it with the returned client secret and sends the resulting payment method token with
     * the order.
     */
    GatewayResult prepareSavedPaymentMethod(String idempotencyKey);

    /** What became of an earlier call with this key; empty when the gateway never received it. */
    Optional<GatewayResult> lookup(String idempotencyKey);
}
