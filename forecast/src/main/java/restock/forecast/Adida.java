package restock.forecast;

/**
 * ADIDA (Nikolopoulos et al. 2011): sum the history into non-overlapping buckets as long as the average interval
 * between demands, forecast the bucket totals with simple exponential smoothing, and spread the bucket forecast
 * evenly over its periods. Buckets are cut from the latest period backwards so the newest is complete.
 */
public final class Adida {
    /** Fewer buckets than this and the aggregation level is lowered. */
    static final int MIN_BUCKETS = Ets.MIN_OBSERVATIONS;

    private Adida() {
    }

    /** The aggregation level: the average demand interval, rounded, at least 1, small enough to leave enough buckets. */
    static int level(double[] history) {
        int demands = 0;
        for (double value : history) {
            if (value > 0) {
                demands++;
            }
        }
        int level = demands == 0 ? 1 : (int) Math.max(1, Math.round((double) history.length / demands));
        while (level > 1 && history.length / level < MIN_BUCKETS) {
            level--;
        }
        return level;
    }

    public static double[] forecast(double[] history, int horizon) {
        if (history.length < MIN_BUCKETS) {
            throw new IllegalArgumentException("ADIDA needs at least " + MIN_BUCKETS + " observations, got " + history.length);
        }
        int level = level(history);
        int buckets = history.length / level;
        double[] totals = new double[buckets];
        int offset = history.length - buckets * level;
        for (int b = 0; b < buckets; b++) {
            for (int i = 0; i < level; i++) {
                totals[b] += history[offset + b * level + i];
            }
        }
        double perPeriod = Ets.fit(totals, 1, Ets.Form.SES, Ets.Criterion.MSE).forecast(1)[0] / level;
        double[] forecast = new double[horizon];
        java.util.Arrays.fill(forecast, Math.max(0, perPeriod));
        return forecast;
    }
}
