package restock.forecast;

import java.util.Arrays;
import java.util.List;

/**
 * Forecast accuracy as shared/data/carparts/R_BASELINE.md defines it: per series MAE, RMSE, ME (actual minus
 * forecast), MASE and RMSSE scaled by the lag-1 naive in-sample errors, sMAE and sMSE scaled by the training mean,
 * sAPIS (periods in stock); then the arithmetic mean over series, the median ASE, and Σ forecasts / Σ actuals.
 */
public final class Accuracy {
    private Accuracy() {
    }

    /** One series' training history, test actuals and forecasts. */
    public record Case(double[] training, double[] actual, double[] forecast) {
    }

    /** Mean measures over series; scaled measures skip series whose training is constant (their scale is zero). */
    public record Summary(int series, double me, double mae, double rmse, double mase, double mdase, int scaledSeries,
                          double rmsse, double smae, double smse, double sapis, double biasRatio) {
    }

    public static Summary summarize(List<Case> cases) {
        double me = 0, mae = 0, rmse = 0, mase = 0, rmsse = 0, smae = 0, smse = 0, sapis = 0, sumForecast = 0, sumActual = 0;
        double[] ases = new double[cases.size()];
        int scaled = 0;
        for (Case c : cases) {
            int h = c.actual().length;
            double errorSum = 0, absSum = 0, squareSum = 0, cumulative = 0, periodsInStock = 0;
            for (int t = 0; t < h; t++) {
                double error = c.actual()[t] - c.forecast()[t];
                errorSum += error;
                absSum += Math.abs(error);
                squareSum += error * error;
                cumulative += error;
                periodsInStock += cumulative;
                sumForecast += c.forecast()[t];
                sumActual += c.actual()[t];
            }
            double seriesMae = absSum / h;
            double seriesMse = squareSum / h;
            me += errorSum / h;
            mae += seriesMae;
            rmse += Math.sqrt(seriesMse);
            double[] y = c.training();
            double naiveAbs = 0, naiveSquare = 0, level = 0;
            for (int t = 0; t < y.length; t++) {
                level += y[t];
                if (t > 0) {
                    naiveAbs += Math.abs(y[t] - y[t - 1]);
                    naiveSquare += (y[t] - y[t - 1]) * (y[t] - y[t - 1]);
                }
            }
            double scaleAbs = naiveAbs / (y.length - 1);
            double scaleSquare = naiveSquare / (y.length - 1);
            double trainingMean = level / y.length;
            if (scaleAbs > 0) {
                ases[scaled] = seriesMae / scaleAbs;
                mase += ases[scaled];
                rmsse += Math.sqrt(seriesMse / scaleSquare);
                smae += seriesMae / trainingMean;
                smse += seriesMse / (trainingMean * trainingMean);
                sapis += Math.abs(-periodsInStock) / trainingMean;
                scaled++;
            }
        }
        int n = cases.size();
        double[] used = Arrays.copyOf(ases, scaled);
        Arrays.sort(used);
        double mdase = scaled == 0 ? Double.NaN
                : scaled % 2 == 1 ? used[scaled / 2] : (used[scaled / 2 - 1] + used[scaled / 2]) / 2;
        return new Summary(n, me / n, mae / n, rmse / n, mase / scaled, mdase, scaled, rmsse / scaled, smae / scaled,
                smse / scaled, sapis / scaled, sumActual == 0 ? Double.NaN : sumForecast / sumActual);
    }
}
