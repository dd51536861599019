package restock.forecast;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static restock.forecast.ForecastMethod.ADIDA;
import static restock.forecast.ForecastMethod.MEAN;
import static restock.forecast.ForecastMethod.SBA;
import static restock.forecast.ForecastMethod.SES;
import static restock.forecast.ForecastMethod.THETA;
import static restock.forecast.ForecastMethod.TSB;

/**
 * Experiment, not product code (docs/BENCHMARKS.md, issue #13's online-retail target): the class policy of
 * AutomaticChoice.learn for the intermittent patterns with (a) median and mean combinations added to the candidates,
 * (b) a pattern's choice shrunk toward the candidate pooled over all intermittent patterns, or averages of the
 * candidates weighted by their validation, and (c) each origin pooled under the pattern of its own training part (no
 * look-ahead in the class) or only the latest origins. Everything is chosen on the training part; the held-out part
 * is only scored. The smooth patterns keep main's choice. Argument: or, cp or cpall (as Variants).
 */
public final class Combos {
    static final List<Candidate> EXTRA = List.of(Candidate.median(TSB, SES, THETA), Candidate.median(TSB, SES, ADIDA),
            Candidate.median(TSB, SES, THETA, ADIDA), Candidate.mean(SES, ADIDA), Candidate.mean(SES, THETA, ADIDA),
            Candidate.median(SES, THETA, ADIDA), Candidate.mean(SES, MEAN), Candidate.mean(TSB, SES, MEAN),
            Candidate.median(TSB, SES, MEAN), Candidate.median(TSB, SBA, SES));

    /** Per origin: its training part's pattern, and each candidate's scaled mean squared error (NaN when unscaled). */
    record Origin(SeriesProfile.Pattern pattern, int fromEnd, double[] scaled) {
    }

    record Row(SeriesProfile.Pattern pattern, List<Origin> origins, double[][] heldOut, double[][] forecasts, Variants.S s) {
    }

    public static void main(String[] args) throws Exception {
        String set = args[0];
        List<Variants.S> series = set.equals("or") ? Variants.onlineRetail() : Variants.carparts(set.equals("cp"));
        int period = set.equals("or") ? 52 : 12;
        int h = set.equals("or") ? 8 : 6;
        List<Candidate> cands = new ArrayList<>(AutomaticChoice.INTERMITTENT_CANDIDATES);
        cands.addAll(EXTRA);
        int base = AutomaticChoice.INTERMITTENT_CANDIDATES.size();
        int scaledSeries = (int) series.stream().filter(s -> !Double.isNaN(Variants.score(s.train(), s.test(), s.test())[0])).count();
        double[] smooth = smoothPart(series, period, h);
        double actual = series.stream().mapToDouble(x -> Arrays.stream(x.test()).sum()).sum();
        List<Row> rows = series.parallelStream().map(s -> row(s, period, h, cands)).toList();
        System.out.printf("%s: %d series, %d scaled; smooth patterns (main's choice) add sMSE %.4f MASE %.4f%n", set, series.size(),
                scaledSeries, smooth[0] / scaledSeries, smooth[1] / scaledSeries);
        Map<String, Map<SeriesProfile.Pattern, Integer>> policies = new java.util.LinkedHashMap<>();
        policies.put("A  main: own pattern's series, main's candidates", perPattern(rows, base, false));
        policies.put("a1 A with the combinations added", perPattern(rows, cands.size(), false));
        policies.put("c1 origins pooled by their own pattern, main's", perPattern(rows, base, true));
        policies.put("c2 c1 with the combinations added", perPattern(rows, cands.size(), true));
        sesMargin = 0.01;
        policies.put("x1 c1, ses unless 1% better (tuned: diagnostic)", perPattern(rows, base, true));
        sesMargin = 0;
        ownSeriesOnly = true;
        policies.put("c3 c1, the pattern's own series only", perPattern(rows, base, true));
        policies.put("c4 c3 with the combinations added", perPattern(rows, cands.size(), true));
        ownSeriesOnly = false;
        latest = 1;
        policies.put("L1 A on the last origin only", perPattern(rows, base, false));
        policies.put("L2 a1 on the last origin only", perPattern(rows, cands.size(), false));
        policies.put("L3 c1 on the last origin only", perPattern(rows, base, true));
        latest = 8;
        policies.put("L4 c1 on the latest 8 origins", perPattern(rows, base, true));
        policies.put("L5 c2 on the latest 8 origins", perPattern(rows, cands.size(), true));
        latest = Integer.MAX_VALUE;
        policies.put("g1 one candidate for all intermittent, main's", global(rows, base));
        policies.put("g2 g1 with the combinations added", global(rows, cands.size()));
        policies.put("b1 a1 shrunk to g2 unless paired t < -1.645", shrunk(rows, cands.size(), 1.645));
        policies.put("b2 a1 shrunk to g2 unless paired t < -2.326", shrunk(rows, cands.size(), 2.326));
        for (SeriesProfile.Pattern p : List.of(SeriesProfile.Pattern.INTERMITTENT, SeriesProfile.Pattern.LUMPY, SeriesProfile.Pattern.SPARSE)) {
            printPattern(rows, cands, p);
        }
        System.out.printf("%npolicy%52s %9s %8s %7s   choices%n", "sMSE", "MASE", "Σf/Σy", "");
        for (Map.Entry<String, Map<SeriesProfile.Pattern, Integer>> e : policies.entrySet()) {
            double[] total = smooth.clone();
            for (Row r : rows) {
                if (r.pattern().intermittent()) {
                    int c = e.getValue().getOrDefault(r.pattern(), 0);
                    total[2] += r.heldOut()[c][2];
                    if (!Double.isNaN(r.heldOut()[0][0])) {
                        total[0] += r.heldOut()[c][0];
                        total[1] += r.heldOut()[c][1];
                    }
                }
            }
            StringBuilder choices = new StringBuilder();
            e.getValue().forEach((p, c) -> choices.append(p).append('=').append(cands.get(c).label()).append(' '));
            System.out.printf("%-52s %9.4f %8.4f %7.3f   %s%n", e.getKey(), total[0] / scaledSeries, total[1] / scaledSeries, total[2] / actual, choices);
        }
        weighted(rows, base, smooth, scaledSeries, actual, "w1 equal-weight mean of all main's candidates", false, 0);
        weighted(rows, base, smooth, scaledSeries, actual, "w2 weights 1/validation error, main's candidates", true, 0);
        weighted(rows, base, smooth, scaledSeries, actual, "w3 mean of the 3 best by validation, main's", false, 3);
        weighted(rows, cands.size(), smooth, scaledSeries, actual, "w4 w3 with the combinations added", false, 3);
        weighted(rows, base, smooth, scaledSeries, actual, "w5 mean of the 5 best by validation, main's", false, 5);
        double[] ses = Arrays.copyOf(smooth, 2);
        int sesIndex = cands.indexOf(Candidate.of(SES));
        for (Row r : rows) {
            if (r.pattern().intermittent() && !Double.isNaN(r.heldOut()[0][0])) {
                ses[0] += r.heldOut()[sesIndex][0];
                ses[1] += r.heldOut()[sesIndex][1];
            }
        }
        System.out.printf("%-52s %9.4f %8.4f%n", "ses on intermittent patterns (smooth as main)", ses[0] / scaledSeries, ses[1] / scaledSeries);
    }

    /** A weighted average of a pattern's candidates (weights from the pooled validation of its own series). */
    static void weighted(List<Row> rows, int n, double[] smooth, int scaledSeries, double actual, String name, boolean inverse, int top) {
        Map<SeriesProfile.Pattern, double[]> pooled = new EnumMap<>(SeriesProfile.Pattern.class);
        for (Row r : rows) {
            double[] mean = r.pattern().intermittent() ? seriesMean(r, n, null) : null;
            if (mean != null) {
                double[] sum = pooled.computeIfAbsent(r.pattern(), k -> new double[n]);
                for (int c = 0; c < n; c++) {
                    sum[c] += mean[c];
                }
            }
        }
        Map<SeriesProfile.Pattern, double[]> weights = new EnumMap<>(SeriesProfile.Pattern.class);
        pooled.forEach((p, sum) -> {
            double[] w = new double[n];
            Integer[] order = new Integer[n];
            for (int c = 0; c < n; c++) {
                order[c] = c;
            }
            Arrays.sort(order, (a, b) -> Double.compare(sum[a], sum[b]));
            for (int i = 0; i < n; i++) {
                int c = order[i];
                w[c] = top > 0 ? (i < top ? 1 : 0) : inverse ? (sum[c] > 0 ? 1 / sum[c] : 0) : 1;
            }
            double total = Arrays.stream(w).sum();
            if (total == 0) {
                w[order[0]] = 1;
                total = 1;
            }
            for (int c = 0; c < n; c++) {
                w[c] /= total;
            }
            weights.put(p, w);
        });
        double[] total = Arrays.copyOf(smooth, 3);
        for (Row r : rows) {
            if (!r.pattern().intermittent()) {
                continue;
            }
            double[] w = weights.get(r.pattern());
            int h = r.s().test().length;
            double[] f = new double[h];
            for (int c = 0; c < n; c++) {
                for (int j = 0; j < h; j++) {
                    f[j] += (w == null ? (c == 0 ? 1 : 0) : w[c]) * r.forecasts()[c][j];
                }
            }
            double[] sc = Variants.score(r.s().train(), r.s().test(), f);
            total[2] += Arrays.stream(f).sum();
            if (!Double.isNaN(sc[0])) {
                total[0] += sc[0];
                total[1] += sc[1];
            }
        }
        System.out.printf("%-52s %9.4f %8.4f %7.3f%n", name, total[0] / scaledSeries, total[1] / scaledSeries, total[2] / actual);
    }

    static Row row(Variants.S s, int period, int h, List<Candidate> cands) {
        double[] y = s.train();
        SeriesProfile.Pattern pattern = SeriesProfile.pattern(y);
        CrossValidation.Errors errors = CrossValidation.run(y, period, h, cands, AutomaticChoice.MAX_ORIGINS);
        int[] origins = CrossValidation.origins(y.length, h, AutomaticChoice.MAX_ORIGINS);
        List<Origin> out = new ArrayList<>();
        for (int k = 0; k < origins.length; k++) {
            double[] training = Arrays.copyOf(y, origins[k]);
            double scale = Math.abs(Arrays.stream(training).average().orElse(0));
            double[] scaled = new double[cands.size()];
            for (int c = 0; c < cands.size(); c++) {
                double sq = 0;
                for (int j = 0; j < h; j++) {
                    double x = errors.residuals()[c][j][k];
                    sq += x * x / h;
                }
                scaled[c] = scale > 0 ? sq / (scale * scale) : Double.NaN;
            }
            out.add(new Origin(SeriesProfile.pattern(training), origins.length - 1 - k, scaled));
        }
        double[][] heldOut = new double[cands.size()][];
        double[][] forecasts = new double[cands.size()][];
        for (int c = 0; c < cands.size(); c++) {
            double[] f = AutomaticChoice.floored(y, Variants.point(cands.get(c), y, period, h));
            forecasts[c] = f;
            double[] sc = Variants.score(y, s.test(), f);
            heldOut[c] = new double[] {sc[0], sc[1], Arrays.stream(f).sum()};
        }
        return new Row(pattern, out, heldOut, forecasts, s);
    }

    /** Main's pooled error: per series the mean over its scored origins, summed over the series. */
    static int latest = Integer.MAX_VALUE;

    static double[] seriesMean(Row r, int n, SeriesProfile.Pattern onlyPattern) {
        double[] sum = new double[n];
        int count = 0;
        for (Origin o : r.origins()) {
            if (Double.isNaN(o.scaled()[0]) || o.fromEnd() >= latest || (onlyPattern != null && o.pattern() != onlyPattern)) {
                continue;
            }
            count++;
            for (int c = 0; c < n; c++) {
                sum[c] += o.scaled()[c];
            }
        }
        if (count == 0) {
            return null;
        }
        for (int c = 0; c < n; c++) {
            sum[c] /= count;
        }
        return sum;
    }

    static boolean ownSeriesOnly = false;

    static double sesMargin = 0;

    static Map<SeriesProfile.Pattern, Integer> perPattern(List<Row> rows, int n, boolean byOrigin) {
        Map<SeriesProfile.Pattern, double[]> pooled = new EnumMap<>(SeriesProfile.Pattern.class);
        for (Row r : rows) {
            for (SeriesProfile.Pattern p : List.of(SeriesProfile.Pattern.INTERMITTENT, SeriesProfile.Pattern.LUMPY, SeriesProfile.Pattern.SPARSE)) {
                if ((!byOrigin || ownSeriesOnly) && r.pattern() != p) {
                    continue;
                }
                double[] mean = seriesMean(r, n, byOrigin ? p : null);
                if (mean != null) {
                    double[] sum = pooled.computeIfAbsent(p, k -> new double[n]);
                    for (int c = 0; c < n; c++) {
                        sum[c] += mean[c];
                    }
                }
            }
        }
        Map<SeriesProfile.Pattern, Integer> out = new EnumMap<>(SeriesProfile.Pattern.class);
        int ses = AutomaticChoice.INTERMITTENT_CANDIDATES.indexOf(Candidate.of(SES));
        pooled.forEach((p, sum) -> {
            int best = CrossValidation.argmin(sum);
            out.put(p, sum[best] < (1 - sesMargin) * sum[ses] ? best : ses);
        });
        return out;
    }

    static Map<SeriesProfile.Pattern, Integer> global(List<Row> rows, int n) {
        double[] sum = new double[n];
        for (Row r : rows) {
            double[] mean = r.pattern().intermittent() ? seriesMean(r, n, null) : null;
            if (mean != null) {
                for (int c = 0; c < n; c++) {
                    sum[c] += mean[c];
                }
            }
        }
        int best = CrossValidation.argmin(sum);
        Map<SeriesProfile.Pattern, Integer> out = new EnumMap<>(SeriesProfile.Pattern.class);
        for (SeriesProfile.Pattern p : List.of(SeriesProfile.Pattern.INTERMITTENT, SeriesProfile.Pattern.LUMPY, SeriesProfile.Pattern.SPARSE)) {
            out.put(p, best);
        }
        return out;
    }

    /** Each pattern's own best only where its series' paired differences from the pooled best give t below -z. */
    static Map<SeriesProfile.Pattern, Integer> shrunk(List<Row> rows, int n, double z) {
        int g = global(rows, n).get(SeriesProfile.Pattern.LUMPY);
        Map<SeriesProfile.Pattern, Integer> own = perPattern(rows, n, false);
        Map<SeriesProfile.Pattern, Integer> out = new EnumMap<>(SeriesProfile.Pattern.class);
        own.forEach((p, c) -> {
            List<Double> d = new ArrayList<>();
            for (Row r : rows) {
                double[] mean = r.pattern() == p ? seriesMean(r, n, null) : null;
                if (mean != null) {
                    d.add(mean[c] - mean[g]);
                }
            }
            double m = d.stream().mapToDouble(x -> x).average().orElse(0);
            double v = d.stream().mapToDouble(x -> (x - m) * (x - m)).sum() / Math.max(1, d.size() - 1);
            double t = v > 0 ? m / Math.sqrt(v / d.size()) : 0;
            out.put(p, t < -z ? c : g);
        });
        return out;
    }

    static void printPattern(List<Row> rows, List<Candidate> cands, SeriesProfile.Pattern p) {
        int n = cands.size();
        double[] validation = new double[n];
        double[] byOrigin = new double[n];
        double[][] held = new double[n][2];
        int count = 0;
        for (Row r : rows) {
            double[] own = seriesMean(r, n, p);
            if (own != null) {
                for (int c = 0; c < n; c++) {
                    byOrigin[c] += own[c];
                }
            }
            if (r.pattern() != p) {
                continue;
            }
            count++;
            double[] mean = seriesMean(r, n, null);
            for (int c = 0; c < n; c++) {
                validation[c] += mean == null ? 0 : mean[c];
                if (!Double.isNaN(r.heldOut()[c][0])) {
                    held[c][0] += r.heldOut()[c][0];
                    held[c][1] += r.heldOut()[c][1];
                }
            }
        }
        System.out.printf("%n%s (%d series): candidate, pooled validation (own series / origins of this pattern), held-out sums sMSE MASE%n", p, count);
        for (int c = 0; c < n; c++) {
            System.out.printf("  %-26s %14.1f %14.1f %12.2f %9.2f%n", cands.get(c).label(), validation[c], byOrigin[c], held[c][0], held[c][1]);
        }
    }

    /** The smooth patterns' held-out sums under main's rule (their candidates, pooled as learn does). */
    static double[] smoothPart(List<Variants.S> series, int period, int h) {
        List<Variants.S> smooth = series.stream().filter(s -> !SeriesProfile.pattern(s.train()).intermittent()).toList();
        AutomaticChoice.Policy policy = AutomaticChoice.learn(smooth.stream().map(Variants.S::train).toList(), period, h);
        double[] total = new double[3];
        for (double[] sc : smooth.parallelStream().map(s -> {
            double[] f = policy.pointForecast(s.train(), period, h);
            double[] v = Variants.score(s.train(), s.test(), f);
            return new double[] {v[0], v[1], Arrays.stream(f).sum()};
        }).toList()) {
            total[2] += sc[2];
            if (!Double.isNaN(sc[0])) {
                total[0] += sc[0];
                total[1] += sc[1];
            }
        }
        System.out.println("smooth patterns: " + policy.describe());
        return total;
    }
}
