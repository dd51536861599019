package restock.forecast;

import java.util.Arrays;
import java.util.Optional;

/**
 * A series with its season taken out, as R's {@code stlf} and {@code thetaf} do before a non-seasonal model: a
 * classical decomposition at the series' period (multiplicative for positive data, additive otherwise) when the
 * autocorrelation at the seasonal lag is significant (R's thetaf test, at {@link #SEASON_TEST_Z}; it needs more than
 * two full cycles). Works at any integer period, 52 weeks included, where ETS's seasonal states (at most
 * {@link Ets#MAX_PERIOD}) cannot.
 */
public record SeasonalAdjustment(int period, boolean multiplicative, double[] adjusted, double[] seasonal) {
    /** The longest season taken out (a year of days). */
    public static final int MAX_PERIOD = 366;
    /** R keeps unadjusted data when a multiplicative index is this close to zero. */
    static final double SMALLEST_INDEX = 1e-4;

    /**
     * The test's normal quantile: one-sided 90% (R's thetaf uses 95%). Chosen on M1 and checked on its two halves
     * (odd and even series): against 95%, the monthly sMAPE fell on both halves (15.29 to 14.87, 15.07 to 14.84) and so
     * did the overall one; lower thresholds helped one half and hurt the other (docs/BENCHMARKS.md).
     */
    public static final double SEASON_TEST_Z = 1.2815515655446004;

    /** Above this period the autocorrelation test is joined by the seasonal strength (see {@link #detect}). */
    public static final int LONG_PERIOD = Ets.MAX_PERIOD;
    /** A seasonal strength this high counts as a season at a long period (pure noise gives about 0.5 with 3 cycles). */
    public static final double LONG_SEASON_STRENGTH = 0.75;

    /**
     * Whether {@code history} has a season at {@code period}: R's thetaf test (autocorrelation at the seasonal lag
     * significant at 90%). At long periods (weekly data, 52) with two or three cycles that test has little power,
     * because its variance sums the squares of every shorter lag's autocorrelation, which a smooth yearly wave makes
     * large; there a seasonal strength of at least {@link #LONG_SEASON_STRENGTH} counts too.
     */
    public static boolean detect(double[] history, int period) {
        if (period < 2 || period > MAX_PERIOD || history.length <= 2 * period || Quantiles.constant(history)) {
            return false;
        }
        return Theta.seasonal(history, period, SEASON_TEST_Z)
                || period > LONG_PERIOD && SeriesProfile.strengths(history, period)[1] >= LONG_SEASON_STRENGTH;
    }

    /** The adjusted series, or empty when there is no significant season to take out. */
    public static Optional<SeasonalAdjustment> of(double[] history, int period) {
        if (!detect(history, period)) {
            return Optional.empty();
        }
        boolean multiplicative = Arrays.stream(history).min().orElse(0) > 0;
        double[] seasonal = Decomposition.seasonal(history, period, !multiplicative);
        for (double index : seasonal) {
            if (!Double.isFinite(index) || multiplicative && Math.abs(index) < SMALLEST_INDEX) {
                return Optional.empty();
            }
        }
        double[] adjusted = new double[history.length];
        for (int t = 0; t < history.length; t++) {
            adjusted[t] = multiplicative ? history[t] / seasonal[t] : history[t] - seasonal[t];
        }
        return Optional.of(new SeasonalAdjustment(period, multiplicative, adjusted, seasonal));
    }

    /** Puts the season back into forecasts of the adjusted series (the last cycle's indices, repeated). */
    public double[] reseasonalize(double[] forecast) {
        int n = seasonal.length;
        double[] out = new double[forecast.length];
        for (int h = 0; h < forecast.length; h++) {
            double index = seasonal[n - period + (h % period)];
            out[h] = multiplicative ? forecast[h] * index : forecast[h] + index;
        }
        return out;
    }

    /** The same for a prediction and its bands. */
    public Prediction reseasonalize(Prediction p, String method) {
        return new Prediction(method, reseasonalize(p.mean()), band(p.band80()), band(p.band95()));
    }

    private Prediction.Band band(Prediction.Band band) {
        return new Prediction.Band(band.level(), reseasonalize(band.lower()), reseasonalize(band.upper()));
    }
}
