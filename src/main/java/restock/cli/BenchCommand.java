package restock.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import restock.planning.Accuracy;
import restock.planning.AutomaticChoice;
import restock.planning.IntermittentForecasts;

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
    static final Map<String, BiFunction<double[], Integer, double[]>> METHODS = new LinkedHashMap<>();

    static {
        METHODS.put("zero", IntermittentForecasts::zero);
        METHODS.put("naive", IntermittentForecasts::naive);
        METHODS.put("mean", IntermittentForecasts::mean);
        METHODS.put("croston", (y, h) -> IntermittentForecasts.croston(y, h, IntermittentForecasts.CROSTON_ALPHA));
        METHODS.put("sba", (y, h) -> IntermittentForecasts.sba(y, h, IntermittentForecasts.CROSTON_ALPHA));
        METHODS.put("tsb", (y, h) -> IntermittentForecasts.tsb(y, h, IntermittentForecasts.TSB_ALPHA, IntermittentForecasts.TSB_BETA));
        METHODS.put("auto", (y, h) -> AutomaticChoice.forecast(y, h).forecast());
    }

    @Parameters(index = "0", description = "Which benchmark: forecast or backorder-risk")
    String which;

    @Option(names = "--data", description = "The data folder. Default: ../shared/data/carparts or ../shared/data/kaggle_backorder_sample")
    Path data;

    @Override
    public Integer call() throws IOException {
        switch (which) {
            case "forecast" -> run(data == null ? Path.of("../shared/data/carparts") : data, System.out);
            case "backorder-risk" -> BackorderRiskBench.run((data == null ? Path.of("../shared/data/kaggle_backorder_sample") : data)
                    .resolve("kaggle_backorder_test_sample.csv"), System.out);
            default -> {
                System.err.println("unknown benchmark '" + which + "'; try: forecast, backorder-risk");
                return 2;
            }
        }
        return 0;
    }

    /** A set of series: name, ids. */
    record SeriesSet(String name, String baselineFile, Set<String> ids) {
    }

    static Map<String, Map<String, Accuracy.Summary>> run(Path data, PrintStream out) throws IOException {
        Map<String, double[]> series = completeSeries(data.resolve("carparts_wide.csv"));
        Set<String> subset = subset1046(data.resolve("carparts_meta.csv"));
        Map<String, Map<String, Accuracy.Summary>> results = new LinkedHashMap<>();
        for (SeriesSet set : List.of(new SeriesSet("1,046-series subset", "carparts_baseline_1046.csv", subset),
                new SeriesSet("all 2,509 complete series", "carparts_baseline_2509.csv", series.keySet()))) {
            Map<String, Map<String, String>> r = baseline(data.resolve(set.baselineFile()));
            out.printf("%n%s (train 45 months, test 6)%n", set.name());
            out.printf("%-8s %8s %8s %8s %8s %9s %9s %7s %s%n", "method", "MASE", "RMSSE", "sMSE", "sAPIS", "Σf/Σy", "R sMSE", "ms", "R MASE / RMSSE / sAPIS / Σf/Σy");
            Map<String, Accuracy.Summary> bySet = new LinkedHashMap<>();
            for (Map.Entry<String, BiFunction<double[], Integer, double[]>> method : METHODS.entrySet()) {
                long start = System.nanoTime();
                List<Accuracy.Case> cases = new ArrayList<>();
                for (String id : set.ids()) {
                    double[] all = series.get(id);
                    double[] training = java.util.Arrays.copyOf(all, TRAIN);
                    double[] actual = java.util.Arrays.copyOfRange(all, TRAIN, TRAIN + HORIZON);
                    cases.add(new Accuracy.Case(training, actual, method.getValue().apply(training, HORIZON)));
                }
                Accuracy.Summary s = Accuracy.summarize(cases);
                double millis = (System.nanoTime() - start) / 1e6;
                Map<String, String> rRow = r.getOrDefault(method.getKey(), Map.of());
                out.printf("%-8s %8.4f %8.4f %8.4f %8.3f %9.3f %9s %7.1f %s / %s / %s / %s%n", method.getKey(), s.mase(), s.rmsse(), s.smse(),
                        s.sapis(), s.biasRatio(), short4(rRow.get("sMSE")), millis, short4(rRow.get("MASE")), short4(rRow.get("RMSSE")),
                        short4(rRow.get("sAPIS")), short4(rRow.get("bias_ratio")));
                bySet.put(method.getKey(), s);
            }
            results.put(set.name(), bySet);
            inventoryView(series, set, data, out);
        }
        return results;
    }

    /** Fill-rate targets for the inventory view. */
    static final double[] FILL_TARGETS = {0.80, 0.90, 0.95, 0.99};

    /** Stock each series for the 6 test months to each fill-rate target; print achieved fill and excess. */
    static Map<Double, double[]> inventoryView(Map<String, double[]> series, SeriesSet set, Path data, PrintStream out) throws IOException {
        out.printf("inventory view, %s: stock for the 6 test months to a fill-rate target (bootstrap of the last 12 months)%n", set.name());
        out.printf("%-8s %10s %10s%n", "target", "achieved", "excess");
        Map<Double, double[]> view = new LinkedHashMap<>();
        for (double target : FILL_TARGETS) {
            double met = 0, demanded = 0, excess = 0;
            for (String id : set.ids()) {
                double[] all = series.get(id);
                double stock = restock.planning.StockForTarget.stock(java.util.Arrays.copyOf(all, TRAIN), HORIZON, target, id.hashCode());
                double actual = 0;
                for (int m = TRAIN; m < TRAIN + HORIZON; m++) {
                    actual += all[m];
                }
                met += Math.min(stock, actual);
                demanded += actual;
                excess += Math.max(stock - actual, 0);
            }
            view.put(target, new double[] {met / demanded, excess / demanded});
            out.printf("%-8.2f %10.3f %10.3f%n", target, met / demanded, excess / demanded);
        }
        out.println("R (point forecasts stocked, no safety stock): " + rInventory(data, set));
        return view;
    }

    private static String rInventory(Path data, SeriesSet set) throws IOException {
        String key = set.baselineFile().contains("1046") ? "1046" : "2509";
        StringBuilder line = new StringBuilder();
        for (String row : Files.readAllLines(data.resolve("carparts_inventory_view.csv")).subList(1, 19)) {
            String[] cells = row.replace("\"", "").split(",");
            if (cells[0].equals(key) && !cells[1].equals("zero")) {
                line.append(String.format("%s fill %.3f excess %.3f; ", cells[1], Double.parseDouble(cells[4]), Double.parseDouble(cells[5])));
            }
        }
        return line.toString();
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
