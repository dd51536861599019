package restock.promise;

import java.util.Collection;

/** An empirical distribution of the share of an ordered quantity that a supplier delivered (0..1). */
public final class FillDistribution {
    /** Without evidence of short shipments, assume full delivery. */
    public static final FillDistribution ALWAYS_FULL = new FillDistribution(new double[] {1.0});

    private final double[] fractions;

    private FillDistribution(double[] fractions) {
        this.fractions = fractions;
    }

    public static FillDistribution of(Collection<Double> fractions) {
        if (fractions.isEmpty()) {
            return ALWAYS_FULL;
        }
        return new FillDistribution(fractions.stream().mapToDouble(Double::doubleValue).map(f -> Math.max(0, Math.min(1, f))).toArray());
    }

    /** P(delivered share >= fraction). */
    public double probabilityAtLeast(double fraction) {
        int count = 0;
        for (double observed : fractions) {
            if (observed + 1e-9 >= fraction) {
                count++;
            }
        }
        return (double) count / fractions.length;
    }

    public int size() {
        return fractions.length;
    }
}
