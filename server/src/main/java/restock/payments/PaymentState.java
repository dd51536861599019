package restock.payments;

import java.time.Instant;

/**
 * Where a line's payment stands. Two-phase like a stock reservation: authorized, then captured, voided or
 * expired, exactly once. No card data is ever held; only the gateway's ids.
 */
public sealed interface PaymentState {
    String code();

    /** To be authorized now (in stock, or promised inside the authorization window). */
    record AwaitingAuthorization(String paymentMethodToken) implements PaymentState {
        public String code() { return "awaiting_authorization"; }
    }

    /** Nothing authorized: the saved payment method is charged when the line fills. */
    record AwaitingFill(String paymentMethodToken) implements PaymentState {
        public String code() { return "awaiting_fill"; }
    }

    /** Funds held on the card until {@code expiresAt}. */
    record Authorized(String authorizationId, long amountMinor, Instant expiresAt) implements PaymentState {
        public String code() { return "authorized"; }
    }

    /** Money taken. */
    record Captured(String chargeId, long amountMinor) implements PaymentState {
        public String code() { return "captured"; }
    }

    /** The authorization was released; nothing was taken. */
    record Voided() implements PaymentState {
        public String code() { return "voided"; }
    }

    /** Money taken and given back. */
    record Refunded(long amountMinor) implements PaymentState {
        public String code() { return "refunded"; }
    }

    /** The charge for a filled line failed; the customer is asked to pay through a link before {@code holdUntil}. */
    record Failed(String reason, Instant holdUntil) implements PaymentState {
        public String code() { return "failed"; }
    }
}
