package restock.forecast;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * Sample paths for the intermittent-demand methods, which have no error model of their own: in each future period
 * demand occurs with probability forecast / mean past size (at most 1), and its size is a past non-zero size drawn at
 * random, rescaled when the probability had to be capped so that every path's expected value is the point forecast.
 */
final class IntermittentPaths {
    /** Paths drawn for an interval. */
    static final int PATHS = 2000;

    private IntermittentPaths() {
    }

    static double[][] simulate(double[] history, double[] forecast, int count, RandomGenerator random) {
        double[] sizes = Arrays.stream(history).filter(value -> value > 0).toArray();
        double[][] paths = new double[count][forecast.length];
        if (sizes.length == 0) {
            return paths;
        }
        double meanSize = Arrays.stream(sizes).average().orElseThrow();
        for (int h = 0; h < forecast.length; h++) {
            double probability = Math.min(1, forecast[h] / meanSize);
            double scale = probability <= 0 ? 0 : forecast[h] / (probability * meanSize);
            for (int i = 0; i < count; i++) {
                if (random.nextDouble() < probability) {
                    paths[i][h] = sizes[random.nextInt(sizes.length)] * scale;
                }
            }
        }
        return paths;
    }

    /** The point forecast with 80% and 95% bands from simulated paths. */
    static Prediction predict(String method, double[] history, double[] forecast, RandomGenerator random) {
        double[][] paths = simulate(history, forecast, PATHS, random);
        return fromPaths(method, forecast, paths);
    }

    static Prediction fromPaths(String method, double[] mean, double[][] paths) {
        int horizon = mean.length;
        return new Prediction(method, mean,
                new Prediction.Band(0.80, Quantiles.ofPaths(paths, horizon, 0.10), Quantiles.ofPaths(paths, horizon, 0.90)),
                new Prediction.Band(0.95, Quantiles.ofPaths(paths, horizon, 0.025), Quantiles.ofPaths(paths, horizon, 0.975)));
    }
}
