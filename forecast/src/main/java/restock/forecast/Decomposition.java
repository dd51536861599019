package restock.forecast;

/**
 * Classical seasonal decomposition as R's {@code decompose}: a centred moving average over one period as the trend,
 * the detrended values averaged per position in the cycle (counted from the first observation), centred to sum to
 * zero (additive) or to average one (multiplicative).
 */
final class Decomposition {
    private Decomposition() {
    }

    /** The centred moving average of R's filter(x, c(0.5, 1, ..., 1, 0.5) / m) (or equal weights for odd m); NaN at the ends. */
    static double[] trend(double[] y, int m) {
        int n = y.length;
        double[] weights;
        if (m % 2 == 0) {
            weights = new double[m + 1];
            for (int i = 0; i <= m; i++) {
                weights[i] = (i == 0 || i == m ? 0.5 : 1.0) / m;
            }
        } else {
            weights = new double[m];
            java.util.Arrays.fill(weights, 1.0 / m);
        }
        int offset = weights.length / 2;
        double[] trend = new double[n];
        for (int i = 0; i < n; i++) {
            if (i - offset < 0 || i - offset + weights.length - 1 >= n) {
                trend[i] = Double.NaN;
                continue;
            }
            double sum = 0;
            for (int j = 0; j < weights.length; j++) {
                sum += weights[j] * y[i + offset - j];
            }
            trend[i] = sum;
        }
        return trend;
    }

    /** The seasonal component, one value per observation. */
    static double[] seasonal(double[] y, int m, boolean additive) {
        int n = y.length;
        double[] trend = trend(y, m);
        double[] figure = new double[m];
        for (int i = 0; i < m; i++) {
            double sum = 0;
            int count = 0;
            for (int t = i; t < n; t += m) {
                double detrended = additive ? y[t] - trend[t] : y[t] / trend[t];
                if (!Double.isNaN(detrended)) {
                    sum += detrended;
                    count++;
                }
            }
            figure[i] = count == 0 ? Double.NaN : sum / count;
        }
        double mean = 0;
        for (double value : figure) {
            mean += value;
        }
        mean /= m;
        double[] seasonal = new double[n];
        for (int t = 0; t < n; t++) {
            seasonal[t] = additive ? figure[t % m] - mean : figure[t % m] / mean;
        }
        return seasonal;
    }
}
