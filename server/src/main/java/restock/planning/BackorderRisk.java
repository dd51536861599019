package restock.planning;

import restock.forecast.Normal;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * The probability that a SKU goes on backorder within its lead time, from what Restock knows: stock on hand,
 * incoming supply discounted by the supplier's on-time record, the lead time, the forecast and recent sales with
 * their spread. Lead-time demand is taken as normal; the risk is P(demand over the lead time exceeds the supply that
 * can be counted on). A SKU already short (negative stock) is at risk 1.
 */
public final class BackorderRisk {
    /** Without a known lead time, assume eight weeks. */
    public static final double DEFAULT_LEAD_TIME_WEEKS = 8;
    /** Without a supplier record, count on this share of incoming supply. */
    public static final double DEFAULT_RELIABILITY = 0.8;
    private static final double WEEKS_PER_MONTH = 52.0 / 12;

    private BackorderRisk() {
    }

    /** What the risk is computed from; null fields are unknown. */
    public record Inputs(double onHand, double incoming, Double leadTimeWeeks, double forecastThreeMonths, double[] monthlySalesRates,
                         Double supplierOnTimeShare) {
    }

    public static double probability(Inputs in) {
        if (in.onHand() < 0) {
            return 1;
        }
        double weeks = in.leadTimeWeeks() == null ? DEFAULT_LEAD_TIME_WEEKS : Math.max(0, in.leadTimeWeeks());
        double reliability = in.supplierOnTimeShare() == null ? DEFAULT_RELIABILITY : Math.max(0, Math.min(1, in.supplierOnTimeShare()));
        double salesRate = in.monthlySalesRates().length == 0 ? 0 : Arrays.stream(in.monthlySalesRates()).max().orElse(0);
        double weeklyDemand = Math.max(in.forecastThreeMonths() / 3, salesRate) / WEEKS_PER_MONTH;
        double monthlySpread = standardDeviation(in.monthlySalesRates());
        double weeklySpread = Math.max(monthlySpread / Math.sqrt(WEEKS_PER_MONTH), Math.sqrt(Math.max(weeklyDemand, 0)));
        double mean = weeklyDemand * weeks;
        double spread = Math.max(1e-9, weeklySpread * Math.sqrt(Math.max(weeks, 1)));
        double supply = in.onHand() + reliability * in.incoming();
        if (mean == 0) {
            return 0;
        }
        return 1 - Normal.cdf((supply - mean) / spread);
    }

    private static double standardDeviation(double[] values) {
        if (values.length < 2) {
            return 0;
        }
        double mean = Arrays.stream(values).average().orElse(0);
        double squares = Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum();
        return Math.sqrt(squares / (values.length - 1));
    }

    /** Area under the ROC curve: the probability a random positive scores above a random negative (ties count half). */
    public static double rocAuc(double[] scores, boolean[] positive) {
        Integer[] order = IntStream.range(0, scores.length).boxed().sorted(Comparator.comparingDouble(i -> scores[i])).toArray(Integer[]::new);
        double rankSum = 0;
        int positives = 0;
        int i = 0;
        while (i < order.length) {
            int j = i;
            while (j + 1 < order.length && scores[order[j + 1]] == scores[order[i]]) {
                j++;
            }
            double averageRank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                if (positive[order[k]]) {
                    rankSum += averageRank;
                    positives++;
                }
            }
            i = j + 1;
        }
        int negatives = scores.length - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        return (rankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }

    /** Area under the precision-recall curve as average precision (ties broken pessimistically). */
    public static double averagePrecision(double[] scores, boolean[] positive) {
        Integer[] order = IntStream.range(0, scores.length).boxed()
                .sorted(Comparator.<Integer>comparingDouble(i -> -scores[i]).thenComparing(i -> positive[i] ? 1 : 0)).toArray(Integer[]::new);
        int positives = 0;
        for (boolean p : positive) {
            positives += p ? 1 : 0;
        }
        if (positives == 0) {
            return Double.NaN;
        }
        double sum = 0;
        int hits = 0;
        for (int rank = 0; rank < order.length; rank++) {
            if (positive[order[rank]]) {
                hits++;
                sum += (double) hits / (rank + 1);
            }
        }
        return sum / positives;
    }
}
