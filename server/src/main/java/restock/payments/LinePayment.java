package restock.payments;


/**
 * A line's payment with what the rules need to know about the line: its value, whether it was backordered at
 * placement, whether it is filled, shipped or cancelled, and whether a gateway call for it is under way.
 */
public record LinePayment(long orderLineId, long amountMinor, String currency, String paymentMethodToken, PaymentState state,
                          boolean backorderedAtPlacement, boolean filled, boolean shipped, boolean cancelled,
                          boolean operationUnderWay, int generation) {
    public LinePayment {
        if (amountMinor < 0) {
            throw new IllegalStateException("line " + orderLineId + " has a negative payment amount " + amountMinor);
        }
    }

    /** The key for this line's next call of a kind; a retry reuses its operation's stored key, so it never repeats a charge. */
    public String key(PaymentOperation.Kind kind) {
        return "line-" + orderLineId + "-" + kind.code() + "-" + generation;
    }

}
