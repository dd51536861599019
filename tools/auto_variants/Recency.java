package restock.forecast;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Experiment, not product code (docs/BENCHMARKS.md, issue #13's online-retail target, fc branch): rules for the
 * intermittent patterns' choice that the forecast2 and forecast3 stops did not try. (a) origins weighted by an
 * a-priori exponential decay (half-life a quarter or a whole season, fixed before any run), pooled per pattern or per
 * series; (b) the mean of the top 2 or the median of the top 3 validated candidates; (c) an RMSSE-like scale (each
 * origin's squared errors over its training part's mean squared one-step change); (d) an upward level-shift test on
 * the training part's last {@code h} periods sending shifted series to a faster-adapting candidate. Everything is
 * chosen on the training part; the held-out part is only scored. Smooth patterns keep main's choice. Argument: or,
 * cp or cpall (as Variants).
 */
public final class Recency {
    static final List<Candidate> CANDS = AutomaticChoice.INTERMITTENT_CANDIDATES;
    static final int N = CANDS.size();
    /** Cross-validate smooth series too, for the rules that pool each origin under its own training part's pattern. */
    static final boolean BY_ORIGIN = true;

    /** Per origin: how many origins lie after it, and each candidate's MSE, with the training mean and naive scale. */
    record Origin(int fromEnd, double[] mse, double mean, double naiveMsd, SeriesProfile.Pattern pattern) {
    }

    record Row(SeriesProfile.Pattern pattern, List<Origin> origins, double[][] forecasts, Variants.S s, boolean shifted,
               boolean shiftedEither) {
    }

    public static void main(String[] args) throws Exception {
        String set = args[0];
        List<Variants.S> series = set.equals("or") ? Variants.onlineRetail() : Variants.carparts(set.equals("cp"));
        int period = set.equals("or") ? 52 : 12;
        int h = set.equals("or") ? 8 : 6;
        int scaledSeries = (int) series.stream().filter(s -> !Double.isNaN(Variants.score(s.train(), s.test(), s.test())[0])).count();
        double[] smooth = Combos.smoothPart(series, period, h);
        double actual = series.stream().mapToDouble(x -> Arrays.stream(x.test()).sum()).sum();
        List<Row> rows = series.parallelStream().map(s -> row(s, period, h)).toList();
        double quarter = period / 4.0;
        double season = period;
        Map<String, Function<Row, double[]>> rules = new LinkedHashMap<>();
        Map<SeriesProfile.Pattern, double[]> pooledA = pooled(rows, o -> scaled(o), 0);
        rules.put("A  main: pooled origin-scaled sMSE, argmin", r -> pick(r, argmin(pooledA, r)));
        Map<SeriesProfile.Pattern, double[]> pooledQ = pooled(rows, o -> scaled(o), quarter);
        Map<SeriesProfile.Pattern, double[]> pooledS = pooled(rows, o -> scaled(o), season);
        rules.put("a1 A, origins weighted, half-life period/4", r -> pick(r, argmin(pooledQ, r)));
        rules.put("a2 A, origins weighted, half-life period", r -> pick(r, argmin(pooledS, r)));
        rules.put("a3 per series, weighted (period/4), else A", r -> pick(r, perSeries(r, quarter).orElse(argmin(pooledA, r))));
        rules.put("a4 per series, weighted (period), else A", r -> pick(r, perSeries(r, season).orElse(argmin(pooledA, r))));
        rules.put("b1 mean of the top 2 of A", r -> combine(r, top(pooledA.get(r.pattern()), 2), false));
        rules.put("b2 median of the top 3 of A", r -> combine(r, top(pooledA.get(r.pattern()), 3), true));
        rules.put("b3 median of the top 3 of a1", r -> combine(r, top(pooledQ.get(r.pattern()), 3), true));
        rules.put("b4 per series, median of its top 3 (a3's)", r -> combine(r, perSeriesTop(r, quarter, pooledA), true));
        Map<SeriesProfile.Pattern, double[]> pooledR = pooled(rows, o -> rmsse(o), 0);
        rules.put("c1 pooled RMSSE-scaled MSE, argmin", r -> pick(r, argmin(pooledR, r)));
        rules.put("c2 median of the top 3 of c1", r -> combine(r, top(pooledR.get(r.pattern()), 3), true));
        int ses = CANDS.indexOf(Candidate.of(ForecastMethod.SES));
        rules.put("d1 A, upward-shifted series get ses", r -> pick(r, r.shifted() ? ses : argmin(pooledA, r)));
        Map<SeriesProfile.Pattern, double[]> pooledShift = pooledShifted(rows, h);
        rules.put("d2 A, shifted series: pooled over shifted origins", r -> pick(r, r.shifted() && pooledShift.containsKey(r.pattern())
                ? CrossValidation.argmin(pooledShift.get(r.pattern())) : argmin(pooledA, r)));
        rules.put("d3 A, shifted either way (two-sided) get ses", r -> pick(r, r.shiftedEither() ? ses : argmin(pooledA, r)));
        Map<SeriesProfile.Pattern, double[]> pooledO = pooledByOrigin(rows);
        rules.put("e0 each origin pooled under its own pattern", r -> pick(r, argmin(pooledO, r)));
        rules.put("e1 e0, upward-shifted series get ses", r -> pick(r, r.shifted() ? ses : argmin(pooledO, r)));
        rules.put("e2 e0, median of its top 3", r -> combine(r, top(pooledO.get(r.pattern()), 3), true));
        rules.put("ses on the intermittent patterns", r -> pick(r, ses));

        System.out.printf("%s: %d series, %d scaled; shifted intermittent series: %d%n", set, series.size(), scaledSeries,
                rows.stream().filter(r -> r.pattern().intermittent() && r.shifted()).count());
        printChoice("A", pooledA);
        printChoice("a1", pooledQ);
        printChoice("a2", pooledS);
        printChoice("c1", pooledR);
        printChoice("d2 (shifted origins)", pooledShift);
        printChoice("e0", pooledO);
        pooledShift.forEach((p, sum) -> System.out.printf("  training evidence for d1, %s origins shifted up at their own end: best %s %.1f, "
                + "A's %s %.1f, ses %.1f (rank %d of %d)%n", p, CANDS.get(CrossValidation.argmin(sum)).label(), sum[CrossValidation.argmin(sum)],
                CANDS.get(argmin(pooledA, new Row(p, List.of(), null, null, false, false))).label(),
                sum[argmin(pooledA, new Row(p, List.of(), null, null, false, false))], sum[ses],
                1 + (int) Arrays.stream(sum).filter(v -> v < sum[ses]).count(), N));
        System.out.printf("%n%-50s %9s %8s %7s%n", "rule", "sMSE", "MASE", "Σf/Σy");
        for (Map.Entry<String, Function<Row, double[]>> e : rules.entrySet()) {
            double[] total = smooth.clone();
            for (Row r : rows) {
                if (!r.pattern().intermittent()) {
                    continue;
                }
                double[] f = AutomaticChoice.floored(r.s().train(), e.getValue().apply(r));
                double[] sc = Variants.score(r.s().train(), r.s().test(), f);
                total[2] += Arrays.stream(f).sum();
                if (!Double.isNaN(sc[0])) {
                    total[0] += sc[0];
                    total[1] += sc[1];
                }
            }
            System.out.printf("%-50s %9.4f %8.4f %7.3f%n", e.getKey(), total[0] / scaledSeries, total[1] / scaledSeries, total[2] / actual);
        }
        System.out.println("\nper pattern (held-out sums / all scaled series): sMSE MASE, and for shifted series only");
        for (String name : List.of("A  main: pooled origin-scaled sMSE, argmin", "d1 A, upward-shifted series get ses", "e0 each origin pooled under its own pattern", "e1 e0, upward-shifted series get ses",
                "d3 A, shifted either way (two-sided) get ses", "c2 median of the top 3 of c1", "ses on the intermittent patterns")) {
            StringBuilder b = new StringBuilder(String.format("%-46s", name.substring(0, Math.min(46, name.length()))));
            for (SeriesProfile.Pattern p : List.of(SeriesProfile.Pattern.INTERMITTENT, SeriesProfile.Pattern.LUMPY, SeriesProfile.Pattern.SPARSE)) {
                double[] t = new double[4];
                for (Row r : rows) {
                    if (r.pattern() != p) {
                        continue;
                    }
                    double[] sc = Variants.score(r.s().train(), r.s().test(), AutomaticChoice.floored(r.s().train(), rules.get(name).apply(r)));
                    if (!Double.isNaN(sc[0])) {
                        t[0] += sc[0];
                        t[1] += sc[1];
                        if (r.shiftedEither()) {
                            t[2] += sc[0];
                            t[3] += sc[1];
                        }
                    }
                }
                b.append(String.format(" | %s %8.4f %6.4f (shifted %7.4f %6.4f)", p.name().substring(0, 4), t[0] / scaledSeries, t[1] / scaledSeries,
                        t[2] / scaledSeries, t[3] / scaledSeries));
            }
            System.out.println(b);
        }
    }

    static void printChoice(String name, Map<SeriesProfile.Pattern, double[]> pooled) {
        StringBuilder b = new StringBuilder(name + ":");
        pooled.forEach((p, sum) -> {
            int[] t = top(sum, 3);
            b.append(' ').append(p).append('=').append(CANDS.get(t[0]).label()).append(" (then ").append(CANDS.get(t[1]).label())
                    .append(", ").append(CANDS.get(t[2]).label()).append(')');
        });
        System.out.println(b);
    }

    static double scaled(Origin o) {
        return o.mean() > 0 ? 1 / (o.mean() * o.mean()) : Double.NaN;
    }

    static double rmsse(Origin o) {
        return o.naiveMsd() > 0 ? 1 / o.naiveMsd() : Double.NaN;
    }

    static int argmin(Map<SeriesProfile.Pattern, double[]> pooled, Row r) {
        double[] sum = pooled.get(r.pattern());
        return sum == null ? CANDS.indexOf(AutomaticChoice.defaultFor(r.pattern())) : CrossValidation.argmin(sum);
    }

    static double[] pick(Row r, int c) {
        return r.forecasts()[c];
    }

    static double[] combine(Row r, int[] chosen, boolean median) {
        int h = r.s().test().length;
        double[] out = new double[h];
        double[] step = new double[chosen.length];
        for (int j = 0; j < h; j++) {
            for (int i = 0; i < chosen.length; i++) {
                step[i] = r.forecasts()[chosen[i]][j];
            }
            out[j] = (median ? Candidate.Average.MEDIAN : Candidate.Average.MEAN).of(step);
        }
        return out;
    }

    /** Indices of the k smallest, smallest first (ties to the earlier candidate). */
    static int[] top(double[] sum, int k) {
        Integer[] order = new Integer[sum.length];
        for (int c = 0; c < order.length; c++) {
            order[c] = c;
        }
        Arrays.sort(order, (a, b) -> Double.compare(sum[a], sum[b]));
        return Arrays.stream(order).limit(k).mapToInt(Integer::intValue).toArray();
    }

    /** Per series a weighted mean of its scaled errors over its scored origins (weights 2^(-fromEnd / halfLife)). */
    static double[] seriesMean(Row r, Function<Origin, Double> scale, double halfLife) {
        double[] sum = new double[N];
        double weights = 0;
        for (Origin o : r.origins()) {
            double s = scale.apply(o);
            if (Double.isNaN(s)) {
                continue;
            }
            double w = halfLife > 0 ? Math.pow(0.5, o.fromEnd() / halfLife) : 1;
            weights += w;
            for (int c = 0; c < N; c++) {
                sum[c] += w * o.mse()[c] * s;
            }
        }
        if (weights == 0) {
            return null;
        }
        for (int c = 0; c < N; c++) {
            sum[c] /= weights;
        }
        return sum;
    }

    static Map<SeriesProfile.Pattern, double[]> pooled(List<Row> rows, Function<Origin, Double> scale, double halfLife) {
        Map<SeriesProfile.Pattern, double[]> out = new EnumMap<>(SeriesProfile.Pattern.class);
        for (Row r : rows) {
            double[] mean = r.pattern().intermittent() ? seriesMean(r, scale, halfLife) : null;
            if (mean != null) {
                double[] sum = out.computeIfAbsent(r.pattern(), k -> new double[N]);
                for (int c = 0; c < N; c++) {
                    sum[c] += mean[c];
                }
            }
        }
        return out;
    }

    /** forecast3's c1: every series' origins, each under the pattern of its own training part (no look-ahead in the class). */
    static Map<SeriesProfile.Pattern, double[]> pooledByOrigin(List<Row> rows) {
        Map<SeriesProfile.Pattern, double[]> out = new EnumMap<>(SeriesProfile.Pattern.class);
        for (Row r : rows) {
            for (SeriesProfile.Pattern p : List.of(SeriesProfile.Pattern.INTERMITTENT, SeriesProfile.Pattern.LUMPY, SeriesProfile.Pattern.SPARSE)) {
                double[] sum = new double[N];
                int count = 0;
                for (Origin o : r.origins()) {
                    if (o.pattern() == p && o.mean() > 0) {
                        count++;
                        for (int c = 0; c < N; c++) {
                            sum[c] += o.mse()[c] / (o.mean() * o.mean());
                        }
                    }
                }
                if (count > 0) {
                    double[] total = out.computeIfAbsent(p, k -> new double[N]);
                    for (int c = 0; c < N; c++) {
                        total[c] += sum[c] / count;
                    }
                }
            }
        }
        return out;
    }

    static java.util.Optional<Integer> perSeries(Row r, double halfLife) {
        double[] mean = seriesMean(r, Recency::scaled, halfLife);
        return mean == null ? java.util.Optional.empty() : java.util.Optional.of(CrossValidation.argmin(mean));
    }

    static int[] perSeriesTop(Row r, double halfLife, Map<SeriesProfile.Pattern, double[]> fallback) {
        double[] mean = seriesMean(r, Recency::scaled, halfLife);
        return top(mean != null ? mean : fallback.getOrDefault(r.pattern(), new double[N]), 3);
    }

    /** Pooled A over the origins whose own training part ends in an upward shift, per pattern of the series. */
    static Map<SeriesProfile.Pattern, double[]> pooledShifted(List<Row> rows, int h) {
        Map<SeriesProfile.Pattern, double[]> out = new EnumMap<>(SeriesProfile.Pattern.class);
        for (Row r : rows) {
            if (!r.pattern().intermittent()) {
                continue;
            }
            double[] y = r.s().train();
            for (Origin o : r.origins()) {
                int origin = y.length - h - o.fromEnd();
                if (o.mean() > 0 && shiftedUp(Arrays.copyOf(y, origin), h)) {
                    double[] sum = out.computeIfAbsent(r.pattern(), k -> new double[N]);
                    for (int c = 0; c < N; c++) {
                        sum[c] += o.mse()[c] / (o.mean() * o.mean());
                    }
                }
            }
        }
        return out;
    }

    /** The last h periods' mean above the earlier periods' mean by a one-sided Welch t at 95% (fixed in advance). */
    static boolean shiftedUp(double[] y, int h) {
        return shift(y, h, 0.95) > 0;
    }

    /** +1 when the last h periods' mean is above the earlier mean by a Welch t beyond the p quantile, -1 below, else 0. */
    static int shift(double[] y, int h, double p) {
        if (y.length < 2 * h) {
            return 0;
        }
        double[] last = Arrays.copyOfRange(y, y.length - h, y.length);
        double[] before = Arrays.copyOf(y, y.length - h);
        double m1 = Arrays.stream(last).average().orElse(0);
        double m0 = Arrays.stream(before).average().orElse(0);
        double v1 = Arrays.stream(last).map(x -> (x - m1) * (x - m1)).sum() / (last.length - 1);
        double v0 = Arrays.stream(before).map(x -> (x - m0) * (x - m0)).sum() / (before.length - 1);
        double se2 = v1 / last.length + v0 / before.length;
        if (se2 <= 0) {
            return Double.compare(m1, m0);
        }
        double a = v1 / last.length;
        double b = v0 / before.length;
        double df = se2 * se2 / (a * a / (last.length - 1) + b * b / (before.length - 1));
        double t = (m1 - m0) / Math.sqrt(se2);
        double q = StudentT.quantile(p, df);
        return t > q ? 1 : t < -q ? -1 : 0;
    }

    static Row row(Variants.S s, int period, int h) {
        double[] y = s.train();
        SeriesProfile.Pattern pattern = SeriesProfile.pattern(y);
        double[][] forecasts = new double[N][];
        List<Origin> out = new ArrayList<>();
        if (pattern.intermittent() || BY_ORIGIN) {
            CrossValidation.Errors errors = CrossValidation.run(y, period, h, CANDS, AutomaticChoice.MAX_ORIGINS);
            int[] origins = CrossValidation.origins(y.length, h, AutomaticChoice.MAX_ORIGINS);
            for (int k = 0; k < origins.length; k++) {
                double[] training = Arrays.copyOf(y, origins[k]);
                double mean = Math.abs(Arrays.stream(training).average().orElse(0));
                double msd = 0;
                for (int t = 1; t < training.length; t++) {
                    msd += (training[t] - training[t - 1]) * (training[t] - training[t - 1]) / (training.length - 1);
                }
                double[] mse = new double[N];
                for (int c = 0; c < N; c++) {
                    for (int j = 0; j < h; j++) {
                        double x = errors.residuals()[c][j][k];
                        mse[c] += x * x / h;
                    }
                }
                out.add(new Origin(origins.length - 1 - k, mse, mean, msd, SeriesProfile.pattern(training)));
            }
            for (int c = 0; c < N; c++) {
                forecasts[c] = AutomaticChoice.floored(y, Variants.point(CANDS.get(c), y, period, h));
            }
        }
        return new Row(pattern, out, forecasts, s, pattern.intermittent() && shiftedUp(y, h),
                pattern.intermittent() && (shift(y, h, 0.975) > 0 || shift(y, h, 0.975) < 0));
    }
}
