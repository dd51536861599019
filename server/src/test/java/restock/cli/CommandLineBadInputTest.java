package restock.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import restock.app.Main;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Commands refuse bad arguments with a reason and a non-zero exit, before touching any data. */
class CommandLineBadInputTest {
    private static int run(ByteArrayOutputStream err, String... args) {
        PrintStream original = System.err;
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            CommandLine commandLine = new CommandLine(new Main());
            commandLine.setErr(new java.io.PrintWriter(err, true, StandardCharsets.UTF_8));
            return commandLine.execute(args);
        } finally {
            System.setErr(original);
        }
    }

    @Test
    void unknown_benchmarks_formats_and_import_kinds_are_named() throws java.io.IOException {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(run(err, "bench", "nonsense")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown benchmark 'nonsense'");

        err.reset();
        assertThat(run(err, "plan", "--format", "xml")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--format must be csv or json");

        err.reset();
        assertThat(run(err, "plan", "--service-level", "0.9", "--fill-rate", "0.98")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("not both");

        err.reset();
        assertThat(run(err, "plan", "--fill-rate", "1.2")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("fill rate must be between 0.5 and 1");

        err.reset();
        assertThat(run(err, "bench", "ets-speed", "--threads", "0")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--threads must be between 1 and 64, was 0");

        err.reset();
        assertThat(run(err, "bench", "ets-speed", "--r-seconds", "-3")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--r-seconds must be a positive number");

        for (String benchmark : new String[] {"forecast", "ets-speed", "online-retail", "backorder-risk"}) {
            err.reset();
            assertThat(run(err, "bench", benchmark, "--data", "no-such-folder")).as(benchmark).isEqualTo(2);
            assertThat(err.toString(StandardCharsets.UTF_8)).as(benchmark).contains("not found; pass --data");
        }

        err.reset();
        java.nio.file.Path folder = java.nio.file.Files.createTempDirectory("online-retail");
        java.nio.file.Files.writeString(folder.resolve("sku_weekly_demand.csv"), "sku,week,units\n");
        assertThat(run(err, "bench", "online-retail", "--data", folder.toString(), "--r-forecasts", "no-such.csv")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no-such.csv not found");

        err.reset();
        assertThat(run(err, "import", "suppliers", "x.csv")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("suppliers");

        err.reset();
        assertThat(run(err, "report", "everything")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("everything");
    }
}
