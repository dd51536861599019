package restock.forecast;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Experiment, not product code (docs/BENCHMARKS.md, "online retail target: variants tried"): how the class policy of
 * AutomaticChoice.learn would score on the held-out weeks if it chose each pattern's candidate by another validation
 * rule. Same candidates, same rolling origins; only the way the origins' errors are pooled changes. Run by run.sh.
 * Argument: or (online retail weekly), cp (carparts 1,046 subset) or cpall (carparts 2,509).
 */
public final class Variants {
    record S(String id, double[] train, double[] test) {
    }

    static final String[] RULES = {"A origin-scaled sMSE (main)", "B series-scaled sMSE", "C series-scaled MAE (MASE-like)",
            "D A, latest 8 origins", "E B, latest 8 origins", "F A, 5% worst series dropped", "G geometric mean of MSE",
            "H median of A", "I A winsorised at its 95th pct", "J mean rank of A", "K A, origins with 26+ periods",
            "L A, origins whose mean >= half the series'", "T ses unless better by paired t (z 1.645)",
            "S ses unless better by sign test (z 1.645)", "P per series, its own A (no pooling)"};

    public static void main(String[] args) throws Exception {
        String set = args[0];
        List<S> series = set.equals("or") ? onlineRetail() : carparts(set.equals("cp"));
        int period = set.equals("or") ? 52 : 12;
        int h = set.equals("or") ? 8 : 6;
        Map<SeriesProfile.Pattern, List<S>> byPattern = new EnumMap<>(SeriesProfile.Pattern.class);
        series.forEach(s -> byPattern.computeIfAbsent(SeriesProfile.pattern(s.train()), k -> new ArrayList<>()).add(s));
        int scaled = (int) series.stream().filter(s -> !Double.isNaN(score(s.train(), s.test(), s.test())[0])).count();
        double[][] totals = new double[RULES.length + 2][2];
        for (Map.Entry<SeriesProfile.Pattern, List<S>> e : byPattern.entrySet()) {
            List<Candidate> cands = AutomaticChoice.candidatesFor(e.getKey());
            int n = cands.size();
            int maxOrigins = e.getKey().intermittent() ? AutomaticChoice.MAX_ORIGINS : AutomaticChoice.MAX_SMOOTH_ORIGINS;
            double[] smse = new double[n];
            double[] mase = new double[n];
            List<double[][]> per = new ArrayList<>(); // per series: [rule A,B,C,D,E,K,L,MSE][candidate]
            double[] perSeriesChoice = new double[2]; // rule P: each series' held-out terms of its own A's argmin
            for (S s : e.getValue()) {
                double[] y = s.train();
                CrossValidation.Errors err = CrossValidation.run(y, period, h, cands, maxOrigins);
                int[] origins = CrossValidation.origins(y.length, h, maxOrigins);
                double full = Arrays.stream(y).average().orElse(0);
                double naive = 0;
                for (int t = 1; t < y.length; t++) {
                    naive += Math.abs(y[t] - y[t - 1]) / (y.length - 1);
                }
                double[][] v = new double[8][n];
                int[] count = new int[8];
                for (int k = 0; k < origins.length; k++) {
                    double sc = Math.abs(Arrays.stream(Arrays.copyOf(y, origins[k])).average().orElse(0));
                    boolean latest = k >= origins.length - 8;
                    boolean[] in = {sc > 0, full > 0, naive > 0, sc > 0 && latest, full > 0 && latest, sc > 0 && origins[k] >= 26,
                            sc > 0 && sc >= 0.5 * full, true};
                    for (int r = 0; r < 8; r++) {
                        count[r] += in[r] ? 1 : 0;
                    }
                    for (int c = 0; c < n; c++) {
                        double sq = 0;
                        double abs = 0;
                        for (int j = 0; j < h; j++) {
                            double x = err.residuals()[c][j][k];
                            sq += x * x / h;
                            abs += Math.abs(x) / h;
                        }
                        double[] value = {sq / (sc * sc), sq / (full * full), abs / naive, sq / (sc * sc), sq / (full * full), sq / (sc * sc),
                                sq / (sc * sc), sq};
                        for (int r = 0; r < 8; r++) {
                            v[r][c] += in[r] ? value[r] : 0;
                        }
                    }
                }
                for (int r = 0; r < 8; r++) {
                    for (int c = 0; c < n; c++) {
                        v[r][c] = count[r] == 0 ? Double.NaN : v[r][c] / count[r];
                    }
                }
                per.add(v);
                // without an origin the class default stands, as in AutomaticChoice.forecast
                int own = Double.isNaN(v[0][0]) ? cands.indexOf(AutomaticChoice.defaultFor(e.getKey())) : CrossValidation.argmin(v[0]);
                for (int c = 0; c < n; c++) {
                    double[] sc = score(y, s.test(), AutomaticChoice.floored(y, point(cands.get(c), y, period, h)));
                    if (!Double.isNaN(sc[0])) {
                        smse[c] += sc[0];
                        mase[c] += sc[1];
                        if (c == own) {
                            perSeriesChoice[0] += sc[0];
                            perSeriesChoice[1] += sc[1];
                        }
                    }
                }
            }
            int ses = cands.indexOf(Candidate.of(ForecastMethod.SES));
            int[] picks = new int[RULES.length - 1];
            int[] simple = {0, 1, 2, 3, 4};
            for (int r : simple) {
                picks[r] = CrossValidation.argmin(sum(per, r, n));
            }
            List<double[]> a = per.stream().map(v -> v[0]).filter(x -> !Double.isNaN(x[0])).toList();
            double cut = a.isEmpty() ? 0 : quantile(a.stream().mapToDouble(x -> Arrays.stream(x).max().orElse(0)).toArray(), 0.95);
            double[] f = new double[n];
            double[] g = new double[n];
            double[] med = new double[n];
            double[] win = new double[n];
            double[] rank = new double[n];
            double w = a.isEmpty() ? 0 : quantile(a.stream().flatMapToDouble(Arrays::stream).toArray(), 0.95);
            for (double[] x : a) {
                boolean keep = Arrays.stream(x).max().orElse(0) <= cut;
                for (int c = 0; c < n; c++) {
                    f[c] += keep ? x[c] : 0;
                    win[c] += Math.min(x[c], w);
                    for (int d = 0; d < n; d++) {
                        rank[c] += x[d] < x[c] ? 1 : 0;
                    }
                }
            }
            for (double[][] v : per) {
                if (Arrays.stream(v[7]).min().orElse(0) > 0) {
                    for (int c = 0; c < n; c++) {
                        g[c] += Math.log(v[7][c]);
                    }
                }
            }
            for (int c = 0; c < n; c++) {
                final int cc = c;
                med[c] = a.isEmpty() ? 0 : quantile(a.stream().mapToDouble(x -> x[cc]).toArray(), 0.5);
            }
            picks[5] = CrossValidation.argmin(f);
            picks[6] = CrossValidation.argmin(g);
            picks[7] = CrossValidation.argmin(med);
            picks[8] = CrossValidation.argmin(win);
            picks[9] = CrossValidation.argmin(rank);
            picks[10] = CrossValidation.argmin(sum(per, 5, n));
            picks[11] = CrossValidation.argmin(sum(per, 6, n));
            double[] pooled = sum(per, 0, n);
            picks[12] = ses;
            picks[13] = ses;
            for (int c = 0; c < n; c++) {
                double mean = 0;
                double squares = 0;
                int better = 0;
                int worse = 0;
                for (double[] x : a) {
                    double d = x[c] - x[ses];
                    mean += d / a.size();
                    squares += d * d;
                    better += d < -1e-12 ? 1 : 0;
                    worse += d > 1e-12 ? 1 : 0;
                }
                double variance = (squares - a.size() * mean * mean) / (a.size() - 1);
                double t = variance > 0 ? mean / Math.sqrt(variance / a.size()) : 0;
                double z = better + worse == 0 ? 0 : (better - worse) / Math.sqrt(better + worse);
                picks[12] = t < -1.645 && pooled[c] < pooled[picks[12]] ? c : picks[12];
                picks[13] = z > 1.645 && pooled[c] < pooled[picks[13]] ? c : picks[13];
            }
            System.out.printf("%s, %d series: held-out sMSE / MASE sums of the candidate each rule picks%n", e.getKey(), e.getValue().size());
            for (int r = 0; r < RULES.length - 1; r++) {
                System.out.printf("  %-46s %-22s %12.2f %9.2f%n", RULES[r], cands.get(picks[r]).label(), smse[picks[r]], mase[picks[r]]);
                totals[r][0] += smse[picks[r]];
                totals[r][1] += mase[picks[r]];
            }
            System.out.printf("  %-46s %-22s %12.2f %9.2f%n", RULES[RULES.length - 1], "(each its own)", perSeriesChoice[0], perSeriesChoice[1]);
            totals[RULES.length - 1][0] += perSeriesChoice[0];
            totals[RULES.length - 1][1] += perSeriesChoice[1];
            int best = CrossValidation.argmin(smse);
            System.out.printf("  %-46s %-22s %12.2f %9.2f%n", "best on the held-out sMSE (oracle)", cands.get(best).label(), smse[best], mase[best]);
            totals[RULES.length][0] += smse[best];
            totals[RULES.length][1] += mase[best];
            totals[RULES.length + 1][0] += smse[ses];
            totals[RULES.length + 1][1] += mase[ses];
        }
        System.out.printf("%nclass policy chosen by each rule, held-out measures over %d series%n%-46s %9s %8s%n", scaled, "rule", "sMSE", "MASE");
        for (int r = 0; r < totals.length; r++) {
            String name = r < RULES.length ? RULES[r] : r == RULES.length ? "oracle (best on the held-out sMSE)" : "ses everywhere";
            System.out.printf("%-46s %9.4f %8.4f%n", name, totals[r][0] / scaled, totals[r][1] / scaled);
        }
    }

    private static double[] sum(List<double[][]> per, int rule, int n) {
        double[] total = new double[n];
        for (double[][] v : per) {
            for (int c = 0; c < n; c++) {
                total[c] += Double.isNaN(v[rule][c]) ? 0 : v[rule][c];
            }
        }
        return total;
    }

    static double quantile(double[] values, double p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return Quantiles.type7(sorted, p);
    }

    /** A candidate's forecast as the validation makes it: a member too short for the history stands in as naive. */
    static double[] point(Candidate candidate, double[] y, int period, int h) {
        Map<ForecastMethod, double[]> forecasts = new EnumMap<>(ForecastMethod.class);
        for (ForecastMethod m : candidate.members()) {
            forecasts.put(m, (y.length >= m.minimumObservations(period) ? m : ForecastMethod.NAIVE).point(y, period, h));
        }
        return candidate.fromMembers(forecasts, h);
    }

    /** One series' sMSE and MASE terms (as Accuracy), NaN when its in-sample naive error is zero. */
    static double[] score(double[] y, double[] actual, double[] forecast) {
        double naive = 0;
        double level = 0;
        for (int t = 0; t < y.length; t++) {
            level += y[t] / y.length;
            naive += t > 0 ? Math.abs(y[t] - y[t - 1]) / (y.length - 1) : 0;
        }
        if (naive <= 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double abs = 0;
        double sq = 0;
        for (int t = 0; t < actual.length; t++) {
            double e = actual[t] - forecast[t];
            abs += Math.abs(e) / actual.length;
            sq += e * e / actual.length;
        }
        return new double[] {sq / (level * level), abs / naive};
    }

    static List<S> onlineRetail() throws Exception {
        Map<String, Map<String, Double>> bySku = new TreeMap<>();
        TreeSet<String> weeks = new TreeSet<>();
        List<String> lines = Files.readAllLines(Path.of("../shared/data/online_retail/sku_weekly_demand.csv"));
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.replace("\"", "").split(",");
            weeks.add(c[1]);
            bySku.computeIfAbsent(c[0], k -> new HashMap<>()).put(c[1], Double.parseDouble(c[2]));
        }
        List<String> complete = new ArrayList<>(weeks);
        complete.remove(0);
        complete.remove(complete.size() - 1);
        int trainingWeeks = complete.size() - 8;
        List<S> out = new ArrayList<>();
        for (Map.Entry<String, Map<String, Double>> e : bySku.entrySet()) {
            double[] all = complete.stream().mapToDouble(w -> e.getValue().getOrDefault(w, 0.0)).toArray();
            int first = 0;
            while (first < trainingWeeks && all[first] <= 0) {
                first++;
            }
            if (trainingWeeks - first >= 13) {
                out.add(new S(e.getKey(), Arrays.copyOfRange(all, first, trainingWeeks), Arrays.copyOfRange(all, trainingWeeks, all.length)));
            }
        }
        return out;
    }

    static List<S> carparts(boolean subset) throws Exception {
        List<String[]> rows = Files.readAllLines(Path.of("../shared/data/carparts/carparts_wide.csv")).stream()
                .map(l -> l.replace("\"", "").split(",", -1)).toList();
        List<String> meta = Files.readAllLines(Path.of("../shared/data/carparts/carparts_meta.csv"));
        int flag = List.of(meta.get(0).replace("\"", "").split(",")).indexOf("subset1046");
        Set<String> ids = new HashSet<>();
        for (String r : meta.subList(1, meta.size())) {
            String[] c = r.replace("\"", "").split(",");
            if (c[flag].equals("TRUE")) {
                ids.add(c[0]);
            }
        }
        String[] header = rows.get(0);
        List<S> out = new ArrayList<>();
        for (int col = 1; col < header.length; col++) {
            double[] v = new double[rows.size() - 1];
            boolean complete = true;
            for (int r = 1; r < rows.size() && complete; r++) {
                String c = rows.get(r)[col];
                complete = !c.isEmpty() && !c.equals("NA");
                v[r - 1] = complete ? Double.parseDouble(c) : 0;
            }
            if (complete && (!subset || ids.contains(header[col]))) {
                out.add(new S(header[col], Arrays.copyOf(v, 45), Arrays.copyOfRange(v, 45, 51)));
            }
        }
        return out;
    }
}
