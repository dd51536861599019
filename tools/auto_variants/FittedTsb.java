package restock.forecast;

import java.util.Arrays;
import java.util.List;

/** Experiment: TSB with its two constants fitted by in-sample one-step MSE, against fixed TSB and SES. */
public final class FittedTsb {
    static final double[] GRID = {0.02, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.7};

    static double[] fitted(double[] y, int h) {
        int first = -1;
        for (int t = 0; t < y.length && first < 0; t++) {
            first = y[t] > 0 ? t : -1;
        }
        if (first < 0) {
            return new double[h];
        }
        double best = Double.MAX_VALUE;
        double forecast = 0;
        for (double a : GRID) {
            for (double b : GRID) {
                double size = y[first];
                double p = 1.0 / (first + 1);
                double sse = 0;
                for (int t = 0; t < y.length; t++) {
                    if (t > first) {
                        double e = y[t] - p * size;
                        sse += e * e;
                    }
                    if (y[t] > 0) {
                        size += a * (y[t] - size);
                        p += b * (1 - p);
                    } else {
                        p -= b * p;
                    }
                }
                if (sse < best - 1e-12) {
                    best = sse;
                    forecast = p * size;
                }
            }
        }
        double[] out = new double[h];
        Arrays.fill(out, forecast);
        return out;
    }

    public static void main(String[] args) throws Exception {
        String set = args[0];
        List<Variants.S> series = set.equals("or") ? Variants.onlineRetail() : Variants.carparts(set.equals("cp"));
        int period = set.equals("or") ? 52 : 12;
        int h = set.equals("or") ? 8 : 6;
        for (SeriesProfile.Pattern pattern : List.of(SeriesProfile.Pattern.INTERMITTENT, SeriesProfile.Pattern.LUMPY, SeriesProfile.Pattern.SPARSE)) {
            double[][] v = series.parallelStream().filter(s -> SeriesProfile.pattern(s.train()) == pattern).map(s -> {
                double[] y = s.train();
                int[] origins = CrossValidation.origins(y.length, h, AutomaticChoice.MAX_ORIGINS);
                double[] val = new double[3];
                int scored = 0;
                for (int origin : origins) {
                    double[] tr = Arrays.copyOf(y, origin);
                    double scale = Arrays.stream(tr).average().orElse(0);
                    if (scale <= 0) {
                        continue;
                    }
                    scored++;
                    double[][] f = {ForecastMethod.TSB.point(tr, period, h), ForecastMethod.SES.point(tr, period, h), fitted(tr, h)};
                    for (int c = 0; c < 3; c++) {
                        double sq = 0;
                        for (int j = 0; j < h; j++) {
                            double e = y[origin + j] - Math.max(0, f[c][j]);
                            sq += e * e / h;
                        }
                        val[c] += sq / (scale * scale);
                    }
                }
                double[][] f = {ForecastMethod.TSB.point(y, period, h), ForecastMethod.SES.point(y, period, h), fitted(y, h)};
                double[] out = new double[9];
                for (int c = 0; c < 3; c++) {
                    out[c] = scored == 0 ? 0 : val[c] / scored;
                    double[] sc = Variants.score(y, s.test(), AutomaticChoice.floored(y, f[c]));
                    out[3 + c] = Double.isNaN(sc[0]) ? 0 : sc[0];
                    out[6 + c] = Double.isNaN(sc[1]) ? 0 : sc[1];
                }
                return out;
            }).toArray(double[][]::new);
            double[] sum = new double[9];
            for (double[] x : v) {
                for (int i = 0; i < 9; i++) {
                    sum[i] += x[i];
                }
            }
            System.out.printf("%s %s (%d): validation tsb %.1f ses %.1f tsb-fit %.1f | held-out sMSE %.1f %.1f %.1f | MASE %.1f %.1f %.1f%n",
                    set, pattern, v.length, sum[0], sum[1], sum[2], sum[3], sum[4], sum[5], sum[6], sum[7], sum[8]);
        }
    }
}
