package restock.engagement;

import java.util.List;

/** A discount code redeemed on an order: which code, its percentage, and what it took off each line it applied to. */
public record RedeemedCode(String code, int percentOff, List<LineDiscount> lines) {
    public RedeemedCode {
        lines = List.copyOf(lines);
    }

    /** What the code took off one line: each unit's price before and the amount off it, for the units accepted at placement. */
    public record LineDiscount(long orderLineId, long unitPriceMinor, long unitDiscountMinor, int units, String currency) {
        public LineDiscount {
            if (unitPriceMinor < 0 || unitDiscountMinor < 0 || unitDiscountMinor > unitPriceMinor || units < 1) {
                throw new IllegalArgumentException("order line " + orderLineId + ": a discount of " + unitDiscountMinor + " off a unit price of "
                        + unitPriceMinor + " on " + units + " units cannot be");
            }
        }

        public long unitPriceAfterDiscountMinor() {
            return unitPriceMinor - unitDiscountMinor;
        }

        /** What the code took off the line: the amount off each unit, times the units. */
        public long discountMinor() {
            return Math.multiplyExact(unitDiscountMinor, (long) units);
        }
    }
}
