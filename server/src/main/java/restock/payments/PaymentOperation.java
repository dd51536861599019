package restock.payments;

import java.util.Locale;

/** A gateway call Restock owes for a line, with the key that makes it safe to repeat. */
public record PaymentOperation(Kind kind, long orderLineId, long amountMinor, String idempotencyKey) {
    /** The calls there are. */
    public enum Kind {
        AUTHORIZE, CAPTURE, CHARGE, VOID, REFUND;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Kind of(String code) {
            return valueOf(code.toUpperCase(Locale.ROOT));
        }
    }

    /**
     * Where a call stands: owed, being made, made without an answer (asked again before it is repeated), or
     * closed with the gateway's yes or no. The database CHECK lists the same codes.
     */
    public enum Status {
        PENDING, IN_FLIGHT, UNKNOWN, SUCCEEDED, DECLINED;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Status of(String code) {
            return valueOf(code.toUpperCase(Locale.ROOT));
        }

        /** A closed call moves its line to the next generation, so the next call gets a key of its own. */
        public boolean closed() {
            return this == SUCCEEDED || this == DECLINED;
        }
    }
}
