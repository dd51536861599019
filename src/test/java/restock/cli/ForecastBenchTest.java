package restock.cli;

import org.junit.jupiter.api.Test;
import restock.planning.Accuracy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
        Map<String, Map<String, Accuracy.Summary>> results = BenchCommand.run(DATA, new PrintStream(printed, true, StandardCharsets.UTF_8));
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("1,046-series subset").contains("tsb");
        check(results.get("1,046-series subset"), BenchCommand.baseline(DATA.resolve("carparts_baseline_1046.csv")), 1046);
        check(results.get("all 2,509 complete series"), BenchCommand.baseline(DATA.resolve("carparts_baseline_2509.csv")), 2509);
    }

    private static void check(Map<String, Accuracy.Summary> ours, Map<String, Map<String, String>> r, int series) {
        assertThat(ours).containsKeys("zero", "naive", "mean", "croston", "sba", "tsb", "auto");
        ours.forEach((method, s) -> {
            if (method.equals("auto")) {
                return; // Restock's own choice: R has no row for it.
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
        assertThat(actual).as(what).isCloseTo(value, within(1e-9 * Math.max(1, Math.abs(value))));
    }
}
