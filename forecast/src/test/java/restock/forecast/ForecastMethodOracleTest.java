package restock.forecast;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Point forecasts and 80%/95% intervals of the methods with an error model against R's forecast 8.20 on 40 carparts
 * series (src/test/resources/carparts: 45 months each, h = 1..6, made by ../shared/tools/r_oracle_forecast.R).
 */
class ForecastMethodOracleTest {
    private static final int HORIZON = 6;
    private static final int PERIOD = 12;

    /** How close each method must come: exact formulas to 1e-9, estimated ones to the optimiser's noise. */
    private static final Map<String, Double> TOLERANCE = Map.of(
            "naive", 1e-9, "snaive", 1e-9, "ses", 1e-6, "holt", 1e-6, "damped", 1e-6, "hw", 1e-6, "theta", 1e-6, "ets", 1e-6);

    @Test
    void methods_with_error_models_reproduce_r_forecasts_and_intervals() throws IOException {
        Map<String, double[]> training = training();
        Map<String, Map<String, double[][]>> expected = expected();
        Map<String, Integer> worseThanTolerance = new TreeMap<>();
        Map<String, Double> worst = new TreeMap<>();
        int compared = 0;
        for (Map.Entry<String, Map<String, double[][]>> bySeries : expected.entrySet()) {
            double[] history = training.get(bySeries.getKey());
            for (Map.Entry<String, double[][]> byMethod : bySeries.getValue().entrySet()) {
                String method = byMethod.getKey();
                Prediction p = ForecastMethod.byLabel(method).orElseThrow().predict(history, PERIOD, HORIZON, new SplittableRandom(1));
                double[][] ours = {p.mean(), p.band80().lower(), p.band80().upper(), p.band95().lower(), p.band95().upper()};
                double tolerance = TOLERANCE.getOrDefault(method, 1e-3);
                for (int column = 0; column < 5; column++) {
                    for (int h = 0; h < HORIZON; h++) {
                        double r = byMethod.getValue()[column][h];
                        double difference = Math.abs(ours[column][h] - r) / Math.max(1, Math.abs(r));
                        worst.merge(method, difference, Math::max);
                        if (difference > tolerance) {
                            worseThanTolerance.merge(method + " " + bySeries.getKey(), 1, Integer::sum);
                        }
                        compared++;
                    }
                }
            }
        }
        System.out.println("oracle comparison, largest relative difference per method: " + worst);
        assertThat(compared).isEqualTo(40 * 9 * 5 * HORIZON);
        assertThat(worseThanTolerance).isEmpty();
    }

    private static Map<String, double[]> training() throws IOException {
        Map<String, List<Double>> values = new LinkedHashMap<>();
        for (String[] cells : rows("/carparts/oracle_training.csv")) {
            values.computeIfAbsent(cells[0], key -> new ArrayList<>()).add(Double.parseDouble(cells[2]));
        }
        Map<String, double[]> series = new LinkedHashMap<>();
        values.forEach((id, list) -> series.put(id, list.stream().mapToDouble(Double::doubleValue).toArray()));
        return series;
    }

    /** series -> method -> [mean, lo80, hi80, lo95, hi95][h]. */
    private static Map<String, Map<String, double[][]>> expected() throws IOException {
        Map<String, Map<String, double[][]>> expected = new LinkedHashMap<>();
        for (String[] cells : rows("/carparts/oracle_r_forecasts.csv")) {
            double[][] table = expected.computeIfAbsent(cells[0], key -> new LinkedHashMap<>())
                    .computeIfAbsent(cells[1], key -> new double[5][HORIZON]);
            int h = Integer.parseInt(cells[2]) - 1;
            for (int column = 0; column < 5; column++) {
                table[column][h] = Double.parseDouble(cells[3 + column]);
            }
        }
        return expected;
    }

    private static List<String[]> rows(String resource) throws IOException {
        try (InputStream in = ForecastMethodOracleTest.class.getResourceAsStream(resource)) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            List<String[]> rows = new ArrayList<>();
            for (int i = 1; i < lines.length; i++) {
                rows.add(lines[i].replace("\"", "").trim().split(","));
            }
            return rows;
        }
    }
}
