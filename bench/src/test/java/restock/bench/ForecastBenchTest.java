package restock.bench;

import org.junit.jupiter.api.Test;
import restock.forecast.Accuracy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The accuracy measures reproduce R's baseline tables for the methods Restock computes identically. */
class ForecastBenchTest {
    private static final Path DATA = Path.of("..", "shared", "data", "carparts");

    @Test
    void measures_match_r_baseline_for_both_series_sets() throws Exception {
        assumeTrue(Files.exists(DATA.resolve("carparts_baseline_1046.csv")), "../shared/data/carparts is not beside the project");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        BenchCommand.ForecastResults run = BenchCommand.run(DATA, new PrintStream(printed, true, StandardCharsets.UTF_8));
        Map<String, Map<String, Accuracy.Summary>> results = run.accuracy();
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("1,046-series subset").contains("tsb");
        check(results.get("1,046-series subset"), BenchCommand.baseline(DATA.resolve("carparts_baseline_1046.csv")), 1046);
        check(results.get("all 2,509 complete series"), BenchCommand.baseline(DATA.resolve("carparts_baseline_2509.csv")), 2509);
        // Issue #6's accuracy target on the 1,046 subset: sMSE below 1.60, and a bias ratio closer to 1 than R's
        // smoothing and model-based methods (1.38-2.06; naive's 0.95 and zero's 0 are outside that range).
        Accuracy.Summary auto = results.get("1,046-series subset").get("auto");
        assertThat(auto.smse()).isLessThan(1.60);
        assertThat(auto.biasRatio()).isBetween(1.0, 1.38);
        // The inventory view: achieved fill rises with the target and every R method needs its excess printed.
        List<InventoryView.Row> rows = run.inventory().get("1,046-series subset");
        assertThat(rows).extracting(InventoryView.Row::target).containsExactly(0.80, 0.90, 0.95, 0.99);
        for (int i = 1; i < rows.size(); i++) {
            assertThat(rows.get(i).achieved().fillRate()).isGreaterThan(rows.get(i - 1).achieved().fillRate());
        }
        rows.forEach(row -> assertThat(row.rExcess()).containsKeys("ses", "tsb", "ets", "arima"));
    }

    private static void check(Map<String, Accuracy.Summary> ours, Map<String, Map<String, String>> r, int series) {
        assertThat(ours).containsKeys("zero", "naive", "mean", "croston", "sba", "tsb", "ses", "ets", "theta", "adida", "auto", "auto-1");
        ours.forEach((method, s) -> {
            if (!r.containsKey(method)) {
                return; // Restock's own methods (theta, adida, auto): R's baseline has no row for them.
            }
            Map<String, String> expected = r.get(method);
            assertThat(s.series()).isEqualTo(series);
            assertThat(s.scaledSeries()).as(method + " n_MASE").isEqualTo(Integer.parseInt(expected.get("n_MASE")));
            assertClose(method + " ME", s.me(), expected.get("ME"));
            assertClose(method + " MAE", s.mae(), expected.get("MAE"));
            assertClose(method + " RMSE", s.rmse(), expected.get("RMSE"));
            assertClose(method + " MASE", s.mase(), expected.get("MASE"));
            assertClose(method + " MdASE", s.mdase(), expected.get("MdASE"));
            assertClose(method + " RMSSE", s.rmsse(), expected.get("RMSSE"));
            assertClose(method + " sMAE", s.smae(), expected.get("sMAE"));
            assertClose(method + " sMSE", s.smse(), expected.get("sMSE"));
            assertClose(method + " sAPIS", s.sapis(), expected.get("sAPIS"));
            if (!method.equals("zero")) {
                assertClose(method + " bias", s.biasRatio(), expected.get("bias_ratio"));
            }
        });
    }

    private static void assertClose(String what, double actual, String expected) {
        double value = Double.parseDouble(expected);
        // ETS is estimated: its forecasts agree with R's to 1.7e-9 relative, so its measures to about 1e-8.
        double tolerance = what.startsWith("ets") ? 1e-7 : 1e-9;
        assertThat(actual).as(what).isCloseTo(value, within(tolerance * Math.max(1, Math.abs(value))));
    }
}
