package restock.forecast;

import java.util.Arrays;

/**
 * Point forecasts that need no estimation: zero, naive, mean, Croston, SBA and TSB. Each takes a demand history
 * (oldest first) and a horizon and returns one value per step. They reproduce R's forecast package 8.20
 * (naive, meanf, croston with simple initialisation) and the TSB of shared/tools/forecast_baseline.R.
 */
public final class IntermittentForecasts {
    /** Croston's smoothing constant for sizes and intervals (forecast's default). */
    public static final double CROSTON_ALPHA = 0.1;
    /** TSB's smoothing constants for size and probability of demand. */
    public static final double TSB_ALPHA = 0.1;
    public static final double TSB_BETA = 0.1;
    /** The most steps ahead any method forecasts. */
    public static final int MAX_HORIZON = 366;

    private IntermittentForecasts() {
    }

    public static double[] zero(double[] history, int horizon) {
        return constant(0, horizon);
    }

    /** The last observation. */
    public static double[] naive(double[] history, int horizon) {
        requireHistory(history);
        return constant(history[history.length - 1], horizon);
    }

    /** The mean of the history (computed in two passes, as R does, for the last bits of accuracy). */
    public static double[] mean(double[] history, int horizon) {
        requireHistory(history);
        double sum = 0;
        for (double value : history) {
            sum += value;
        }
        double mean = sum / history.length;
        double correction = 0;
        for (double value : history) {
            correction += value - mean;
        }
        return constant(mean + correction / history.length, horizon);
    }

    /**
     * Croston's method: simple exponential smoothing of the non-zero sizes and of the intervals between them, each
     * started at its first value, forecast = size / interval. No demand at all forecasts zero.
     */
    public static double[] croston(double[] history, int horizon, double alpha) {
        requireHistory(history);
        int demands = (int) Arrays.stream(history).filter(value -> value > 0).count();
        if (demands == 0) {
            return constant(0, horizon);
        }
        double[] sizes = new double[demands];
        double[] intervals = new double[demands];
        int k = 0;
        int last = 0;
        for (int t = 0; t < history.length; t++) {
            if (history[t] > 0) {
                sizes[k] = history[t];
                intervals[k] = (t + 1) - last;
                last = t + 1;
                k++;
            }
        }
        if (demands == 1) {
            return constant(sizes[0] / intervals[0], horizon);
        }
        return constant(simpleSmoothing(sizes, alpha) / simpleSmoothing(intervals, alpha), horizon);
    }

    /** Syntetos-Boylan approximation: Croston times (1 - alpha/2). */
    public static double[] sba(double[] history, int horizon, double alpha) {
        double[] croston = croston(history, horizon, alpha);
        for (int i = 0; i < croston.length; i++) {
            croston[i] *= 1 - alpha / 2;
        }
        return croston;
    }

    /**
     * Teunter-Syntetos-Babai: smooths the size on demand periods and the probability of demand every period;
     * starts from the first demand's size and 1 / its position.
     */
    public static double[] tsb(double[] history, int horizon, double alpha, double beta) {
        requireHistory(history);
        int first = -1;
        for (int t = 0; t < history.length && first < 0; t++) {
            if (history[t] > 0) {
                first = t;
            }
        }
        if (first < 0) {
            return constant(0, horizon);
        }
        double size = history[first];
        double probability = 1.0 / (first + 1);
        for (double value : history) {
            if (value > 0) {
                size = size + alpha * (value - size);
                probability = probability + beta * (1 - probability);
            } else {
                probability = probability - beta * probability;
            }
        }
        return constant(probability * size, horizon);
    }

    /** Simple exponential smoothing with a fixed constant, level started at the first value; returns the last level. */
    static double simpleSmoothing(double[] values, double alpha) {
        double level = values[0];
        for (double value : values) {
            level = alpha * value + (1 - alpha) * level;
        }
        return level;
    }

    private static double[] constant(double value, int horizon) {
        if (horizon < 1 || horizon > MAX_HORIZON) {
            throw new IllegalArgumentException("horizon must be between 1 and " + MAX_HORIZON + ", was " + horizon);
        }
        double[] forecast = new double[horizon];
        Arrays.fill(forecast, value);
        return forecast;
    }

    private static void requireHistory(double[] history) {
        if (history.length == 0) {
            throw new IllegalArgumentException("a forecast needs at least one observation");
        }
    }
}
