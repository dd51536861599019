package restock.promise;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A ship-date range with the probability of shipping by its end, and the purchase order line it rests on (empty
 * when it rests on stock already in the building, as a pre-order before the release date does).
 */
public record Promise(LocalDate from, LocalDate to, double probability, Optional<Long> purchaseOrderLineId) {
    public Promise {
        if (from.isAfter(to) || probability <= 0 || probability > 1) {
            throw new IllegalStateException("a promise runs from a day to a later one with a probability in (0, 1]: "
                    + from + ".." + to + " at " + probability);
        }
    }

    /** A probability as answers and webhooks show it: to three decimals. */
    public static double shown(double probability) {
        return Math.round(probability * 1000) / 1000.0;
    }

    /** The same commitment: dates and supply line; a drifting probability is not a new promise. */
    public boolean sameCommitment(Promise other) {
        return from.equals(other.from) && to.equals(other.to) && purchaseOrderLineId.equals(other.purchaseOrderLineId);
    }
}
