package restock.promise;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Learns supplier reliability from purchase order history: lateness of first receipts against the date first
 * confirmed (a line moved later still counts as late), and the share of ordered quantity delivered by lines that ended. Thin lateness
 * history falls back from the supplier-SKU to the supplier, then to a cautious prior: never to other suppliers'
 * lateness, which made a new supplier as punctual as the shop's best (in the demo year a slow supplier's first
 * promises, borrowed from two punctual ones, were stated at 88% and kept 31% of the time). Thin fill history may
 * borrow other suppliers' (more cautious than assuming every delivery complete).
 */
public final class SupplierReliability {
    /** Fewer observations than this are too thin to learn from; the next level up is used. */
    public static final int MIN_OBSERVATIONS = 5;
    /** A cautious prior when nothing is known: often on time, sometimes up to two weeks late. */
    public static final List<Integer> PRIOR_LATENESS_DAYS = List.of(0, 0, 0, 0, 1, 2, 3, 5, 7, 14);
    /**
     * Pseudo-observations of a delivery that never came, added to every lateness distribution, learned or prior:
     * without them a thin history conditioned on "overdue" becomes certainty (see {@link DayDistribution}).
     */
    public static final int NEVER_ARRIVED_WEIGHT = 1;

    /** The odds for a supplier with no history at all, nor any other supplier's to borrow. */
    public static ArrivalOdds priorOdds() {
        return new ArrivalOdds(DayDistribution.of(PRIOR_LATENESS_DAYS, NEVER_ARRIVED_WEIGHT), FillDistribution.ALWAYS_FULL, "no history yet (cautious prior)");
    }

    /** One purchase order line's history: lateness of its first receipt, and its delivered share once it ended. */
    public record Observation(long supplierId, String sku, Integer latenessDays, Double fillFraction) {
    }

    private final List<Observation> observations;

    public SupplierReliability(List<Observation> observations) {
        this.observations = List.copyOf(observations);
    }

    public ArrivalOdds oddsFor(long supplierId, String sku) {
        List<Observation> bySku = observations.stream()
                .filter(o -> o.supplierId() == supplierId && Objects.equals(o.sku(), sku)).toList();
        List<Observation> bySupplier = observations.stream().filter(o -> o.supplierId() == supplierId).toList();
        DayDistribution lateness;
        String basis;
        if (lateness(bySku).size() >= MIN_OBSERVATIONS) {
            lateness = DayDistribution.of(lateness(bySku), NEVER_ARRIVED_WEIGHT);
            basis = "supplier and product history";
        } else if (lateness(bySupplier).size() >= MIN_OBSERVATIONS) {
            lateness = DayDistribution.of(lateness(bySupplier), NEVER_ARRIVED_WEIGHT);
            basis = "supplier history";
        } else {
            return new ArrivalOdds(priorOdds().lateness(), fill(bySku, bySupplier), priorOdds().basis());
        }
        return new ArrivalOdds(lateness, fill(bySku, bySupplier), basis);
    }

    private FillDistribution fill(List<Observation> bySku, List<Observation> bySupplier) {
        for (List<Observation> level : List.of(bySku, bySupplier, observations)) {
            List<Double> fractions = fills(level);
            if (fractions.size() >= MIN_OBSERVATIONS) {
                return FillDistribution.of(fractions);
            }
        }
        return FillDistribution.ALWAYS_FULL;
    }

    private static List<Integer> lateness(List<Observation> level) {
        List<Integer> days = new ArrayList<>();
        level.forEach(o -> {
            if (o.latenessDays() != null) {
                days.add(o.latenessDays());
            }
        });
        return days;
    }

    private static List<Double> fills(List<Observation> level) {
        List<Double> fractions = new ArrayList<>();
        level.forEach(o -> {
            if (o.fillFraction() != null) {
                fractions.add(o.fillFraction());
            }
        });
        return fractions;
    }
}
