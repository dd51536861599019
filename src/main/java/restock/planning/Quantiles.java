package restock.planning;

/** Sample quantiles. */
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
}
