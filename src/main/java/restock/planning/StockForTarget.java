package restock.planning;

import java.util.Arrays;
import java.util.Random;

/**
 * How much to stock for a period of several months to meet a fill-rate target: the demand over the period is
 * bootstrapped from the most recent months (demand drifts, so older months say less), and the stock is the smallest
 * quantity whose expected fill rate reaches the target.
 */
public final class StockForTarget {
    /** The months the bootstrap draws from: the latest year. */
    public static final int RECENT_MONTHS = 12;
    public static final int SAMPLES = 2_000;

    private StockForTarget() {
    }

    public static double stock(double[] monthlyHistory, int months, double fillRate, long seed) {
        if (fillRate <= 0 || fillRate >= 1) {
            throw new IllegalArgumentException("fill rate target must be strictly between 0 and 1, was " + fillRate);
        }
        double[] recent = Arrays.copyOfRange(monthlyHistory, Math.max(0, monthlyHistory.length - RECENT_MONTHS), monthlyHistory.length);
        Random random = new Random(seed);
        double[] totals = new double[SAMPLES];
        double demand = 0;
        for (int s = 0; s < SAMPLES; s++) {
            double total = 0;
            for (int m = 0; m < months; m++) {
                total += recent[random.nextInt(recent.length)];
            }
            totals[s] = total;
            demand += total;
        }
        if (demand == 0) {
            return 0;
        }
        Arrays.sort(totals);
        // Expected units met when stocking q: the mean of min(total, q); raise q through the sorted totals.
        double met = 0;
        for (int i = 0; i < totals.length; i++) {
            double q = totals[i];
            double metAtQ = met + q * (totals.length - i);
            if (metAtQ / demand >= fillRate) {
                return q;
            }
            met += totals[i];
        }
        return totals[totals.length - 1];
    }
}
