package restock.forecast;

import java.util.Arrays;

/** Sample quantiles, and the small checks on samples that go with them. */
final class Quantiles {
    private Quantiles() {
    }

    /** R's default (type 7) quantile of an ascending array. */
    static double type7(double[] sorted, double p) {
        if (sorted.length == 0) {
            throw new IllegalArgumentException("no values");
        }
        double h = (sorted.length - 1) * p;
        int low = (int) Math.floor(h);
        int high = Math.min(low + 1, sorted.length - 1);
        return sorted[low] + (h - low) * (sorted[high] - sorted[low]);
    }

    /** The type-7 quantile at probability {@code p} of each step (column) of simulated paths ([path][step]). */
    static double[] ofPaths(double[][] paths, int steps, double p) {
        double[] quantiles = new double[steps];
        double[] column = new double[paths.length];
        for (int h = 0; h < steps; h++) {
            for (int i = 0; i < paths.length; i++) {
                column[i] = paths[i][h];
            }
            Arrays.sort(column);
            quantiles[h] = type7(column, p);
        }
        return quantiles;
    }

    /** Whether every value equals the first. */
    static boolean constant(double[] values) {
        for (double value : values) {
            if (value != values[0]) {
                return false;
            }
        }
        return true;
    }
}
