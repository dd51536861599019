package restock.orders;

import java.time.Instant;

/**
 * One cancellation of an order's lines as recorded: who (by the channel it came through, {@code via}), why in their
 * words, and when. Staff read it on the order's page; webhooks tell it as {@link CancelledBy} and the reason.
 */
public record Cancellation(String via, String reason, Instant at) {
    public Cancellation {
        CancelledBy.ofVia(via); // the channels a cancellation may come through are CancelledBy's
    }

    /** Who cancelled, in staff's words: "the customer, with their cancel link", "Restock: the product was discontinued". */
    public String whoInWords() {
        return switch (via) {
            case "api" -> "the shop, through the API";
            case "cancel-link" -> "the customer, with their cancel link";
            case "console" -> "staff, in the console";
            case "discontinued" -> "Restock: the product was discontinued";
            case "payment-not-received" -> "Restock: the payment was not made in time";
            default -> throw new IllegalStateException("no one is known to cancel through '" + via + "'");
        };
    }
}
