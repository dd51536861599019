package restock.forecast;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Chooses how to forecast by rolling-origin cross-validation: every candidate forecasts the next {@code horizon}
 * periods from every origin the history allows (at least {@link #MIN_HISTORY} periods of training, at most
 * {@link #MAX_ORIGINS} latest origins), scored by the scaled squared error (MSE over the squared mean of the
 * training part, as the benchmark's sMSE). Candidates are single methods and equal-weight combinations of them.
 *
 * <p>Over a catalogue ({@link #learn}) the errors are pooled per demand class (smooth, erratic, intermittent, lumpy,
 * or unclassed when a series has fewer than two demands), so each class gets the candidate that did best across all
 * its series: one series' 45 months are too few to choose reliably on their own. A single series
 * ({@link #forecast(double[], int)}) is chosen on its own errors.
 *
 * <p>Every choice also carries empirical 80% and 95% intervals: percentiles of the chosen candidate's
 * cross-validation errors at each step ahead, added to the forecast and floored at zero.
 */
public final class AutomaticChoice {
    /** Origins need at least this much training history; shorter series are forecast by the default candidate. */
    public static final int MIN_HISTORY = 12;
    /** The recent-mean candidate averages this many latest periods (a year of months). */
    public static final int RECENT = 12;
    /** At most this many (latest) origins per series, so long weekly histories cost a bounded time. */
    public static final int MAX_ORIGINS = 60;
    /** The candidate used when nothing could be cross-validated. */
    public static final String DEFAULT = "tsb";

    private AutomaticChoice() {
    }

    /** The base methods the candidates combine. */
    static Map<String, BiFunction<double[], Integer, double[]>> baseMethods() {
        Map<String, BiFunction<double[], Integer, double[]>> base = new LinkedHashMap<>();
        base.put("tsb", (y, h) -> IntermittentForecasts.tsb(y, h, IntermittentForecasts.TSB_ALPHA, IntermittentForecasts.TSB_BETA));
        base.put("sba", (y, h) -> IntermittentForecasts.sba(y, h, IntermittentForecasts.CROSTON_ALPHA));
        base.put("ses", (y, h) -> Ets.fit(y, 1, Ets.Form.SES, Ets.Criterion.MSE).forecast(h));
        base.put("theta", (y, h) -> Theta.predict(y, 1, h).mean());
        base.put("adida", Adida::forecast);
        base.put("recent", (y, h) -> IntermittentForecasts.mean(Arrays.copyOfRange(y, Math.max(0, y.length - RECENT), y.length), h));
        base.put("mean", IntermittentForecasts::mean);
        base.put("zero", IntermittentForecasts::zero);
        return base;
    }

    /** Demand is never negative: a forecast (a trend extrapolated, a combination) below zero is floored there. */
    private static double[] nonNegative(double[] forecast) {
        for (int h = 0; h < forecast.length; h++) {
            forecast[h] = Math.max(0, forecast[h]);
        }
        return forecast;
    }

    /** Candidate names, simplest first; a "+" joins the base methods an equal-weight combination averages. */
    public static final List<String> CANDIDATES = List.of("tsb", "sba", "ses", "theta", "adida", "recent", "mean", "zero",
            "tsb+ses", "tsb+theta", "tsb+recent", "tsb+adida", "ses+theta", "tsb+theta+recent", "tsb+ses+theta",
            "tsb+ses+theta+adida");

    /** The chosen candidate, its forecast and an 80% interval (low, high). */
    public record Choice(String method, double[] forecast, double[] low, double[] high, double[] low95, double[] high95) {
        /** The choice as a prediction with its 80% and 95% bands. */
        public Prediction prediction() {
            return new Prediction(method, forecast, new Prediction.Band(0.80, low, high), new Prediction.Band(0.95, low95, high95));
        }
    }

    /** Which candidate forecasts each demand class. */
    public record Policy(Map<String, String> byClass) {
        /** Forecasts one series with the candidate learned for its class, with its empirical intervals. */
        public Choice forecast(double[] history, int horizon) {
            String candidate = candidateFor(history);
            return choose(history, horizon, candidate, residuals(history, horizon, candidate));
        }

        /** The point forecast alone, for callers that need no interval (it skips the cross-validation pass). */
        public double[] pointForecast(double[] history, int horizon) {
            return forecastWith(candidateFor(history), history, horizon);
        }

        String candidateFor(double[] history) {
            return byClass.getOrDefault(classOf(history), DEFAULT);
        }
    }

    /** Learns one candidate per demand class from the pooled cross-validation errors of all histories. */
    public static Policy learn(Collection<double[]> histories, int horizon) {
        Map<String, double[]> pooled = new LinkedHashMap<>();
        for (double[] history : histories) {
            Errors errors = crossValidate(history, horizon);
            if (errors.origins() == 0) {
                continue;
            }
            double[] sum = pooled.computeIfAbsent(classOf(history), key -> new double[CANDIDATES.size()]);
            for (int c = 0; c < sum.length; c++) {
                sum[c] += errors.meanScaledError()[c];
            }
        }
        Map<String, String> byClass = new LinkedHashMap<>();
        pooled.forEach((demandClass, sum) -> byClass.put(demandClass, CANDIDATES.get(argmin(sum))));
        return new Policy(byClass);
    }

    /** Chooses for a single series from its own cross-validation errors. */
    public static Choice forecast(double[] history, int horizon) {
        Errors errors = crossValidate(history, horizon);
        int best = errors.origins() == 0 ? CANDIDATES.indexOf(DEFAULT) : argmin(errors.meanScaledError());
        return choose(history, horizon, CANDIDATES.get(best), errors.residuals()[best]);
    }

    /** The demand class's name, or "UNCLASSED" when the history has fewer than two demands. */
    static String classOf(double[] history) {
        return DemandClass.of(history).map(Enum::name).orElse("UNCLASSED");
    }

    /**
     * One candidate's forecast (by name), with the empirical intervals from its cross-validation errors
     * ({@code residuals[h]}: actual minus forecast at step h + 1, one per origin).
     */
    static Choice choose(double[] history, int horizon, String candidate, double[][] residuals) {
        double[] forecast = candidateForecast(candidate, history, horizon, baseMethods());
        double[][] bounds = new double[4][horizon];
        double[] probabilities = {0.10, 0.90, 0.025, 0.975};
        for (int h = 0; h < horizon; h++) {
            double[] sorted = residuals[h].clone();
            Arrays.sort(sorted);
            for (int b = 0; b < 4; b++) {
                double bound = sorted.length == 0 ? forecast[h] : Math.max(0, forecast[h] + Quantiles.type7(sorted, probabilities[b]));
                bounds[b][h] = b % 2 == 0 ? Math.min(bound, forecast[h]) : Math.max(bound, forecast[h]);
            }
        }
        return new Choice(candidate, forecast, bounds[0], bounds[1], bounds[2], bounds[3]);
    }

    /** One candidate's point forecast, by name (a base method or a "+"-joined combination), floored at zero. */
    public static double[] forecastWith(String candidate, double[] history, int horizon) {
        return candidateForecast(candidate, history, horizon, baseMethods());
    }

    static double[] candidateForecast(String candidate, double[] history, int horizon, Map<String, BiFunction<double[], Integer, double[]>> base) {
        if (history.length == 0) {
            return new double[horizon];
        }
        String[] parts = candidate.split("\\+");
        double[] sum = new double[horizon];
        for (String part : parts) {
            BiFunction<double[], Integer, double[]> method = base.get(part);
            if (method == null) {
                throw new IllegalArgumentException("unknown forecasting method '" + part + "'");
            }
            double[] f = method.apply(history, horizon);
            for (int h = 0; h < horizon; h++) {
                sum[h] += f[h] / parts.length;
            }
        }
        return nonNegative(sum);
    }

    /**
     * Mean scaled squared error per candidate over the origins that had a non-zero training mean, and every
     * candidate's errors at every origin ({@code residuals[candidate][h][origin]}) for its intervals.
     */
    record Errors(double[] meanScaledError, int origins, double[][][] residuals) {
    }

    static Errors crossValidate(double[] history, int horizon) {
        Map<String, BiFunction<double[], Integer, double[]>> base = baseMethods();
        int[] origins = origins(history.length, horizon);
        double[] sum = new double[CANDIDATES.size()];
        double[][][] residuals = new double[CANDIDATES.size()][horizon][origins.length];
        int scored = 0;
        for (int k = 0; k < origins.length; k++) {
            int origin = origins[k];
            double[] training = Arrays.copyOf(history, origin);
            double scale = Arrays.stream(training).average().orElse(0);
            Map<String, double[]> forecasts = new LinkedHashMap<>();
            base.forEach((name, method) -> forecasts.put(name, method.apply(training, horizon)));
            for (int c = 0; c < CANDIDATES.size(); c++) {
                double[] f = combine(CANDIDATES.get(c), forecasts, horizon);
                double squared = 0;
                for (int h = 0; h < horizon; h++) {
                    double error = history[origin + h] - f[h];
                    residuals[c][h][k] = error;
                    squared += error * error;
                }
                if (scale > 0) {
                    sum[c] += squared / horizon / (scale * scale);
                }
            }
            if (scale > 0) {
                scored++;
            }
        }
        if (scored > 0) {
            for (int c = 0; c < sum.length; c++) {
                sum[c] /= scored;
            }
        }
        return new Errors(sum, scored, residuals);
    }

    /** Errors (actual minus forecast) of one candidate at each step ahead ([h][origin]), over the origins. */
    static double[][] residuals(double[] history, int horizon, String candidate) {
        Map<String, BiFunction<double[], Integer, double[]>> base = baseMethods();
        int[] origins = origins(history.length, horizon);
        double[][] residuals = new double[horizon][origins.length];
        for (int k = 0; k < origins.length; k++) {
            double[] f = candidateForecast(candidate, Arrays.copyOf(history, origins[k]), horizon, base);
            for (int h = 0; h < horizon; h++) {
                residuals[h][k] = history[origins[k] + h] - f[h];
            }
        }
        return residuals;
    }

    private static int[] origins(int length, int horizon) {
        int last = length - horizon;
        int first = Math.max(MIN_HISTORY, last - MAX_ORIGINS + 1);
        if (last < first) {
            return new int[0];
        }
        int[] origins = new int[last - first + 1];
        for (int i = 0; i < origins.length; i++) {
            origins[i] = first + i;
        }
        return origins;
    }

    private static double[] combine(String candidate, Map<String, double[]> forecasts, int horizon) {
        String[] parts = candidate.split("\\+");
        double[] sum = new double[horizon];
        for (String part : parts) {
            double[] f = forecasts.get(part);
            for (int h = 0; h < horizon; h++) {
                sum[h] += f[h] / parts.length;
            }
        }
        return nonNegative(sum);
    }

    private static int argmin(double[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] < values[best] - 1e-12) {
                best = i;
            }
        }
        return best;
    }
}
