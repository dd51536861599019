package restock.forecast;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The deterministic methods reproduce R's forecast 8.20 to 1e-9 on every carparts series of the golden file
 * (../shared/data/carparts/r_forecasts_h6.csv: the 2,509 complete series, trained on 45 months, h = 1..6).
 */
class GoldenForecastTest {
    private static final Path DATA = Path.of("..", "shared", "data", "carparts");
    private static final int TRAIN = 45;
    private static final int HORIZON = 6;
    private static final double TOLERANCE = 1e-9;

    @Test
    void zero_naive_mean_croston_sba_and_tsb_match_r_to_1e_9() throws IOException {
        assumeTrue(Files.exists(DATA.resolve("r_forecasts_h6.csv")), "../shared/data/carparts is not beside the project");
        Map<String, double[]> training = training();
        Map<String, BiFunction<double[], Integer, double[]>> methods = Map.of(
                "zero", IntermittentForecasts::zero,
                "naive", IntermittentForecasts::naive,
                "mean", IntermittentForecasts::mean,
                "croston", (y, h) -> IntermittentForecasts.croston(y, h, IntermittentForecasts.CROSTON_ALPHA),
                "sba", (y, h) -> IntermittentForecasts.sba(y, h, IntermittentForecasts.CROSTON_ALPHA),
                "tsb", (y, h) -> IntermittentForecasts.tsb(y, h, IntermittentForecasts.TSB_ALPHA, IntermittentForecasts.TSB_BETA));
        Map<String, Integer> compared = new HashMap<>();
        double worst = 0;
        List<String> mismatches = new ArrayList<>();
        Map<String, double[]> cache = new HashMap<>();
        List<String> golden = Files.readAllLines(DATA.resolve("r_forecasts_h6.csv"));
        for (String line : golden.subList(1, golden.size())) {
            String[] cells = line.replace("\"", "").split(",");
            String method = cells[0];
            if (!methods.containsKey(method)) {
                continue;
            }
            String series = cells[1];
            int step = Integer.parseInt(cells[2]);
            double expected = Double.parseDouble(cells[3]);
            double[] forecast = cache.computeIfAbsent(method + "/" + series, key -> methods.get(method).apply(training.get(series), HORIZON));
            double difference = Math.abs(forecast[step - 1] - expected);
            worst = Math.max(worst, difference);
            if (difference > TOLERANCE && mismatches.size() < 10) {
                mismatches.add(method + " " + series + " h=" + step + ": R " + expected + ", Restock " + forecast[step - 1]);
            }
            compared.merge(method, 1, Integer::sum);
        }
        assertThat(mismatches).isEmpty();
        assertThat(compared).containsOnlyKeys(methods.keySet()).allSatisfy((method, count) -> assertThat(count).isEqualTo(2_509 * HORIZON));
        assertThat(worst).isLessThanOrEqualTo(TOLERANCE);
        System.out.printf("golden forecasts: %d values compared, largest difference from R %.3g%n",
                compared.values().stream().mapToInt(Integer::intValue).sum(), worst);
    }

    /** All 51 months of every complete series. */
    static Map<String, double[]> training51() throws IOException {
        return complete(51);
    }

    /** The first 45 months of every complete series. */
    static Map<String, double[]> training() throws IOException {
        return complete(TRAIN);
    }

    private static Map<String, double[]> complete(int months) throws IOException {
        List<String[]> rows = Files.readAllLines(DATA.resolve("carparts_wide.csv")).stream()
                .map(line -> line.replace("\"", "").split(",", -1)).toList();
        String[] header = rows.get(0);
        Map<String, double[]> series = new HashMap<>();
        for (int column = 1; column < header.length; column++) {
            double[] values = new double[rows.size() - 1];
            boolean complete = true;
            for (int row = 1; row < rows.size(); row++) {
                String cell = rows.get(row)[column];
                if (cell.isEmpty() || cell.equals("NA")) {
                    complete = false;
                    break;
                }
                values[row - 1] = Double.parseDouble(cell);
            }
            if (complete) {
                series.put(header[column], java.util.Arrays.copyOf(values, months));
            }
        }
        return series;
    }
}
