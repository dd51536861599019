package restock.payments;

import java.util.Collection;
import java.util.Optional;

/** An order's payment at a glance, derived from its lines' payments. */
public enum OrderPayment {
    /** A charge failed: the customer was sent a pay link. */
    ACTION_REQUIRED("action_required"),
    /** Everything due was taken. */
    PAID("paid"),
    /** Some lines were charged, others are still held or waiting. */
    PARTLY_PAID("partly_paid"),
    /** Funds are held on the card; nothing taken yet. */
    AUTHORIZED("authorized"),
    /** Nothing held or taken yet: lines are charged when they fill. */
    AWAITING("awaiting"),
    /** Nothing is due: everything was released or refunded. */
    NOTHING_DUE("nothing_due");

    private final String code;

    OrderPayment(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** Empty when Restock does not take payment for the order. */
    public static Optional<OrderPayment> of(Collection<PaymentState> lines) {
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        if (lines.stream().anyMatch(state -> state instanceof PaymentState.Failed)) {
            return Optional.of(ACTION_REQUIRED);
        }
        long open = lines.stream().filter(state -> !(state instanceof PaymentState.Voided || state instanceof PaymentState.Refunded)).count();
        long captured = lines.stream().filter(state -> state instanceof PaymentState.Captured).count();
        if (open == 0) {
            return Optional.of(NOTHING_DUE);
        }
        if (captured == open) {
            return Optional.of(PAID);
        }
        if (captured > 0) {
            return Optional.of(PARTLY_PAID);
        }
        if (lines.stream().anyMatch(state -> state instanceof PaymentState.Authorized)) {
            return Optional.of(AUTHORIZED);
        }
        return Optional.of(AWAITING);
    }
}
