package restock.payments;

/** A gateway call Restock owes for a line, with the key that makes it safe to repeat. */
public record PaymentOperation(Kind kind, long orderLineId, long amountMinor, String idempotencyKey) {
    /** The calls there are. */
    public enum Kind {
        AUTHORIZE, CAPTURE, CHARGE, VOID, REFUND;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
