package restock.forecast;

import java.util.Arrays;

/**
 * What a series looks like before a method is chosen for it: its demand pattern (Syntetos-Boylan-Croston classes,
 * with a fifth for fewer than two demands), whether it has a significant season at its period, the strengths of its
 * trend and season (Wang, Smith and Hyndman's 1 - Var(remainder) / Var(component + remainder) on a classical
 * decomposition, 0 when there is none to measure), and its length.
 */
public record SeriesProfile(Pattern pattern, int length, int period, boolean seasonal, double trendStrength,
                            double seasonalStrength) {
    /** A trend this strong (on the 0..1 scale) counts as a trend. */
    public static final double TREND_FROM = 0.5;

    /** Demand patterns: only {@link #INTERMITTENT}, {@link #LUMPY} and {@link #SPARSE} are forecast by intermittent methods. */
    public enum Pattern {
        SMOOTH, ERRATIC, INTERMITTENT, LUMPY,
        /** Fewer than two periods with demand: too few to measure, and mostly zeros. */
        SPARSE;

        public boolean intermittent() {
            return this == INTERMITTENT || this == LUMPY || this == SPARSE;
        }
    }

    public SeriesProfile {
        if (length < 0 || period < 1) {
            throw new IllegalArgumentException("a profile needs a length >= 0 and a period >= 1, were " + length + " and " + period);
        }
    }

    public boolean trended() {
        return trendStrength >= TREND_FROM;
    }

    /** Profiles a history (oldest first) whose season length is {@code period} (1 when there is none). */
    public static SeriesProfile of(double[] history, int period) {
        Pattern pattern = pattern(history);
        boolean seasonal = SeasonalAdjustment.detect(history, period);
        double[] strengths = strengths(history, seasonal ? period : 1);
        return new SeriesProfile(pattern, history.length, period, seasonal, strengths[0], strengths[1]);
    }

    /**
     * The demand pattern. A series with negative values is not demand (returns, changes, an economic series): it is
     * smooth or erratic by the variation of its non-zero values, never intermittent.
     */
    static Pattern pattern(double[] history) {
        boolean negative = Arrays.stream(history).anyMatch(value -> value < 0);
        if (!negative) {
            return DemandClass.of(history).map(SeriesProfile::of).orElse(
                    Arrays.stream(history).filter(value -> value > 0).count() == history.length && history.length > 0
                            ? Pattern.SMOOTH : Pattern.SPARSE);
        }
        double[] sizes = Arrays.stream(history).filter(value -> value != 0).map(Math::abs).toArray();
        double mean = Arrays.stream(sizes).average().orElse(0);
        double variance = Arrays.stream(sizes).map(v -> (v - mean) * (v - mean)).sum() / Math.max(1, sizes.length - 1);
        return mean > 0 && variance / (mean * mean) >= DemandClass.CV2_CUT ? Pattern.ERRATIC : Pattern.SMOOTH;
    }

    private static Pattern of(DemandClass demandClass) {
        return Pattern.valueOf(demandClass.name());
    }

    /** Trend and season strengths; the trend is a centred moving average over the period (3 points without a season). */
    static double[] strengths(double[] y, int period) {
        int window = period > 1 ? period : 3;
        if (y.length < 2 * window + 1 || Quantiles.constant(y)) {
            return new double[] {0, 0};
        }
        double[] trend = Decomposition.trend(y, window);
        double[] season = period > 1 ? Decomposition.seasonal(y, period, true) : new double[y.length];
        int count = 0;
        double[] detrended = new double[y.length];
        double[] deseasoned = new double[y.length];
        double[] remainder = new double[y.length];
        for (int t = 0; t < y.length; t++) {
            if (Double.isFinite(trend[t])) {
                detrended[count] = y[t] - trend[t];
                deseasoned[count] = y[t] - season[t];
                remainder[count] = y[t] - trend[t] - season[t];
                count++;
            }
        }
        double remainderVariance = variance(remainder, count);
        double trendStrength = strength(remainderVariance, variance(deseasoned, count));
        double seasonalStrength = period > 1 ? strength(remainderVariance, variance(detrended, count)) : 0;
        return new double[] {trendStrength, seasonalStrength};
    }

    private static double strength(double remainderVariance, double componentVariance) {
        return componentVariance <= 0 ? 0 : Math.max(0, 1 - remainderVariance / componentVariance);
    }

    private static double variance(double[] values, int count) {
        double mean = 0;
        for (int i = 0; i < count; i++) {
            mean += values[i] / count;
        }
        double sum = 0;
        for (int i = 0; i < count; i++) {
            sum += (values[i] - mean) * (values[i] - mean);
        }
        return count < 2 ? 0 : sum / (count - 1);
    }
}
