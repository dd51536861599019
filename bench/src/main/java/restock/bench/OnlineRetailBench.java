package restock.bench;

import restock.forecast.Accuracy;
import restock.forecast.Adida;
import restock.forecast.AutomaticChoice;
import restock.forecast.Candidate;
import restock.forecast.ForecastMethod;
import restock.forecast.SeriesProfile;
import restock.forecast.Ets;
import restock.planning.FillRateCalibration;
import restock.forecast.IntermittentForecasts;
import restock.forecast.Theta;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiFunction;

/**
 * Weekly demand of the UK online retailer (../shared/data/online_retail/sku_weekly_demand.csv): the first and last
 * weeks of the grid are partial and dropped; the last {@link #TEST_WEEKS} complete weeks are held out; each SKU's
 * history starts at its first sale (the grid is zero-filled from the global first week) and needs at least
 * {@link #MIN_TRAINING_WEEKS} weeks of it. Same measures and inventory view as the carparts benchmark; R's numbers come
 * from its forecasts of the same training series (tools/online_retail_r.sh), when given.
 */
final class OnlineRetailBench {
    static final int TEST_WEEKS = 8;
    static final int MIN_TRAINING_WEEKS = 13;
    /** Weeks in a year; above ETS's seasonal limit of 24, so every ETS form is non-seasonal here, as in R. */
    static final int PERIOD = 52;

    private OnlineRetailBench() {
    }

    /** A SKU's weekly history from its first sale: training weeks and the held-out weeks. */
    record Series(String sku, double[] training, double[] test) {
    }

    /** Accuracy per method and the inventory view rows. */
    record Results(int series, Map<String, Accuracy.Summary> accuracy, Map<String, Accuracy.Summary> r,
                   List<InventoryView.Row> inventory) {
    }

    static List<Series> load(Path weeklyCsv) throws IOException {
        Map<String, Map<String, Double>> bySku = new TreeMap<>();
        TreeSet<String> weeks = new TreeSet<>();
        List<String> lines = Files.readAllLines(weeklyCsv);
        if (lines.isEmpty() || !lines.get(0).replace("\"", "").equals("sku,week,units")) {
            throw new IllegalArgumentException(weeklyCsv + " must start with the header sku,week,units");
        }
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.replace("\"", "").split(",");
            weeks.add(cells[1]);
            bySku.computeIfAbsent(cells[0], key -> new HashMap<>()).put(cells[1], Double.parseDouble(cells[2]));
        }
        List<String> complete = new ArrayList<>(weeks);
        complete.remove(0); // the grid's first week starts before the first sale day
        complete.remove(complete.size() - 1); // and its last week ends after the last one
        int trainingWeeks = complete.size() - TEST_WEEKS;
        List<Series> series = new ArrayList<>();
        for (Map.Entry<String, Map<String, Double>> sku : bySku.entrySet()) {
            double[] all = complete.stream().mapToDouble(week -> sku.getValue().getOrDefault(week, 0.0)).toArray();
            int first = 0;
            while (first < trainingWeeks && all[first] <= 0) {
                first++;
            }
            if (trainingWeeks - first < MIN_TRAINING_WEEKS) {
                continue;
            }
            series.add(new Series(sku.getKey(), Arrays.copyOfRange(all, first, trainingWeeks), Arrays.copyOfRange(all, trainingWeeks, all.length)));
        }
        return series;
    }

    static Map<String, BiFunction<double[], Integer, double[]>> methods() {
        Map<String, BiFunction<double[], Integer, double[]>> methods = new LinkedHashMap<>();
        methods.put("zero", IntermittentForecasts::zero);
        methods.put("naive", IntermittentForecasts::naive);
        methods.put("mean", IntermittentForecasts::mean);
        methods.put("croston", (y, h) -> IntermittentForecasts.croston(y, h, IntermittentForecasts.CROSTON_ALPHA));
        methods.put("sba", (y, h) -> IntermittentForecasts.sba(y, h, IntermittentForecasts.CROSTON_ALPHA));
        methods.put("tsb", (y, h) -> IntermittentForecasts.tsb(y, h, IntermittentForecasts.TSB_ALPHA, IntermittentForecasts.TSB_BETA));
        methods.put("ses", (y, h) -> Ets.fit(y, PERIOD, Ets.Form.SES, Ets.Criterion.MSE).forecast(h));
        methods.put("ets", (y, h) -> Ets.automatic(y, PERIOD, Ets.Search.SCREENED).forecast(h));
        methods.put("theta", (y, h) -> Theta.predict(y, PERIOD, h).mean());
        methods.put("adida", Adida::forecast);
        return methods;
    }

    static Results run(Path data, Path rForecasts, PrintStream out) throws IOException {
        List<Series> series = load(data.resolve("sku_weekly_demand.csv"));
        out.printf("%nonline retail weekly demand: %d SKUs with %d+ weeks from their first sale, last %d complete weeks held out%n",
                series.size(), MIN_TRAINING_WEEKS, TEST_WEEKS);
        Map<String, BiFunction<double[], Integer, double[]>> methods = methods();
        AutomaticChoice.Policy policy = AutomaticChoice.learn(series.stream().map(Series::training).toList(), PERIOD, TEST_WEEKS);
        methods.put("auto", (y, h) -> policy.pointForecast(y, PERIOD, h));
        Map<String, Map<String, double[]>> rBySku = rForecasts == null ? Map.of() : readR(rForecasts);
        Map<String, Accuracy.Summary> theirs = new LinkedHashMap<>();
        Map<String, Accuracy.Summary> ours = accuracy(series, methods, rBySku, theirs, out);
        out.println("auto: one candidate per demand class, learned from the training weeks: " + policy.describe());
        List<InventoryView.Row> inventory = inventoryView(series, policy, rBySku, out);
        return new Results(series.size(), ours, theirs, inventory);
    }

    /**
     * Forecasts every series with each method and prints its measures, with R's beside where {@code rBySku} holds R's
     * forecasts of every series for that method (their measures go into {@code theirs}). Returns ours by method.
     */
    static Map<String, Accuracy.Summary> accuracy(List<Series> series, Map<String, BiFunction<double[], Integer, double[]>> methods,
                                                  Map<String, Map<String, double[]>> rBySku, Map<String, Accuracy.Summary> theirs,
                                                  PrintStream out) {
        out.printf("%-8s %8s %8s %8s %9s %8s %7s | %8s %8s %8s %9s %8s%n", "method", "MASE", "RMSSE", "sMSE", "sAPIS", "Σf/Σy", "s",
                "R MASE", "RMSSE", "sMSE", "sAPIS", "Σf/Σy");
        Map<String, Accuracy.Summary> ours = new LinkedHashMap<>();
        for (Map.Entry<String, BiFunction<double[], Integer, double[]>> method : methods.entrySet()) {
            long start = System.nanoTime();
            List<Accuracy.Case> cases = new ArrayList<>();
            for (Series s : series) {
                cases.add(new Accuracy.Case(s.training(), s.test(), method.getValue().apply(s.training(), TEST_WEEKS)));
            }
            Accuracy.Summary summary = Accuracy.summarize(cases);
            double seconds = (System.nanoTime() - start) / 1e9;
            ours.put(method.getKey(), summary);
            String rColumns = "";
            Map<String, double[]> r = rBySku.get(method.getKey());
            if (r != null && series.stream().allMatch(s -> r.containsKey(s.sku()))) {
                List<Accuracy.Case> rCases = series.stream().map(s -> new Accuracy.Case(s.training(), s.test(), r.get(s.sku()))).toList();
                Accuracy.Summary rs = Accuracy.summarize(rCases);
                theirs.put(method.getKey(), rs);
                rColumns = String.format("%8.4f %8.4f %8.4f %9.3f %8.3f", rs.mase(), rs.rmsse(), rs.smse(), rs.sapis(), rs.biasRatio());
            }
            out.printf("%-8s %8.4f %8.4f %8.4f %9.3f %8.3f %7.1f | %s%n", method.getKey(), summary.mase(), summary.rmsse(), summary.smse(),
                    summary.sapis(), summary.biasRatio(), seconds, rColumns);
        }
        return ours;
    }

    /** Series whose held-out differences {@link #byClass} sums to show how concentrated a class's difference is. */
    static final int LARGEST = 20;

    /**
     * Why {@code auto} is where it is: per demand pattern, every candidate's pooled rolling-origin validation error on
     * the training weeks (what {@link AutomaticChoice#learn} chooses on; {@code *} marks its choice) beside its
     * held-out sMSE and MASE summed over the pattern's series and divided by all series (so a column adds up, over the
     * patterns, to a policy's figure), and how much of the held-out sMSE difference between the choice and SES the
     * {@link #LARGEST} series with the largest differences make. Returns the held-out sMSE and MASE per pattern and
     * candidate label.
     */
    static Map<SeriesProfile.Pattern, Map<String, double[]>> byClass(Path data, PrintStream out) throws IOException {
        List<Series> series = load(data.resolve("sku_weekly_demand.csv"));
        Map<SeriesProfile.Pattern, List<Series>> byPattern = new EnumMap<>(SeriesProfile.Pattern.class);
        series.forEach(s -> byPattern.computeIfAbsent(SeriesProfile.of(s.training(), PERIOD).pattern(), key -> new ArrayList<>()).add(s));
        Map<SeriesProfile.Pattern, double[]> validation = AutomaticChoice.pooledErrors(series.stream().map(Series::training).toList(),
                PERIOD, TEST_WEEKS);
        Map<SeriesProfile.Pattern, Map<String, double[]>> heldOut = new EnumMap<>(SeriesProfile.Pattern.class);
        out.printf("online retail by demand pattern: %d SKUs; held-out sums divided by all %d series%n", series.size(), series.size());
        for (Map.Entry<SeriesProfile.Pattern, List<Series>> pattern : byPattern.entrySet()) {
            List<Candidate> candidates = AutomaticChoice.candidatesFor(pattern.getKey());
            double[] pooled = validation.getOrDefault(pattern.getKey(), new double[candidates.size()]);
            int chosen = 0;
            for (int c = 1; c < pooled.length; c++) {
                chosen = pooled[c] < pooled[chosen] - 1e-12 ? c : chosen;
            }
            out.printf("%s, %d series%n  %-22s %14s %9s %8s%n", pattern.getKey(), pattern.getValue().size(), "candidate",
                    "validation", "sMSE", "MASE");
            Map<String, double[]> measures = new LinkedHashMap<>();
            Map<String, List<Accuracy.Case>> cases = new LinkedHashMap<>();
            for (Candidate candidate : candidates) {
                List<Accuracy.Case> list = new ArrayList<>();
                for (Series s : pattern.getValue()) {
                    list.add(new Accuracy.Case(s.training(), s.test(), floored(pointOrNaive(candidate, s.training()))));
                }
                cases.put(candidate.label(), list);
            }
            for (int c = 0; c < candidates.size(); c++) {
                Accuracy.Summary summary = Accuracy.summarize(cases.get(candidates.get(c).label()));
                double share = (double) summary.scaledSeries() / series.size();
                double[] m = {summary.smse() * share, summary.mase() * share};
                measures.put(candidates.get(c).label(), m);
                out.printf("  %-22s %14.3f %9.4f %8.4f%s%n", candidates.get(c).label(), pooled[c], m[0], m[1], c == chosen ? "  *" : "");
            }
            heldOut.put(pattern.getKey(), measures);
            if (candidates.get(chosen).equals(Candidate.of(ForecastMethod.SES))) {
                continue;
            }
            List<Accuracy.Case> chosenCases = cases.get(candidates.get(chosen).label());
            List<Accuracy.Case> ses = cases.get(ForecastMethod.SES.label());
            double[] differences = new double[chosenCases.size()];
            for (int i = 0; i < differences.length; i++) {
                differences[i] = Accuracy.summarize(List.of(chosenCases.get(i))).smse() - Accuracy.summarize(List.of(ses.get(i))).smse();
            }
            double total = Arrays.stream(differences).filter(Double::isFinite).sum();
            double largest = Arrays.stream(differences).filter(Double::isFinite).boxed()
                    .sorted((a, b) -> Double.compare(Math.abs(b), Math.abs(a))).limit(LARGEST).mapToDouble(Double::doubleValue).sum();
            long better = Arrays.stream(differences).filter(d -> d < 0).count();
            out.printf("  held-out sMSE of %s minus ses, summed: %.1f, of which the %d largest: %.1f; %s better on %d of %d%n",
                    candidates.get(chosen).label(), total, LARGEST, largest, candidates.get(chosen).label(), better, differences.length);
        }
        return heldOut;
    }

    private static double[] pointOrNaive(Candidate candidate, double[] history) {
        // a combination leaves out members too short for the history itself; a single method that cannot forecast it
        // (seasonal naive needs a year) stands in as naive, as in the validation
        boolean usable = candidate instanceof Candidate.Combination || history.length >= candidate.members().get(0).minimumObservations(PERIOD);
        return (usable ? candidate : Candidate.of(ForecastMethod.NAIVE)).point(history, PERIOD, TEST_WEEKS);
    }

    private static double[] floored(double[] forecast) {
        return Arrays.stream(forecast).map(value -> Math.max(0, value)).toArray();
    }

    /** The inventory view: the last training weeks before the held-out ones are the backtest window. */
    private static List<InventoryView.Row> inventoryView(List<Series> series, AutomaticChoice.Policy policy,
                                                         Map<String, Map<String, double[]>> rBySku, PrintStream out) {
        List<InventoryView.Case> cases = series.stream().map(s -> {
            double[] y = s.training();
            // the backtest needs half the minimum training before its window
            java.util.Optional<double[]> before = y.length - TEST_WEEKS >= MIN_TRAINING_WEEKS / 2
                    ? java.util.Optional.of(Arrays.copyOf(y, y.length - TEST_WEEKS)) : java.util.Optional.empty();
            return new InventoryView.Case(s.sku(), before,
                    InventoryView.total(Arrays.copyOfRange(y, y.length - TEST_WEEKS, y.length)), y, InventoryView.total(s.test()));
        }).toList();
        Map<String, Map<String, Double>> rTotals = new LinkedHashMap<>();
        rBySku.forEach((method, bySku) -> {
            Map<String, Double> totals = new HashMap<>();
            bySku.forEach((sku, forecast) -> totals.put(sku, InventoryView.total(forecast)));
            rTotals.put(method, totals);
        });
        return InventoryView.run("online retail", cases, policy, PERIOD, TEST_WEEKS, rTotals, List.copyOf(rBySku.keySet()), out);
    }

    /** Writes the training series in the long format ../shared/tools/r_oracle_forecast.R reads. */
    static void exportTraining(Path data, Path target) throws IOException {
        List<Series> series = load(data.resolve("sku_weekly_demand.csv"));
        try (BufferedWriter writer = Files.newBufferedWriter(target)) {
            writer.write("series_id,t,value\n");
            for (Series s : series) {
                for (int t = 0; t < s.training().length; t++) {
                    writer.write(s.sku() + "," + (t + 1) + "," + s.training()[t] + "\n");
                }
            }
        }
    }

    /** R's forecasts (series_id, method, h, mean, ...) by method and SKU. */
    static Map<String, Map<String, double[]>> readR(Path file) throws IOException {
        Map<String, Map<String, double[]>> byMethod = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(file);
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.replace("\"", "").split(",");
            int h = Integer.parseInt(cells[2]);
            if (h > TEST_WEEKS) {
                continue;
            }
            double value = cells[3].equals("NA") ? Double.NaN : Double.parseDouble(cells[3]);
            byMethod.computeIfAbsent(cells[1], key -> new HashMap<>()).computeIfAbsent(cells[0], key -> new double[TEST_WEEKS])[h - 1] = value;
        }
        return byMethod;
    }
}
