package restock.forecast;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Every forecasting method by name, each giving point forecasts with 80% and 95% intervals: analytic where the
 * method has an error model (naive, seasonal naive, mean as R's rwf/snaive/meanf; the ETS family; Theta), from
 * simulated sample paths for the intermittent-demand methods (zero, Croston, SBA, TSB, ADIDA).
 */
public enum ForecastMethod {
    ZERO, NAIVE, SNAIVE, MEAN, SES, HOLT, DAMPED, HW, ETS, THETA, CROSTON, SBA, TSB, ADIDA;

    /** The method's lower-case name, as R and the API spell it. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ForecastMethod> byLabel(String label) {
        return Arrays.stream(values()).filter(method -> method.label().equals(label)).findFirst();
    }

    /**
     * Forecasts {@code horizon} steps from {@code history} (oldest first) with seasonal period {@code period} (1 when
     * there is none); {@code random} drives the simulated intervals.
     */
    public Prediction predict(double[] history, int period, int horizon, RandomGenerator random) {
        requireHorizon(horizon);
        return switch (this) {
            case ZERO -> IntermittentPaths.fromPaths(label(), IntermittentForecasts.zero(history, horizon), new double[1][horizon]);
            case NAIVE -> randomWalk(history, 1, horizon);
            case SNAIVE -> randomWalk(history, period, horizon);
            case MEAN -> mean(history, horizon);
            case SES -> ets(Ets.fit(history, period, Ets.Form.SES, Ets.Criterion.MSE), horizon, random);
            case HOLT -> ets(Ets.fit(history, period, Ets.Form.HOLT, Ets.Criterion.MSE), horizon, random);
            case DAMPED -> ets(Ets.fit(history, period, Ets.Form.DAMPED, Ets.Criterion.MSE), horizon, random);
            case HW -> ets(Ets.fit(history, period, Ets.Form.HOLT_WINTERS, Ets.Criterion.MSE), horizon, random);
            case ETS -> ets(Ets.automatic(history, period), horizon, random);
            case THETA -> Theta.predict(history, period, horizon);
            case CROSTON -> IntermittentPaths.predict(label(), history,
                    IntermittentForecasts.croston(history, horizon, IntermittentForecasts.CROSTON_ALPHA), random);
            case SBA -> IntermittentPaths.predict(label(), history,
                    IntermittentForecasts.sba(history, horizon, IntermittentForecasts.CROSTON_ALPHA), random);
            case TSB -> IntermittentPaths.predict(label(), history,
                    IntermittentForecasts.tsb(history, horizon, IntermittentForecasts.TSB_ALPHA, IntermittentForecasts.TSB_BETA), random);
            case ADIDA -> IntermittentPaths.predict(label(), history, Adida.forecast(history, horizon), random);
        };
    }

    private Prediction ets(Ets.Model model, int horizon, RandomGenerator random) {
        Ets.Interval band80 = model.interval(horizon, 0.80, random);
        Ets.Interval band95 = model.interval(horizon, 0.95, random);
        return new Prediction(label(), band80.mean(), new Prediction.Band(0.80, band80.lower(), band80.upper()),
                new Prediction.Band(0.95, band95.lower(), band95.upper()));
    }

    /** R's rwf (lag 1) and snaive (lag m): the value a lag ago, sigma from the lagged differences, widening per cycle. */
    private Prediction randomWalk(double[] history, int lag, int horizon) {
        if (lag < 1 || history.length <= lag) {
            throw new IllegalArgumentException(label() + " needs more observations than its lag " + lag + ", got " + history.length);
        }
        int n = history.length;
        double squares = 0;
        for (int t = lag; t < n; t++) {
            double d = history[t] - history[t - lag];
            squares += d * d;
        }
        double sigma = Math.sqrt(squares / (n - lag));
        double[] mean = new double[horizon];
        double[] se = new double[horizon];
        for (int h = 0; h < horizon; h++) {
            mean[h] = history[n - lag + (h % lag)];
            se[h] = sigma * Math.sqrt(lag == 1 ? h + 1 : h / lag + 1);
        }
        return normalBands(mean, se, Double.POSITIVE_INFINITY);
    }

    /** R's meanf: Student's t interval with n - 1 degrees of freedom and standard error s sqrt(1 + 1/n). */
    private Prediction mean(double[] history, int horizon) {
        double[] mean = IntermittentForecasts.mean(history, horizon);
        int n = history.length;
        double sd = 0;
        if (n > 1) {
            for (double value : history) {
                sd += (value - mean[0]) * (value - mean[0]);
            }
            sd = Math.sqrt(sd / (n - 1));
        }
        double[] se = new double[horizon];
        Arrays.fill(se, sd * Math.sqrt(1 + 1.0 / n));
        return normalBands(mean, se, Math.max(1, n - 1));
    }

    private Prediction normalBands(double[] mean, double[] se, double degreesOfFreedom) {
        int horizon = mean.length;
        double[][] bounds = new double[4][horizon];
        double q80 = Double.isInfinite(degreesOfFreedom) ? Normal.quantile(0.90) : StudentT.quantile(0.90, degreesOfFreedom);
        double q95 = Double.isInfinite(degreesOfFreedom) ? Normal.quantile(0.975) : StudentT.quantile(0.975, degreesOfFreedom);
        for (int h = 0; h < horizon; h++) {
            bounds[0][h] = mean[h] - q80 * se[h];
            bounds[1][h] = mean[h] + q80 * se[h];
            bounds[2][h] = mean[h] - q95 * se[h];
            bounds[3][h] = mean[h] + q95 * se[h];
        }
        return new Prediction(label(), mean, new Prediction.Band(0.80, bounds[0], bounds[1]), new Prediction.Band(0.95, bounds[2], bounds[3]));
    }

    private static void requireHorizon(int horizon) {
        if (horizon < 1 || horizon > IntermittentForecasts.MAX_HORIZON) {
            throw new IllegalArgumentException("horizon must be between 1 and " + IntermittentForecasts.MAX_HORIZON + ", was " + horizon);
        }
    }
}
