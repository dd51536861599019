package restock.payments;

import java.util.Optional;

/**
 * What a cancelled line cost the customer, from its payment: the one answer the console (for staff) and the customer's
 * cancel page (for the customer) both put in words, so they cannot disagree (the console said "the customer was not
 * charged" where the page said the shop would refund what was paid, an outside check).
 */
public enum CancelledCharge {
    /** Restock took no payment for the line: the shop took payment its own way, or none, and refunds what it took. */
    PAID_TO_THE_SHOP,
    /** Nothing was held on the card or taken. */
    NOTHING_CHARGED,
    /** Nothing was taken; the hold on the card is being released. */
    HOLD_BEING_RELEASED,
    /** Nothing was taken, and the hold on the card was released. */
    HOLD_RELEASED,
    /** Money was taken; its refund is under way. */
    REFUND_UNDER_WAY,
    /** Money was taken and given back. */
    REFUNDED;

    /** The answer for a cancelled line's payment, or for none (Restock took no payment for it). */
    public static CancelledCharge of(Optional<LinePayment> payment) {
        if (payment.isEmpty()) {
            return PAID_TO_THE_SHOP;
        }
        PaymentState state = payment.get().state();
        if (state instanceof PaymentState.Refunded) {
            return REFUNDED;
        }
        if (state instanceof PaymentState.Captured) {
            return REFUND_UNDER_WAY;
        }
        if (state instanceof PaymentState.Voided) {
            return HOLD_RELEASED;
        }
        // A cancelled line's authorization is voided by the payment worker after the cancellation commits.
        return state instanceof PaymentState.Authorized ? HOLD_BEING_RELEASED : NOTHING_CHARGED;
    }
}
