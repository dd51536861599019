package restock.catalog;

import restock.common.InvalidInput;

import java.util.OptionalInt;

/**
 * Whether a product may be sold beyond the stock on hand, and against what.
 * Each policy answers how many more units may wait, given what already waits and what is incoming unclaimed.
 */
public sealed interface BackorderPolicy {
    /** A cap on waiting units above this is not a cap. */
    int MAX_CAP = 1_000_000;

    String code();

    /** How many units of a shortfall may wait; the rest is refused. */
    int unitsAllowedToWait(int shortfall, int alreadyWaiting, int unclaimedIncoming);

    /** Why the rest of a shortfall was refused, for a person to read. */
    String refusalReason(Sku sku, int unclaimedIncoming);

    OptionalInt cap();

    /** Sold only from stock on hand. */
    record Never() implements BackorderPolicy {
        public String code() { return "never"; }
        public int unitsAllowedToWait(int shortfall, int alreadyWaiting, int unclaimedIncoming) { return 0; }
        public String refusalReason(Sku sku, int unclaimedIncoming) {
            return "product " + sku + " is sold only from stock on hand and not enough is available";
        }
        public OptionalInt cap() { return OptionalInt.empty(); }
    }

    /** A shortfall may wait only against confirmed incoming supply that no earlier waiting line has claimed. */
    record WhenSupplyConfirmed() implements BackorderPolicy {
        public String code() { return "when-supply-confirmed"; }
        public int unitsAllowedToWait(int shortfall, int alreadyWaiting, int unclaimedIncoming) {
            return Math.min(shortfall, Math.max(0, unclaimedIncoming));
        }
        public String refusalReason(Sku sku, int unclaimedIncoming) {
            return "product " + sku + " has only " + Math.max(0, unclaimedIncoming)
                    + " units of confirmed incoming supply not already promised to earlier orders";
        }
        public OptionalInt cap() { return OptionalInt.empty(); }
    }

    /** Any shortfall may wait, up to an optional cap on the total waiting quantity. */
    record Always(OptionalInt waitingCap) implements BackorderPolicy {
        public Always {
            if (waitingCap.isPresent() && (waitingCap.getAsInt() < 0 || waitingCap.getAsInt() > MAX_CAP)) {
                throw new InvalidInput("backorderCap", "backorderCap must be between 0 and " + MAX_CAP + ", was " + waitingCap.getAsInt());
            }
        }
        public String code() { return "always"; }
        public int unitsAllowedToWait(int shortfall, int alreadyWaiting, int unclaimedIncoming) {
            if (waitingCap.isEmpty()) {
                return shortfall;
            }
            return Math.min(shortfall, Math.max(0, waitingCap.getAsInt() - alreadyWaiting));
        }
        public String refusalReason(Sku sku, int unclaimedIncoming) {
            return "product " + sku + " has reached its backorder cap of " + waitingCap.orElse(0) + " waiting units";
        }
        public OptionalInt cap() { return waitingCap; }
    }

    static BackorderPolicy parse(String code, Integer cap) {
        if (code == null || code.equals("when-supply-confirmed")) {
            requireNoCap(code, cap);
            return new WhenSupplyConfirmed();
        }
        if (code.equals("never")) {
            requireNoCap(code, cap);
            return new Never();
        }
        if (code.equals("always")) {
            return new Always(cap == null ? OptionalInt.empty() : OptionalInt.of(cap));
        }
        throw new InvalidInput("backorderPolicy", "backorderPolicy must be one of never, when-supply-confirmed, always; was '" + code + "'");
    }

    private static void requireNoCap(String code, Integer cap) {
        if (cap != null) {
            throw new InvalidInput("backorderCap", "backorderCap applies only to backorderPolicy 'always', not '" + code + "'");
        }
    }
}
