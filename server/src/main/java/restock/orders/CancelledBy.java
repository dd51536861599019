package restock.orders;

import java.util.Locale;

/** Who cancelled order lines, as a webhook tells it, from the channel the cancellation came through. */
public enum CancelledBy {
    /** The shop, through the API. */
    SHOP,
    /** The customer, with their cancel link. */
    CUSTOMER,
    /** Staff, in the console. */
    STAFF,
    /** Restock itself: the product was discontinued, or a failed charge was not paid in time. */
    RESTOCK;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
