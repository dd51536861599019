package restock.bench;

import org.junit.jupiter.api.Test;
import restock.forecast.Accuracy;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The online-retail weekly benchmark gives, for every method R also ran, R's own accuracy measures
 * (src/test/resources/online_retail/r_measures.csv, from R's forecasts of the same 3,528 training series).
 */
class OnlineRetailBenchTest {
    private static final Path DATA = Path.of("..", "shared", "data", "online_retail");

    @Test
    void every_method_r_also_ran_scores_as_r_did_on_the_held_out_weeks() throws Exception {
        assumeTrue(Files.exists(DATA.resolve("sku_weekly_demand.csv")), "../shared/data/online_retail is not beside the project");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        OnlineRetailBench.Results results = OnlineRetailBench.run(DATA, null, new PrintStream(printed, true, StandardCharsets.UTF_8));
        assertThat(results.series()).isEqualTo(3_528);
        List<String> rows;
        try (InputStream in = getClass().getResourceAsStream("/online_retail/r_measures.csv")) {
            rows = List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"));
        }
        assertThat(rows).hasSize(9);
        for (String row : rows.subList(1, rows.size())) {
            String[] cells = row.trim().split(",");
            Accuracy.Summary ours = results.accuracy().get(cells[0]);
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
        assertThat(results.inventory()).hasSize(4);
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("3528 SKUs").contains("inventory view");
    }
}
