package restock.notify;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Something a customer should hear about, with what the message needs to say. */
public sealed interface Notice {
    /** Every topic a notice is published under, to webhooks as to mail (openapi.yaml declares a payload for each). */
    java.util.List<String> WEBHOOK_TOPICS = java.util.List.of("order.waiting", "order.promise_changed", "order.filled",
            "order.cancelled", "order.shipped", "payment.charged", "payment.charge_failed", "waitlist.back_in_stock", "offer.issued",
            "waitlist.confirm");

    String topic();

    /** Whether the customer is mailed as well as the shop's endpoints told; a shipment is told to the shop alone. */
    default boolean mailed() {
        return true;
    }

    String customerEmail();

    /**
     * An order line waits for stock, with its promise if it has one, and the link that cancels it free of charge. The
     * mail tells every line of the order that began to wait together ({@code lines}, this one first): one mail per
     * order, not one per line. Webhooks stay one per line and do not carry {@code lines}. {@code chargedWhenReady}: Restock
     * holds the customer's payment method and charges it when the line is ready; otherwise the shop takes payment
     * itself, and the mail promises nothing about when (an outside check: it said "you will not be charged" regardless).
     * {@code lineNumber} names the line (an order may name a SKU twice); {@code probability} is the promise's, with its
     * dates (empty without them).
     */
    record Waiting(String customerEmail, long orderId, int lineNumber, String sku, String productName, int quantity,
                   Optional<LocalDate> from, Optional<LocalDate> to, Optional<Double> probability, String cancelUrl,
                   @com.fasterxml.jackson.annotation.JsonIgnore boolean chargedWhenReady,
                   @com.fasterxml.jackson.annotation.JsonIgnore List<WaitingLine> lines)
            implements Notice {
        public Waiting {
            lines = List.copyOf(lines);
            if (lines.isEmpty() || !lines.get(0).sku().equals(sku)) {
                throw new IllegalStateException("a waiting notice tells its own line first, then the order's others");
            }
        }

        /** One line's notice, telling that line alone. */
        public Waiting(String customerEmail, long orderId, int lineNumber, String sku, String productName, int quantity,
                       Optional<LocalDate> from, Optional<LocalDate> to, Optional<Double> probability, String cancelUrl, boolean chargedWhenReady) {
            this(customerEmail, orderId, lineNumber, sku, productName, quantity, from, to, probability, cancelUrl, chargedWhenReady,
                    List.of(new WaitingLine(sku, productName, quantity, to)));
        }

        /** The same notice telling the order's other waiting lines too (for its one mail). */
        public Waiting withOthers(List<WaitingLine> others) {
            List<WaitingLine> all = new java.util.ArrayList<>(lines);
            all.addAll(others);
            return new Waiting(customerEmail, orderId, lineNumber, sku, productName, quantity, from, to, probability, cancelUrl,
                    chargedWhenReady, all);
        }

        public String topic() { return "order.waiting"; }
    }

    /** A line of a waiting mail: the product, the units waiting, and the day they should ship by (empty: not confirmed). */
    record WaitingLine(String sku, String productName, int quantity, Optional<LocalDate> to) {
    }

    /**
     * Units of an order line were cancelled: {@code cancelledBy} says who (the shop by API, the customer by their link,
     * staff in the console, Restock itself), {@code reason} the words given.
     */
    record Cancelled(String customerEmail, long orderId, int lineNumber, String sku, String productName, int quantity, String cancelledBy,
                     String reason) implements Notice {
        public String topic() { return "order.cancelled"; }
    }

    /**
     * A waiting line's promise moved: the units waiting, the date the customer was told before (empty when they were
     * told no date), the range it ships in now and its probability (empty when none is confirmed), and the link that
     * cancels it free of charge.
     */
    record PromiseChanged(String customerEmail, long orderId, int lineNumber, String sku, String productName, int quantity,
                          Optional<LocalDate> previousTo, Optional<LocalDate> from, Optional<LocalDate> to, Optional<Double> probability,
                          String cancelUrl,
                          @com.fasterxml.jackson.annotation.JsonIgnore boolean chargedWhenReady) implements Notice {
        public String topic() { return "order.promise_changed"; }
    }

    /**
     * A waiting line got stock: {@code quantity} units now, {@code stillWaiting} units of the line still waiting as it
     * stands when the notice is written (a receipt can fill part of a line).
     */
    record Filled(String customerEmail, long orderId, int lineNumber, String sku, String productName, int quantity, int stillWaiting)
            implements Notice {
        public String topic() { return "order.filled"; }
    }

    /** Units of an order line shipped; told to the shop's endpoints, not mailed (the shop's own dispatch mail has the tracking). */
    record Shipped(String customerEmail, long orderId, int lineNumber, String sku, String productName, int quantity) implements Notice {
        public String topic() { return "order.shipped"; }

        @Override
        public boolean mailed() {
            return false;
        }
    }

    /** A line was charged. */
    record Charged(String customerEmail, long orderId, int lineNumber, String sku, String productName, long amountMinor, String currency)
            implements Notice {
        public String topic() { return "payment.charged"; }
    }

    /**
     * Charging a line failed; the customer may pay through the link before the stock goes to the next in line, within
     * {@code payWithin} of the failure ({@code payBy}), the payment policy's hold.
     */
    record ChargeFailed(String customerEmail, long orderId, int lineNumber, String sku, String productName, long amountMinor, String currency,
                        String payUrl, java.time.Instant payBy, @com.fasterxml.jackson.annotation.JsonIgnore java.time.Duration payWithin)
            implements Notice {
        public String topic() { return "payment.charge_failed"; }
    }

    /** A waitlisted product is back; the notice says how long it is meant for them. */
    record BackInStock(String customerEmail, String sku, String productName, String productUrl, String unsubscribeUrl) implements Notice {
        public String topic() { return "waitlist.back_in_stock"; }
    }

    /** A code for the customer: thanks for waiting, or compensation for a broken promise. */
    record Offer(String customerEmail, String code, int percentOff, java.time.Instant expiresAt, String why, String unsubscribeUrl) implements Notice {
        public String topic() { return "offer.issued"; }
    }

    /** Double opt-in: confirm the waitlist sign-up. */
    record ConfirmWaitlist(String customerEmail, String sku, String productName, String confirmUrl) implements Notice {
        public String topic() { return "waitlist.confirm"; }
    }
}
