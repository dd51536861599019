package restock.bench;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import restock.forecast.AutomaticChoice;
import restock.forecast.ForecastMethod;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Function;

/**
 * The M1 competition's 1,001 yearly, quarterly and monthly series (../shared/data/m1): each series forecast from its
 * training part with its frequency, h steps ahead; sMAPE and MASE (scaled by the in-sample seasonal naive) per period
 * class, for every registered method for ordinary series and for {@code auto}, beside R's figures from the same folder.
 */
final class M1Bench {
    /** The period classes, in the README's order. */
    static final List<String> CLASSES = List.of("YEARLY", "QUARTERLY", "MONTHLY");
    /** The registered methods measured (every method meant for any series or a seasonal one). */
    static final List<ForecastMethod> METHODS = List.of(ForecastMethod.NAIVE, ForecastMethod.SNAIVE, ForecastMethod.SES,
            ForecastMethod.THETA, ForecastMethod.ETS, ForecastMethod.DAMPED, ForecastMethod.ADJUSTED_ETS, ForecastMethod.COMBO);
    /** R's method names in m1_r_reference.csv for ours. */
    static final Map<String, String> R_NAMES = Map.of("naive", "naive", "snaive", "snaive", "ses", "ses", "theta", "theta", "ets", "ets");

    private M1Bench() {
    }

    /** One series: its class, frequency, training part and test part. */
    record Series(String id, String periodClass, int frequency, double[] training, double[] test) {
    }

    /** Mean sMAPE and MASE of one method per class and overall ("ALL"), its wall time and the CPU time of its threads. */
    record Score(Map<String, Double> smape, Map<String, Double> mase, double seconds, double cpuSeconds) {
    }

    static List<Series> load(Path folder) throws IOException {
        Map<String, List<Double>> training = longFormat(folder.resolve("m1_train_long.csv"));
        Map<String, List<Double>> test = longFormat(folder.resolve("m1_test_long.csv"));
        List<Series> series = new ArrayList<>();
        for (CSVRecord row : records(folder.resolve("m1_meta.csv"))) {
            String id = row.get("series_id");
            int h = Integer.parseInt(row.get("h"));
            double[] actual = test.get(id).stream().mapToDouble(Double::doubleValue).toArray();
            if (actual.length != h) {
                throw new IllegalArgumentException("M1 series " + id + " has " + actual.length + " test values, its h is " + h);
            }
            series.add(new Series(id, row.get("period"), Integer.parseInt(row.get("frequency")),
                    training.get(id).stream().mapToDouble(Double::doubleValue).toArray(), actual));
        }
        return series;
    }

    private static Map<String, List<Double>> longFormat(Path file) throws IOException {
        Map<String, List<Double>> bySeries = new LinkedHashMap<>();
        for (CSVRecord row : records(file)) {
            List<Double> values = bySeries.computeIfAbsent(row.get("series_id"), key -> new ArrayList<>());
            if (Integer.parseInt(row.get("t")) != values.size() + 1) {
                throw new IllegalArgumentException(file + ": series " + row.get("series_id") + " is not in t order at t = " + row.get("t"));
            }
            values.add(Double.parseDouble(row.get("value")));
        }
        return bySeries;
    }

    private static List<CSVRecord> records(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file);
             CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
            return parser.getRecords();
        }
    }

    /** Mean over the horizon of 200 |y - f| / (|y| + |f|). */
    static double smape(double[] actual, double[] forecast) {
        double sum = 0;
        for (int h = 0; h < actual.length; h++) {
            double denominator = Math.abs(actual[h]) + Math.abs(forecast[h]);
            sum += denominator == 0 ? 0 : 200 * Math.abs(actual[h] - forecast[h]) / denominator;
        }
        return sum / actual.length;
    }

    /** Mean absolute error over the in-sample mean absolute seasonal-naive error (lag = frequency; lag 1 when too short). */
    static double mase(double[] training, double[] actual, double[] forecast, int frequency) {
        int lag = training.length > frequency ? frequency : 1;
        double scale = 0;
        for (int t = lag; t < training.length; t++) {
            scale += Math.abs(training[t] - training[t - lag]);
        }
        scale /= training.length - lag;
        double error = 0;
        for (int h = 0; h < actual.length; h++) {
            error += Math.abs(actual[h] - forecast[h]);
        }
        return scale == 0 ? Double.NaN : error / actual.length / scale;
    }

    /** Forecasts every series with {@code method} on {@code threads} threads and scores it. */
    static Score score(List<Series> series, Function<Series, double[]> method, int threads) {
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            java.lang.management.ThreadMXBean threadsBean = java.lang.management.ManagementFactory.getThreadMXBean();
            java.util.concurrent.atomic.LongAdder cpuNanos = new java.util.concurrent.atomic.LongAdder();
            long start = System.nanoTime();
            List<double[]> forecasts = pool.submit(() -> series.parallelStream().map(s -> {
                long cpuStart = threadsBean.getCurrentThreadCpuTime();
                double[] forecast = method.apply(s);
                cpuNanos.add(threadsBean.getCurrentThreadCpuTime() - cpuStart);
                return forecast;
            }).toList()).join();
            double seconds = (System.nanoTime() - start) / 1e9;
            Map<String, double[]> sums = new LinkedHashMap<>(); // class -> smape sum, mase sum, count, mase count
            for (int i = 0; i < series.size(); i++) {
                Series s = series.get(i);
                double smape = smape(s.test(), forecasts.get(i));
                double mase = mase(s.training(), s.test(), forecasts.get(i), s.frequency());
                for (String key : List.of("ALL", s.periodClass())) {
                    double[] sum = sums.computeIfAbsent(key, k -> new double[4]);
                    sum[0] += smape;
                    sum[2]++;
                    if (Double.isFinite(mase)) {
                        sum[1] += mase;
                        sum[3]++;
                    }
                }
            }
            Map<String, Double> smape = new LinkedHashMap<>();
            Map<String, Double> mase = new LinkedHashMap<>();
            sums.forEach((key, sum) -> {
                smape.put(key, sum[0] / sum[2]);
                mase.put(key, sum[1] / sum[3]);
            });
            return new Score(smape, mase, seconds, cpuNanos.sum() / 1e9);
        } finally {
            pool.shutdown();
        }
    }

    /** The methods measured, by printed name: the registry's, then auto and the per-series validated choice. */
    static Map<String, Function<Series, double[]>> methods() {
        Map<String, Function<Series, double[]>> methods = new LinkedHashMap<>();
        for (ForecastMethod method : METHODS) {
            methods.put(method.label(), s -> method.point(s.training(), s.frequency(), s.test().length));
        }
        methods.put("auto", s -> AutomaticChoice.pointForecast(s.training(), s.frequency(), s.test().length));
        methods.put("auto-cv", s -> AutomaticChoice.validated(s.training(), s.frequency(), s.test().length,
                        AutomaticChoice.SMOOTH_CANDIDATES, AutomaticChoice.MAX_SMOOTH_ORIGINS)
                .orElse(AutomaticChoice.SMOOTH_DEFAULT).point(s.training(), s.frequency(), s.test().length));
        return methods;
    }

    /** R's reference: method -> column (all, yearly, quarterly, monthly, seconds) -> value. */
    static Map<String, Map<String, Double>> reference(Path folder) throws IOException {
        Map<String, Map<String, Double>> byMethod = new LinkedHashMap<>();
        for (CSVRecord row : records(folder.resolve("m1_r_reference.csv"))) {
            Map<String, Double> values = new LinkedHashMap<>();
            for (String column : List.of("all", "yearly", "quarterly", "monthly", "seconds")) {
                values.put(column, Double.parseDouble(row.get(column)));
            }
            byMethod.put(row.get("method"), values);
        }
        return byMethod;
    }

    /**
     * Runs the benchmark on every series, or with {@code half} 0 or 1 on the series at even or odd positions of the
     * meta file only: a rule chosen on the whole of M1 is checked on both halves, to see it is not fitted to noise.
     */
    static Map<String, Score> run(Path folder, int threads, java.util.Optional<Integer> half, PrintStream out) throws IOException {
        List<Series> all = load(folder);
        List<Series> series = half.map(parity -> java.util.stream.IntStream.range(0, all.size())
                .filter(i -> i % 2 == parity).mapToObj(all::get).toList()).orElse(all);
        Map<String, Map<String, Double>> r = reference(folder);
        out.printf("M1: %d series (%s), %d threads; sMAPE, then MASE (scaled by the in-sample seasonal naive)%n", series.size(),
                CLASSES.stream().map(c -> series.stream().filter(s -> s.periodClass().equals(c)).count() + " " + c.toLowerCase()).toList(),
                threads);
        out.printf("%-13s %7s %7s %9s %7s | %6s %6s %9s %7s | %7s %7s | %s%n", "method", "all", "yearly", "quarterly", "monthly",
                "MASE", "yearly", "quarterly", "monthly", "wall s", "CPU s", "R sMAPE all / yearly / quarterly / monthly");
        Map<String, Score> scores = new LinkedHashMap<>();
        for (Map.Entry<String, Function<Series, double[]>> method : methods().entrySet()) {
            Score score = score(series, method.getValue(), threads);
            scores.put(method.getKey(), score);
            Map<String, Double> rRow = r.get(R_NAMES.get(method.getKey()));
            out.printf("%-13s %7.2f %7.2f %9.2f %7.2f | %6.3f %6.3f %9.3f %7.3f | %7.2f %7.2f | %s%n", method.getKey(),
                    score.smape().get("ALL"), score.smape().get("YEARLY"), score.smape().get("QUARTERLY"), score.smape().get("MONTHLY"),
                    score.mase().get("ALL"), score.mase().get("YEARLY"), score.mase().get("QUARTERLY"), score.mase().get("MONTHLY"),
                    score.seconds(), score.cpuSeconds(), rRow == null ? "-" : String.format("%.2f / %.2f / %.2f / %.2f", rRow.get("all"), rRow.get("yearly"),
                            rRow.get("quarterly"), rRow.get("monthly")));
        }
        if (half.isEmpty()) {
            printTargets(scores.get("auto"), r, out);
        }
        return scores;
    }

    /** The targets: auto at least as accurate as the best of R's thetaf and ets, never worse than naive. */
    private static void printTargets(Score auto, Map<String, Map<String, Double>> r, PrintStream out) {
        for (String column : List.of("all", "yearly", "quarterly", "monthly")) {
            double best = Math.min(r.get("theta").get(column), r.get("ets").get(column));
            double ours = auto.smape().get(column.equals("all") ? "ALL" : column.toUpperCase());
            double naive = r.get("naive").get(column);
            out.printf("target %-9s auto %.2f vs best of R thetaf/ets %.2f: %s; vs R naive %.2f: %s%n", column, ours, best,
                    ours <= best ? "met" : "MISSED", naive, ours <= naive ? "met" : "MISSED");
        }
        out.printf("target speed: auto on all series in %.2f s wall, %.2f s CPU over its threads: %s%n", auto.seconds(), auto.cpuSeconds(),
                auto.seconds() < 10 ? "met (< 10 s)" : "MISSED on the wall clock");
    }
}
