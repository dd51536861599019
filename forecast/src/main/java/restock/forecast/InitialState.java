package restock.forecast;

/**
 * R's heuristic starting states for ETS ({@code initstate} in forecast 8.20): seasonal indices from a classical
 * decomposition (or, with fewer than three seasons, from a linear trend plus one Fourier pair), then the level (and
 * trend) from the first {@code max(10, 2m)} seasonally adjusted observations. Returned as
 * [level, (trend), s_0 .. s_(m-2)]; the last seasonal state follows from the others.
 */
final class InitialState {
    private InitialState() {
    }

    static double[] of(double[] y, Ets.Form form, int m) {
        int n = y.length;
        double[] adjusted = y.clone();
        double[] seasons = new double[0];
        if (form.seasonal()) {
            boolean additive = form.season() == Ets.Component.ADDITIVE;
            double[] seasonal;
            if (n < 3 * m) {
                double[] coefficients = Regression.leastSquares(fourierDesign(n, m), y);
                seasonal = new double[n];
                for (int t = 0; t < n; t++) {
                    double trend = coefficients[0] + coefficients[1] * (t + 1);
                    seasonal[t] = additive ? y[t] - trend : y[t] / trend;
                }
            } else {
                seasonal = Decomposition.seasonal(y, m, additive);
            }
            seasons = new double[m - 1];
            for (int i = 0; i < m - 1; i++) {
                seasons[i] = seasonal[m - 1 - i]; // rev(seasonal[2:m])
            }
            if (additive) {
                for (int t = 0; t < n; t++) {
                    adjusted[t] = y[t] - seasonal[t];
                }
            } else {
                double sum = 0;
                for (int i = 0; i < seasons.length; i++) {
                    seasons[i] = Math.max(seasons[i], 0.01);
                    sum += seasons[i];
                }
                if (sum > m) {
                    double scale = sum + 0.01 * seasons.length;
                    for (int i = 0; i < seasons.length; i++) {
                        seasons[i] /= scale;
                    }
                }
                for (int t = 0; t < n; t++) {
                    adjusted[t] = y[t] / Math.max(seasonal[t], 0.01);
                }
            }
        }
        int maxn = Math.min(Math.max(10, 2 * m), n);
        double[] level;
        if (form.trend() == Ets.Component.NONE) {
            double sum = 0;
            for (int t = 0; t < maxn; t++) {
                sum += adjusted[t];
            }
            level = new double[] {sum / maxn};
        } else {
            double[] line = Regression.line(adjusted, maxn);
            double intercept = line[0];
            double slope = line[1];
            if (form.trend() == Ets.Component.ADDITIVE) {
                double l0 = intercept;
                double b0 = slope;
                if (Math.abs(l0 + b0) < 1e-8) {
                    l0 = l0 * (1 + 0.001);
                    b0 = b0 * (1 - 0.001);
                }
                level = new double[] {l0, b0};
            } else {
                double l0 = intercept + slope;
                if (Math.abs(l0) < 1e-8) {
                    l0 = 1e-7;
                }
                double b0 = (intercept + 2 * slope) / l0;
                l0 = l0 / b0;
                if (Math.abs(b0) > 1e10) {
                    b0 = Math.signum(b0) * 1e10;
                }
                if (l0 < 1e-8 || b0 < 1e-8) {
                    l0 = Math.max(adjusted[0], 0.001);
                    b0 = Math.max(adjusted[1] / adjusted[0], 0.001);
                }
                level = new double[] {l0, b0};
            }
        }
        double[] state = new double[level.length + seasons.length];
        System.arraycopy(level, 0, state, 0, level.length);
        System.arraycopy(seasons, 0, state, level.length, seasons.length);
        return state;
    }

    /** Columns: intercept, time 1..n, sin and cos of one cycle per period (R: tslm(y ~ trend + fourier(y, 1))). */
    private static double[][] fourierDesign(int n, int m) {
        boolean withSine = m != 2; // R drops the sine column when it is identically zero
        double[][] design = new double[n][withSine ? 4 : 3];
        for (int t = 0; t < n; t++) {
            double angle = 2 * Math.PI * (t + 1) / m;
            design[t][0] = 1;
            design[t][1] = t + 1;
            int column = 2;
            if (withSine) {
                design[t][column++] = Math.sin(angle);
            }
            design[t][column] = Math.cos(angle);
        }
        return design;
    }
}
