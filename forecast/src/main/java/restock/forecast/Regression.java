package restock.forecast;

/** Small least-squares fits for the forecasting methods' starting values. */
final class Regression {
    private Regression() {
    }

    /** Intercept and slope of y[0..count) against 1..count (R: lsfit(1:count, y[1:count])). */
    static double[] line(double[] y, int count) {
        double meanX = (count + 1) / 2.0;
        double meanY = 0;
        for (int t = 0; t < count; t++) {
            meanY += y[t];
        }
        meanY /= count;
        double sxy = 0;
        double sxx = 0;
        for (int t = 0; t < count; t++) {
            double dx = (t + 1) - meanX;
            sxy += dx * (y[t] - meanY);
            sxx += dx * dx;
        }
        double slope = sxx == 0 ? 0 : sxy / sxx;
        return new double[] {meanY - slope * meanX, slope};
    }

    /** Least-squares coefficients of y on the design's columns (normal equations, Gaussian elimination with pivoting). */
    static double[] leastSquares(double[][] design, double[] y) {
        int k = design[0].length;
        double[][] a = new double[k][k + 1];
        for (int row = 0; row < design.length; row++) {
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    a[i][j] += design[row][i] * design[row][j];
                }
                a[i][k] += design[row][i] * y[row];
            }
        }
        for (int col = 0; col < k; col++) {
            int pivot = col;
            for (int row = col + 1; row < k; row++) {
                if (Math.abs(a[row][col]) > Math.abs(a[pivot][col])) {
                    pivot = row;
                }
            }
            double[] swap = a[col];
            a[col] = a[pivot];
            a[pivot] = swap;
            if (a[col][col] == 0) {
                throw new IllegalArgumentException("the regression's columns are linearly dependent");
            }
            for (int row = 0; row < k; row++) {
                if (row != col) {
                    double factor = a[row][col] / a[col][col];
                    for (int j = col; j <= k; j++) {
                        a[row][j] -= factor * a[col][j];
                    }
                }
            }
        }
        double[] coefficients = new double[k];
        for (int i = 0; i < k; i++) {
            coefficients[i] = a[i][k] / a[i][i];
        }
        return coefficients;
    }
}
