package restock.promise;

import java.time.LocalDate;
import java.util.Optional;

/**
 * How shopping surfaces state one availability answer: the Merchant Center feed and the schema.org offer both call
 * {@link #of}, so a pre-order cannot be PreOrder in the offer and out_of_stock in the feed. A backorder or
 * pre-order needs a date no more than a year ahead (Merchant Center's rule); past that, or without one, it is
 * listed as out of stock. It presents the one decision (the answer's status and promise), it decides nothing.
 */
public record ListedAvailability(Kind kind, Optional<LocalDate> date) {
    /** How far ahead a listed availability date may be. */
    public static final int MAX_YEARS_AHEAD = 1;

    /** The listed states, with Merchant Center's value and schema.org's ItemAvailability for each. */
    public enum Kind {
        IN_STOCK("in_stock", "InStock"),
        BACKORDER("backorder", "BackOrder"),
        PREORDER("preorder", "PreOrder"),
        OUT_OF_STOCK("out_of_stock", "OutOfStock"),
        /** Nothing more can be sold: left out of feeds; the offer says Discontinued. */
        DISCONTINUED("out_of_stock", "Discontinued");

        private final String merchantValue;
        private final String schemaOrg;

        Kind(String merchantValue, String schemaOrg) {
            this.merchantValue = merchantValue;
            this.schemaOrg = schemaOrg;
        }

        public String merchantValue() {
            return merchantValue;
        }

        public String schemaOrgUrl() {
            return "https://schema.org/" + schemaOrg;
        }
    }

    public ListedAvailability {
        if (date.isPresent() != (kind == Kind.BACKORDER || kind == Kind.PREORDER)) {
            throw new IllegalStateException("a listed " + kind + " " + (date.isPresent() ? "has no" : "needs an") + " availability date");
        }
    }

    /** The listed state of an availability answer on {@code today}. */
    public static ListedAvailability of(Availability availability, LocalDate today) {
        Optional<LocalDate> date = availability.eta().map(Promise::to).filter(to -> !to.isAfter(today.plusYears(MAX_YEARS_AHEAD)));
        return switch (availability.status()) {
            case IN_STOCK -> new ListedAvailability(Kind.IN_STOCK, Optional.empty());
            case BACKORDER -> date.isPresent() ? new ListedAvailability(Kind.BACKORDER, date) : outOfStock();
            case PREORDER -> date.isPresent() ? new ListedAvailability(Kind.PREORDER, date) : outOfStock();
            case OUT_OF_STOCK -> outOfStock();
            case DISCONTINUED -> new ListedAvailability(Kind.DISCONTINUED, Optional.empty());
        };
    }

    private static ListedAvailability outOfStock() {
        return new ListedAvailability(Kind.OUT_OF_STOCK, Optional.empty());
    }
}
