package restock.bench;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import restock.forecast.Accuracy;
import restock.forecast.Adida;
import restock.forecast.AutomaticChoice;
import restock.forecast.Ets;
import restock.planning.FillRateCalibration;
import restock.forecast.ForecastMethod;
import restock.forecast.IntermittentForecasts;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;

/**
 * The forecast accuracy benchmark on the carparts data (R_BASELINE.md's protocol: train on 45 months, test on 6),
 * printed beside R's numbers from the same folder.
 */
@Command(name = "bench", description = "Benchmarks: 'forecast' runs the carparts accuracy benchmark.")
public final class BenchCommand implements Callable<Integer> {
    static final int TRAIN = 45;
    static final int HORIZON = 6;
    /** Months per year: the carparts series are monthly. */
    static final int PERIOD = 12;
    static final Map<String, BiFunction<double[], Integer, double[]>> METHODS = new LinkedHashMap<>();

    static {
        METHODS.put("zero", IntermittentForecasts::zero);
        METHODS.put("naive", IntermittentForecasts::naive);
        METHODS.put("mean", IntermittentForecasts::mean);
        METHODS.put("croston", (y, h) -> IntermittentForecasts.croston(y, h, IntermittentForecasts.CROSTON_ALPHA));
        METHODS.put("sba", (y, h) -> IntermittentForecasts.sba(y, h, IntermittentForecasts.CROSTON_ALPHA));
        METHODS.put("tsb", (y, h) -> IntermittentForecasts.tsb(y, h, IntermittentForecasts.TSB_ALPHA, IntermittentForecasts.TSB_BETA));
        METHODS.put("ses", (y, h) -> ForecastMethod.SES.predict(y, PERIOD, h, new SplittableRandom(1)).mean());
        METHODS.put("theta", (y, h) -> ForecastMethod.THETA.predict(y, PERIOD, h, new SplittableRandom(1)).mean());
        METHODS.put("adida", (y, h) -> Adida.forecast(y, h));
        METHODS.put("ets", (y, h) -> Ets.automatic(y, PERIOD).forecast(h));
        METHODS.put("auto-1", (y, h) -> AutomaticChoice.forecast(y, PERIOD, h).forecast());
    }


    @Parameters(index = "0", description = "Which benchmark: forecast or backorder-risk")
    String which;

    @Option(names = "--data", description = "The data folder. Default: ../shared/data/carparts or ../shared/data/kaggle_backorder_sample")
    Path data;

    @Option(names = "--threads", description = "ets-speed and m1: threads to forecast with (default 2, as R's run on 2 cores)")
    int threads = 2;

    @Option(names = "--half", description = "m1: only the series at even (0) or odd (1) positions, to check a rule on both halves")
    Integer half;

    @Option(names = "--r-forecasts", description = "online-retail: R's forecasts of the same training series (tools/online_retail_r.sh)")
    Path rForecasts;

    @Option(names = "--by-class", description = "online-retail: per demand pattern, every candidate's validation error and held-out measures")
    boolean byClass;

    @Option(names = "--export-training", description = "online-retail: write the training series for R instead of benchmarking")
    Path exportTraining;

    @Option(names = "--r-seconds", description = "ets-speed: R's time for the same work, to print the ratio (tools/ets_speed.sh measures it)")
    Double rSeconds;

    /** Repetitions after the first (cold) run of ets-speed; the best is reported beside the cold one. */
    static final int WARM_RUNS = 3;

    /**
     * Automatic ETS on every complete carparts series (first 45 months, h = 6), as tools/r_ets_timing.R does in R,
     * with the exhaustive search (R's) and the screened one: the cold first run (class loading and JIT included) and
     * the best of {@link #WARM_RUNS} warm runs of each. Returns screened cold, warm, exhaustive cold, warm.
     */
    static double[] etsSpeed(Path data, int threads, Double rSeconds, PrintStream out) throws IOException {
        if (threads < 1 || threads > MAX_THREADS) {
            throw new IllegalArgumentException("threads must be between 1 and " + MAX_THREADS + ", was " + threads);
        }
        List<double[]> training = completeSeries(data.resolve("carparts_wide.csv")).values().stream()
                .map(values -> java.util.Arrays.copyOf(values, TRAIN)).toList();
        java.util.concurrent.ForkJoinPool pool = new java.util.concurrent.ForkJoinPool(threads);
        try {
            double[] seconds = new double[4];
            int column = 0;
            for (Ets.Search search : List.of(Ets.Search.SCREENED, Ets.Search.EXHAUSTIVE)) { // screened first: its cold run is really cold
                double cold = timeEts(training, pool, search);
                double warm = Double.POSITIVE_INFINITY;
                for (int run = 0; run < WARM_RUNS; run++) {
                    warm = Math.min(warm, timeEts(training, pool, search));
                }
                out.printf("automatic ETS (%s) on %d series x 45 months, h = 6, %d threads: cold %.2f s, warm (best of %d) %.2f s%n",
                        search.name().toLowerCase(java.util.Locale.ROOT), training.size(), threads, cold, WARM_RUNS, warm);
                if (rSeconds != null) {
                    out.printf("  R forecast::ets, same series: %.1f s -> Restock/R = %.4f cold (%.2f%%), %.4f warm (%.2f%%)%n",
                            rSeconds, cold / rSeconds, 100 * cold / rSeconds, warm / rSeconds, 100 * warm / rSeconds);
                }
                seconds[column++] = cold;
                seconds[column++] = warm;
            }
            return seconds;
        } finally {
            pool.shutdown();
        }
    }

    private static double timeEts(List<double[]> training, java.util.concurrent.ForkJoinPool pool, Ets.Search search) {
        long start = System.nanoTime();
        double checksum = pool.submit(() -> training.parallelStream()
                .mapToDouble(y -> Ets.automatic(y, PERIOD, search).forecast(HORIZON)[0]).sum()).join();
        double seconds = (System.nanoTime() - start) / 1e9;
        if (!Double.isFinite(checksum)) {
            throw new IllegalStateException("ETS produced a non-finite forecast");
        }
        return seconds;
    }

    @Override
    public Integer call() throws IOException {
        switch (which) {
            case "forecast" -> {
                Path folder = folder("../shared/data/carparts");
                if (missing(folder.resolve("carparts_wide.csv"))) {
                    return 2;
                }
                run(folder, System.out);
            }
            case "ets-speed" -> {
                Path folder = folder("../shared/data/carparts");
                if (threads < 1 || threads > MAX_THREADS) {
                    System.err.println("--threads must be between 1 and " + MAX_THREADS + ", was " + threads);
                    return 2;
                }
                if (rSeconds != null && !(rSeconds > 0)) {
                    System.err.println("--r-seconds must be a positive number of seconds, was " + rSeconds);
                    return 2;
                }
                if (missing(folder.resolve("carparts_wide.csv"))) {
                    return 2;
                }
                etsSpeed(folder, threads, rSeconds, System.out);
            }
            case "online-retail" -> {
                Path folder = folder("../shared/data/online_retail");
                if (missing(folder.resolve("sku_weekly_demand.csv")) || rForecasts != null && missing(rForecasts)) {
                    return 2;
                }
                if (exportTraining != null) {
                    OnlineRetailBench.exportTraining(folder, exportTraining);
                    System.out.println("wrote the training series to " + exportTraining);
                } else if (byClass) {
                    OnlineRetailBench.byClass(folder, System.out);
                } else {
                    OnlineRetailBench.run(folder, rForecasts, System.out);
                }
            }
            case "m1" -> {
                Path folder = folder("../shared/data/m1");
                if (missing(folder.resolve("m1_train_long.csv"))) {
                    return 2;
                }
                if (threads < 1 || threads > MAX_THREADS) {
                    System.err.println("--threads must be between 1 and " + MAX_THREADS + ", was " + threads);
                    return 2;
                }
                if (half != null && half != 0 && half != 1) {
                    System.err.println("--half must be 0 (even positions) or 1 (odd positions), was " + half);
                    return 2;
                }
                M1Bench.run(folder, threads, java.util.Optional.ofNullable(half), System.out);
            }
            case "backorder-risk" -> {
                Path file = folder("../shared/data/kaggle_backorder_sample").resolve("kaggle_backorder_test_sample.csv");
                if (missing(file)) {
                    return 2;
                }
                BackorderRiskBench.run(file, System.out);
            }
            default -> {
                System.err.println("unknown benchmark '" + which + "'; try: forecast, ets-speed, online-retail, m1, backorder-risk");
                return 2;
            }
        }
        return 0;
    }

    /** Threads ets-speed accepts: the machines have 2 cores; more than this is a typo. */
    static final int MAX_THREADS = 64;

    private Path folder(String fallback) {
        return data == null ? Path.of(fallback) : data;
    }

    /** Says so on standard error when a benchmark's input file is not there. */
    private static boolean missing(Path file) {
        if (Files.isRegularFile(file)) {
            return false;
        }
        System.err.println(file + " not found; pass --data with the folder that holds it (the shared data sets are in ../shared/data)");
        return true;
    }

    /** A set of series: name, ids. */
    record SeriesSet(String name, String baselineFile, Set<String> ids) {
    }

    /** Accuracy per set and method, and the inventory view per set. */
    record ForecastResults(Map<String, Map<String, Accuracy.Summary>> accuracy, Map<String, List<InventoryView.Row>> inventory) {
    }

    static ForecastResults run(Path data, PrintStream out) throws IOException {
        return run(data, out, true);
    }

    /** With {@code allSeries} false only the 1,046-series subset is measured (the tests' shortened form). */
    static ForecastResults run(Path data, PrintStream out, boolean allSeries) throws IOException {
        Map<String, double[]> series = completeSeries(data.resolve("carparts_wide.csv"));
        Set<String> subset = subset1046(data.resolve("carparts_meta.csv"));
        Map<String, Map<String, Accuracy.Summary>> results = new LinkedHashMap<>();
        Map<String, List<InventoryView.Row>> inventory = new LinkedHashMap<>();
        List<SeriesSet> sets = List.of(new SeriesSet("1,046-series subset", "carparts_baseline_1046.csv", subset),
                new SeriesSet("all 2,509 complete series", "carparts_baseline_2509.csv", series.keySet()));
        for (SeriesSet set : allSeries ? sets : sets.subList(0, 1)) {
            Map<String, Map<String, String>> r = baseline(data.resolve(set.baselineFile()));
            out.printf("%n%s (train 45 months, test 6)%n", set.name());
            out.printf("%-8s %8s %8s %8s %8s %9s %9s %7s %s%n", "method", "MASE", "RMSSE", "sMSE", "sAPIS", "Σf/Σy", "R sMSE", "ms", "R MASE / RMSSE / sAPIS / Σf/Σy");
            Map<String, Accuracy.Summary> bySet = new LinkedHashMap<>();
            Map<String, BiFunction<double[], Integer, double[]>> methods = new LinkedHashMap<>(METHODS);
            long learnStart = System.nanoTime();
            AutomaticChoice.Policy policy = AutomaticChoice.learn(set.ids().stream()
                    .map(id -> java.util.Arrays.copyOf(series.get(id), TRAIN)).toList(), PERIOD, HORIZON);
            double learnMillis = (System.nanoTime() - learnStart) / 1e6;
            methods.put("auto", (y, h) -> policy.pointForecast(y, PERIOD, h));
            for (Map.Entry<String, BiFunction<double[], Integer, double[]>> method : methods.entrySet()) {
                long start = System.nanoTime();
                // Series in parallel (each forecast is pure; the list keeps the series' order, so the sums are the same).
                List<Accuracy.Case> cases = List.copyOf(set.ids()).parallelStream().map(id -> {
                    double[] all = series.get(id);
                    double[] training = java.util.Arrays.copyOf(all, TRAIN);
                    double[] actual = java.util.Arrays.copyOfRange(all, TRAIN, TRAIN + HORIZON);
                    return new Accuracy.Case(training, actual, method.getValue().apply(training, HORIZON));
                }).toList();
                Accuracy.Summary s = Accuracy.summarize(cases);
                double millis = (System.nanoTime() - start) / 1e6;
                Map<String, String> rRow = r.getOrDefault(method.getKey(), Map.of());
                out.printf("%-8s %8.4f %8.4f %8.4f %8.3f %9.3f %9s %7.1f %s / %s / %s / %s%n", method.getKey(), s.mase(), s.rmsse(), s.smse(),
                        s.sapis(), s.biasRatio(), short4(rRow.get("sMSE")), millis, short4(rRow.get("MASE")), short4(rRow.get("RMSSE")),
                        short4(rRow.get("sAPIS")), short4(rRow.get("bias_ratio")));
                bySet.put(method.getKey(), s);
            }
            out.printf("auto: one candidate per demand class, learned from the training months of this set in %.0f ms: %s%n",
                    learnMillis, policy.describe());
            out.println("auto-1: each series chosen on its own cross-validation errors");
            results.put(set.name(), bySet);
            inventory.put(set.name(), inventoryView(series, set, policy, data, out));
        }
        return new ForecastResults(results, inventory);
    }

    /** R's methods whose stock the inventory view compares at equal achieved fill rate. */
    static final List<String> R_METHODS = List.of("naive", "mean", "ses", "croston", "sba", "tsb", "ets", "arima");

    /** The inventory view on one set: the last 6 training months are the backtest window. */
    static List<InventoryView.Row> inventoryView(Map<String, double[]> series, SeriesSet set, AutomaticChoice.Policy policy, Path data,
                                                 PrintStream out) throws IOException {
        int backtestOrigin = TRAIN - HORIZON;
        List<InventoryView.Case> cases = set.ids().stream().sorted().map(id -> {
            double[] all = series.get(id);
            return new InventoryView.Case(id, java.util.Optional.of(java.util.Arrays.copyOf(all, backtestOrigin)),
                    InventoryView.total(java.util.Arrays.copyOfRange(all, backtestOrigin, TRAIN)), java.util.Arrays.copyOf(all, TRAIN),
                    InventoryView.total(java.util.Arrays.copyOfRange(all, TRAIN, TRAIN + HORIZON)));
        }).toList();
        return InventoryView.run(set.name(), cases, policy, PERIOD, HORIZON, rTotals(data, set), R_METHODS, out);
    }

    /** R's 6-month forecast totals per method and series, from the golden file, for the set's series. */
    private static Map<String, Map<String, Double>> rTotals(Path data, SeriesSet set) throws IOException {
        Map<String, Map<String, Double>> totals = new HashMap<>();
        List<String> lines = Files.readAllLines(data.resolve("r_forecasts_h6.csv"));
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.replace("\"", "").split(",");
            if (set.ids().contains(cells[1])) {
                totals.computeIfAbsent(cells[0], key -> new HashMap<>()).merge(cells[1], Double.parseDouble(cells[3]), Double::sum);
            }
        }
        return totals;
    }

    private static String short4(String value) {
        return value == null ? "-" : String.format("%.4f", Double.parseDouble(value));
    }

    static Map<String, double[]> completeSeries(Path wide) throws IOException {
        List<String[]> rows = Files.readAllLines(wide).stream().map(line -> line.replace("\"", "").split(",", -1)).toList();
        String[] header = rows.get(0);
        Map<String, double[]> series = new HashMap<>();
        for (int column = 1; column < header.length; column++) {
            double[] values = new double[rows.size() - 1];
            boolean complete = true;
            for (int row = 1; row < rows.size() && complete; row++) {
                String cell = rows.get(row)[column];
                complete = !cell.isEmpty() && !cell.equals("NA");
                values[row - 1] = complete ? Double.parseDouble(cell) : 0;
            }
            if (complete) {
                series.put(header[column], values);
            }
        }
        return series;
    }

    static Set<String> subset1046(Path meta) throws IOException {
        List<String> rows = Files.readAllLines(meta);
        List<String> header = List.of(rows.get(0).replace("\"", "").split(","));
        int flag = header.indexOf("subset1046");
        Set<String> ids = new HashSet<>();
        for (String row : rows.subList(1, rows.size())) {
            String[] cells = row.replace("\"", "").split(",");
            if (cells[flag].equals("TRUE")) {
                ids.add(cells[0]);
            }
        }
        return ids;
    }

    static Map<String, Map<String, String>> baseline(Path file) throws IOException {
        List<String> rows = Files.readAllLines(file);
        String[] header = rows.get(0).replace("\"", "").split(",");
        Map<String, Map<String, String>> byMethod = new HashMap<>();
        for (String row : rows.subList(1, rows.size())) {
            String[] cells = row.replace("\"", "").split(",");
            Map<String, String> values = new HashMap<>();
            for (int i = 0; i < header.length && i < cells.length; i++) {
                values.put(header[i], cells[i]);
            }
            byMethod.put(cells[0], values);
        }
        return byMethod;
    }
}
