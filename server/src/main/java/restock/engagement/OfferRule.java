package restock.engagement;

import restock.common.InvalidInput;

import java.util.Optional;

/** A retailer's rule for giving codes to customers who waited. */
public sealed interface OfferRule {
    int MAX_PERCENT = 90;
    int MAX_VALID_DAYS = 365;

    String kind();

    int validDays();

    /** A discount for waitlisters when they are told the product is back. */
    record WaitlistDiscount(int percentOff, int validDays, long minOrderMinor, Optional<String> sku) implements OfferRule {
        public WaitlistDiscount {
            requirePercent("percentOff", percentOff);
            requireValidDays(validDays);
        }
        public String kind() { return "waitlist_discount"; }
    }

    /** Compensation when a promise was broken: a percentage per week late, capped. */
    record LateCompensation(int percentPerWeekLate, int capPercent, int validDays) implements OfferRule {
        public LateCompensation {
            requirePercent("percentPerWeekLate", percentPerWeekLate);
            requirePercent("capPercent", capPercent);
            requireValidDays(validDays);
        }
        public String kind() { return "late_compensation"; }

        /** The percentage owed for a delivery so many days after its promise; zero when on time. */
        public int percentFor(long daysLate) {
            if (daysLate <= 0) {
                return 0;
            }
            long weeks = (daysLate + 6) / 7;
            return (int) Math.min(capPercent, weeks * percentPerWeekLate);
        }
    }

    /** A thank-you when a long backorder ships. */
    record LongWaitThanks(int afterDays, int percentOff, int validDays) implements OfferRule {
        public LongWaitThanks {
            if (afterDays < 1 || afterDays > 365) {
                throw new InvalidInput("afterDays", "afterDays must be between 1 and 365, was " + afterDays);
            }
            requirePercent("percentOff", percentOff);
            requireValidDays(validDays);
        }
        public String kind() { return "long_wait_thanks"; }
    }

    private static void requirePercent(String field, int percent) {
        if (percent < 1 || percent > MAX_PERCENT) {
            throw new InvalidInput(field, field + " must be between 1 and " + MAX_PERCENT + ", was " + percent);
        }
    }

    private static void requireValidDays(int days) {
        if (days < 1 || days > MAX_VALID_DAYS) {
            throw new InvalidInput("validDays", "validDays must be between 1 and " + MAX_VALID_DAYS + ", was " + days);
        }
    }
}
