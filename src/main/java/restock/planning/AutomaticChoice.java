package restock.planning;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Chooses a forecasting method per series by rolling-origin cross-validation on its own history: each candidate
 * forecasts the next {@code horizon} periods from several earlier origins, and the one with the smallest mean
 * squared error wins. Ties go to the earlier (simpler) candidate.
 */
public final class AutomaticChoice {
    /** Origins tried per series; more costs time and says little more on 45 months. */
    public static final int ORIGINS = 8;
    /** Shorter histories than this are forecast by the first candidate. */
    public static final int MIN_HISTORY = 12;
    /** The recent-mean candidate averages this many latest periods (a year of months). */
    public static final int RECENT = 12;

    private AutomaticChoice() {
    }

    /** The candidates, simplest first. */
    public static Map<String, BiFunction<double[], Integer, double[]>> candidates() {
        Map<String, BiFunction<double[], Integer, double[]>> candidates = new LinkedHashMap<>();
        candidates.put("tsb", (y, h) -> IntermittentForecasts.tsb(y, h, IntermittentForecasts.TSB_ALPHA, IntermittentForecasts.TSB_BETA));
        candidates.put("sba", (y, h) -> IntermittentForecasts.sba(y, h, IntermittentForecasts.CROSTON_ALPHA));
        candidates.put("tsb-slow", (y, h) -> IntermittentForecasts.tsb(y, h, 0.05, 0.05));
        candidates.put("tsb-fast", (y, h) -> IntermittentForecasts.tsb(y, h, 0.2, 0.2));
        candidates.put("mean", IntermittentForecasts::mean);
        candidates.put("recent-mean", (y, h) -> IntermittentForecasts.mean(Arrays.copyOfRange(y, Math.max(0, y.length - RECENT), y.length), h));
        candidates.put("zero", IntermittentForecasts::zero);
        return candidates;
    }

    /** The chosen method's name and its forecast. */
    public record Choice(String method, double[] forecast) {
    }

    public static Choice forecast(double[] history, int horizon) {
        Map<String, BiFunction<double[], Integer, double[]>> candidates = candidates();
        String best = candidates.keySet().iterator().next();
        if (history.length >= MIN_HISTORY + horizon) {
            double bestError = Double.POSITIVE_INFINITY;
            for (Map.Entry<String, BiFunction<double[], Integer, double[]>> candidate : candidates.entrySet()) {
                double error = crossValidatedError(history, horizon, candidate.getValue());
                if (error < bestError - 1e-12) {
                    bestError = error;
                    best = candidate.getKey();
                }
            }
        }
        return new Choice(best, candidates.get(best).apply(history, horizon));
    }

    static double crossValidatedError(double[] history, int horizon, BiFunction<double[], Integer, double[]> method) {
        double squared = 0;
        int count = 0;
        int lastOrigin = history.length - horizon;
        int firstOrigin = Math.max(MIN_HISTORY, lastOrigin - ORIGINS + 1);
        for (int origin = firstOrigin; origin <= lastOrigin; origin++) {
            double[] forecast = method.apply(Arrays.copyOf(history, origin), horizon);
            for (int step = 0; step < horizon; step++) {
                double error = history[origin + step] - forecast[step];
                squared += error * error;
                count++;
            }
        }
        return squared / count;
    }
}
