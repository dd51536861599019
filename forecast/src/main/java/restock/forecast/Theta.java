package restock.forecast;

/**
 * The Theta method as R's {@code thetaf} (forecast 8.20): simple exponential smoothing plus half the slope of a
 * linear trend, with the drift term (h - 1) + (1 - (1 - alpha)^n) / alpha, on data seasonally adjusted by a
 * multiplicative classical decomposition when the autocorrelation at the seasonal lag is significant at 90%.
 */
public final class Theta {
    /** One-sided 95% normal quantile used by R's seasonality test. */
    private static final double SEASONALITY_Z = 1.6448536269514722;

    private Theta() {
    }

    public static Prediction predict(double[] history, int period, int horizon) {
        int n = history.length;
        double[] x = history.clone();
        double[] seasonal = null;
        if (period > 1 && !Quantiles.constant(history) && n > 2 * period && seasonal(history, period)) {
            double[] indices = Decomposition.seasonal(history, period, false);
            boolean usable = true;
            for (double index : indices) {
                usable &= Double.isFinite(index) && Math.abs(index) >= 1e-4;
            }
            if (usable) { // R keeps unadjusted data when an index is near zero; a zero trend (NaN) is treated the same way here
                seasonal = indices;
                for (int t = 0; t < n; t++) {
                    x[t] = history[t] / indices[t];
                }
            }
        }
        Ets.Model ses = Ets.fit(x, 1, Ets.Form.SES, Ets.Criterion.MSE);
        double[] mean = ses.forecast(horizon);
        double drift = Regression.line(x, n)[1] / 2;
        double alpha = Math.max(1e-10, ses.alpha());
        double[] lower80 = new double[horizon];
        double[] upper80 = new double[horizon];
        double[] lower95 = new double[horizon];
        double[] upper95 = new double[horizon];
        double z80 = Normal.quantile(0.9);
        double z95 = Normal.quantile(0.975);
        for (int h = 0; h < horizon; h++) {
            mean[h] += drift * (h + (1 - Math.pow(1 - alpha, n)) / alpha);
            if (seasonal != null) {
                mean[h] *= seasonal[n - period + (h % period)];
            }
            double se = Math.sqrt(ses.sigma2()) * Math.sqrt(h * alpha * alpha + 1);
            lower80[h] = mean[h] - z80 * se;
            upper80[h] = mean[h] + z80 * se;
            lower95[h] = mean[h] - z95 * se;
            upper95[h] = mean[h] + z95 * se;
        }
        return new Prediction("theta", mean, new Prediction.Band(0.80, lower80, upper80), new Prediction.Band(0.95, lower95, upper95));
    }

    /** R: |r_m| / sqrt((1 + 2 sum_{k<m} r_k^2) / n) > qnorm(0.95). */
    static boolean seasonal(double[] x, int m) {
        return seasonal(x, m, SEASONALITY_Z);
    }

    /** The same test against another normal quantile {@code z}. */
    static boolean seasonal(double[] x, int m, double z) {
        double[] r = autocorrelations(x, m);
        double sum = 0;
        for (int k = 1; k < m; k++) {
            sum += r[k] * r[k];
        }
        double stat = Math.sqrt((1 + 2 * sum) / x.length);
        return Math.abs(r[m]) / stat > z;
    }

    /** r_0 .. r_maxLag as R's acf. */
    static double[] autocorrelations(double[] x, int maxLag) {
        int n = x.length;
        double mean = 0;
        for (double value : x) {
            mean += value;
        }
        mean /= n;
        double[] r = new double[maxLag + 1];
        double denominator = 0;
        for (double value : x) {
            denominator += (value - mean) * (value - mean);
        }
        for (int k = 0; k <= maxLag; k++) {
            double sum = 0;
            for (int t = 0; t + k < n; t++) {
                sum += (x[t] - mean) * (x[t + k] - mean);
            }
            r[k] = sum / denominator;
        }
        return r;
    }
}
