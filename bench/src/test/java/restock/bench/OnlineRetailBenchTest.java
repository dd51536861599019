package restock.bench;

import org.junit.jupiter.api.Tag;
import restock.support.SharedData;
import org.junit.jupiter.api.Test;
import restock.forecast.Accuracy;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The online-retail weekly benchmark gives, for every method R also ran, R's own accuracy measures
 * (src/test/resources/online_retail/r_measures.csv, from R's forecasts of the same 3,528 training series).
 */
class OnlineRetailBenchTest {
    private static final Path DATA = Path.of("..", "shared", "data", "online_retail");

    /**
     * The normal suite's form: only the methods R ran are forecast, on all 3,528 series. Learning {@code auto}'s
     * class policy (rolling-origin validation of 16 candidates on every series) took most of the whole benchmark's
     * time, and nothing here is compared with it; the long form runs the whole benchmark.
     */
    @Test
    void every_method_r_also_ran_scores_as_r_did_on_the_held_out_weeks() throws Exception {
        SharedData.require(DATA.resolve("sku_weekly_demand.csv"));
        List<OnlineRetailBench.Series> series = OnlineRetailBench.load(DATA.resolve("sku_weekly_demand.csv"));
        assertThat(series).hasSize(3_528);
        List<String[]> rRows = rMeasures();
        Map<String, BiFunction<double[], Integer, double[]>> methods = new LinkedHashMap<>();
        rRows.forEach(row -> methods.put(row[0], OnlineRetailBench.methods().get(row[0])));
        assertThat(methods.values()).as("every method in R's table is one of the benchmark's").doesNotContainNull();
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Map<String, Accuracy.Summary> ours = OnlineRetailBench.accuracy(series, methods, Map.of(), new LinkedHashMap<>(),
                new PrintStream(printed, true, StandardCharsets.UTF_8));
        assertThat(ours.keySet()).containsExactlyElementsOf(methods.keySet());
        checkAgainstR(ours, rRows);
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("sMSE").contains("theta");
    }

    /** The long form (mvn verify -Plong-tests): the whole benchmark, auto and the inventory view included. */
    @Test
    @Tag("long")
    void the_whole_benchmark_scores_r_s_methods_as_r_did_and_prints_the_inventory_view() throws Exception {
        SharedData.require(DATA.resolve("sku_weekly_demand.csv"));
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        OnlineRetailBench.Results results = OnlineRetailBench.run(DATA, null, new PrintStream(printed, true, StandardCharsets.UTF_8));
        assertThat(results.series()).isEqualTo(3_528);
        checkAgainstR(results.accuracy(), rMeasures());
        assertThat(results.accuracy()).containsKeys("adida", "auto");
        assertThat(results.inventory()).hasSize(4);
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("3528 SKUs").contains("inventory view");
    }

    /** R's rows (method, series, MASE, RMSSE, sMSE, sAPIS, bias, ME, MAE), header left out. */
    private List<String[]> rMeasures() throws Exception {
        List<String> rows;
        try (InputStream in = getClass().getResourceAsStream("/online_retail/r_measures.csv")) {
            rows = List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"));
        }
        assertThat(rows).hasSize(9);
        return rows.subList(1, rows.size()).stream().map(row -> row.trim().split(",")).toList();
    }

    private static void checkAgainstR(Map<String, Accuracy.Summary> results, List<String[]> rRows) {
        for (String[] cells : rRows) {
            Accuracy.Summary ours = results.get(cells[0]);
            assertThat(ours).as(cells[0]).isNotNull();
            assertThat(ours.series()).isEqualTo(Integer.parseInt(cells[1]));
            Map<String, Double> expected = Map.of("MASE", ours.mase(), "RMSSE", ours.rmsse(), "sMSE", ours.smse(), "sAPIS", ours.sapis(),
                    "bias", ours.biasRatio(), "ME", ours.me(), "MAE", ours.mae());
            String[] names = {"MASE", "RMSSE", "sMSE", "sAPIS", "bias", "ME", "MAE"};
            for (int i = 0; i < names.length; i++) {
                double r = Double.parseDouble(cells[2 + i]);
                // the estimated methods (ses, ets, theta) follow R's optimiser; the rest are exact formulas
                assertThat(expected.get(names[i])).as(cells[0] + " " + names[i]).isCloseTo(r, within(1e-7 * Math.max(1, Math.abs(r))));
            }
        }
    }
}
