package restock.orders;

import java.util.Arrays;

/**
 * The channel a cancellation came through, as recorded ({@code cancellations.via}): who it stands for and how staff
 * read it. The one list of channels; the database's CHECK on {@code cancellations.via} holds the same codes.
 */
public enum CancellationChannel {
    API("api", CancelledBy.SHOP, "the shop, through the API"),
    CANCEL_LINK("cancel-link", CancelledBy.CUSTOMER, "the customer, with their cancel link"),
    CONSOLE("console", CancelledBy.STAFF, "staff, in the console"),
    DISCONTINUED("discontinued", CancelledBy.RESTOCK, "Restock: the product was discontinued"),
    PAYMENT_NOT_RECEIVED("payment-not-received", CancelledBy.RESTOCK, "Restock: the payment was not made in time");

    private final String code;
    private final CancelledBy by;
    private final String words;

    CancellationChannel(String code, CancelledBy by, String words) {
        this.code = code;
        this.by = by;
        this.words = words;
    }

    /** The stored code; one no channel has is a broken record, not input. */
    public static CancellationChannel of(String code) {
        return Arrays.stream(values()).filter(channel -> channel.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no one is known to cancel through '" + code + "'"));
    }

    public String code() {
        return code;
    }

    /** Who cancelled, as webhooks tell it. */
    public CancelledBy by() {
        return by;
    }

    /** Who cancelled, in staff's words: "the customer, with their cancel link". */
    public String words() {
        return words;
    }
}
