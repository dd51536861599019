package restock.catalog;

import restock.common.Counts;
import restock.common.InvalidInput;

import java.util.OptionalInt;
import java.util.function.IntUnaryOperator;

/**
 * Whether a product may be sold beyond the stock on hand, and against what.
 * Each policy answers how many more units may wait, given what already waits and what is incoming unclaimed.
 */
public sealed interface BackorderPolicy {
    /** A cap on waiting units above this is not a cap. */
    int MAX_CAP = 1_000_000;

    String code();

    /**
     * How many units of a shortfall may wait; the rest is refused. {@code promisableUnits} answers how many units
     * of a shortfall confirmed incoming supply can be promised for.
     */
    int unitsAllowedToWait(int shortfall, int alreadyWaiting, IntUnaryOperator promisableUnits);

    /**
     * Why the rest of a shortfall was refused, for staff and shoppers to read; {@code supplyOutlook} says what incoming
     * supply allows, {@code unitsWaitingWithIt} how many units would wait if the whole shortfall did.
     */
    String refusalReason(Sku sku, String supplyOutlook, int unitsWaitingWithIt);

    OptionalInt cap();

    /** Sold only from stock on hand. */
    record Never() implements BackorderPolicy {
        public String code() { return "never"; }
        public int unitsAllowedToWait(int shortfall, int alreadyWaiting, IntUnaryOperator promisableUnits) { return 0; }
        public String refusalReason(Sku sku, String supplyOutlook, int unitsWaitingWithIt) {
            return "product " + sku + " is sold only from stock on hand and not enough is available";
        }
        public OptionalInt cap() { return OptionalInt.empty(); }
    }

    /**
     * A shortfall may wait only against confirmed incoming supply that no earlier waiting line has claimed, and
     * only when that supply can be promised with the configured confidence (issue #3's decision).
     */
    record WhenSupplyConfirmed() implements BackorderPolicy {
        public String code() { return "when-supply-confirmed"; }
        public int unitsAllowedToWait(int shortfall, int alreadyWaiting, IntUnaryOperator promisableUnits) {
            return promisableUnits.applyAsInt(shortfall);
        }
        public String refusalReason(Sku sku, String supplyOutlook, int unitsWaitingWithIt) {
            return "not enough of product " + sku + " in stock: " + supplyOutlook;
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
        public int unitsAllowedToWait(int shortfall, int alreadyWaiting, IntUnaryOperator promisableUnits) {
            if (waitingCap.isEmpty()) {
                return shortfall;
            }
            return Math.min(shortfall, Math.max(0, waitingCap.getAsInt() - alreadyWaiting));
        }
        public String refusalReason(Sku sku, String supplyOutlook, int unitsWaitingWithIt) {
            // It said "has reached its backorder cap of 20 waiting units" for a new product with nobody waiting: the
            // order alone went past the cap (an outside tester's finding).
            int cap = waitingCap.orElse(0);
            if (cap == 0) {
                return "product " + sku + " takes no backorders, and not enough is in stock";
            }
            return "product " + sku + " can have at most " + Counts.grouped(cap) + " units waiting; this order would make "
                    + Counts.grouped(unitsWaitingWithIt);
        }
        public OptionalInt cap() { return waitingCap; }
    }

    /**
     * A discontinued product: it will not return, so nothing more may wait. Lines already waiting keep their
     * place (their supply may still arrive); this is never a product's configured policy.
     */
    record Discontinued() implements BackorderPolicy {
        public String code() { return "discontinued"; }
        public int unitsAllowedToWait(int shortfall, int alreadyWaiting, IntUnaryOperator promisableUnits) { return 0; }
        public String refusalReason(Sku sku, String supplyOutlook, int unitsWaitingWithIt) {
            return "product " + sku + " is discontinued and not enough is available";
        }
        public OptionalInt cap() { return OptionalInt.empty(); }
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

    /**
     * A cap limits how many units may wait, which only policy always lets any do: with another one it would be kept and
     * mean nothing, so it is refused rather than dropped. {@code code} null is the default policy, when-supply-confirmed.
     */
    private static void requireNoCap(String code, Integer cap) {
        if (cap != null) {
            throw new InvalidInput("backorderCap", "backorderCap applies only when backorderPolicy is always, and it is "
                    + (code == null ? "when-supply-confirmed (the default)" : code) + " here: remove the cap, or choose always");
        }
    }
}
