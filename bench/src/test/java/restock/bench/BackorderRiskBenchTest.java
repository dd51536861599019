package restock.bench;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The untrained risk model ranks the Kaggle sample's backorders well above chance (a guard against regressions). */
class BackorderRiskBenchTest {
    private static final Path CSV = Path.of("..", "shared", "data", "kaggle_backorder_sample", "kaggle_backorder_test_sample.csv");

    @Test
    void ranks_backorders_well_above_chance_on_the_kaggle_sample() throws Exception {
        assumeTrue(Files.exists(CSV), "../shared/data/kaggle_backorder_sample is not beside the project");
        BackorderRiskBench.Result result = BackorderRiskBench.run(CSV, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertThat(result.rows()).isEqualTo(5049);
        assertThat(result.positives()).isEqualTo(57);
        assertThat(result.rocAuc()).isGreaterThan(0.85);
        assertThat(result.prAuc()).isGreaterThan(5 * 57.0 / 5049);
        assertThat(java.util.Arrays.stream(result.foldRocAuc()).min().orElseThrow()).isGreaterThan(0.75);
    }
}
