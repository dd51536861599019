package restock.orders;

import java.time.Instant;
import java.util.Objects;

/**
 * One cancellation of an order's lines as recorded: who (by the channel it came through), why in their words, and
 * when. Staff read it on the order's page; webhooks tell it as {@link CancelledBy} and the reason.
 */
public record Cancellation(CancellationChannel via, String reason, Instant at) {
    public Cancellation {
        Objects.requireNonNull(via, "via");
    }

    /** Who cancelled, in staff's words: "the customer, with their cancel link", "Restock: the product was discontinued". */
    public String whoInWords() {
        return via.words();
    }
}
