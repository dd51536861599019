package restock.payments;

/** What happened to a line's payment; the payment event log's kinds (the database CHECK lists the same codes). */
public enum PaymentEventKind {
    AUTHORIZED("authorized"), CHARGED("charged"), CHARGE_FAILED("charge_failed"), VOIDED("voided"), REFUNDED("refunded"),
    RELEASED("released"), AUTHORIZATION_EXPIRING("authorization_expiring"), PAYMENT_METHOD_UPDATED("payment_method_updated");

    private final String code;

    PaymentEventKind(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static PaymentEventKind of(String code) {
        for (PaymentEventKind kind : values()) {
            if (kind.code.equals(code)) {
                return kind;
            }
        }
        throw new IllegalStateException("unknown payment event kind '" + code + "'");
    }
}
