package restock.bench;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The benchmark command refuses bad arguments with a reason and exit 2, before reading any data. */
class BenchBadInputTest {
    private static int run(ByteArrayOutputStream err, String... args) {
        PrintStream original = System.err;
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            CommandLine commandLine = BenchMain.commandLine();
            commandLine.setErr(new java.io.PrintWriter(err, true, StandardCharsets.UTF_8));
            return commandLine.execute(args);
        } finally {
            System.setErr(original);
        }
    }

    @Test
    void unknown_benchmarks_and_bad_arguments_are_named() throws java.io.IOException {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(run(err, "nonsense")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown benchmark 'nonsense'");

        err.reset();
        assertThat(run(err, "ets-speed", "--threads", "0")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--threads must be between 1 and 64, was 0");

        err.reset();
        assertThat(run(err, "ets-speed", "--r-seconds", "-3")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--r-seconds must be a positive number");

        for (String benchmark : new String[] {"forecast", "ets-speed", "online-retail", "backorder-risk"}) {
            err.reset();
            assertThat(run(err, benchmark, "--data", "no-such-folder")).as(benchmark).isEqualTo(2);
            assertThat(err.toString(StandardCharsets.UTF_8)).as(benchmark).contains("not found; pass --data");
        }

        err.reset();
        java.nio.file.Path folder = java.nio.file.Files.createTempDirectory("online-retail");
        java.nio.file.Files.writeString(folder.resolve("sku_weekly_demand.csv"), "sku,week,units\n");
        assertThat(run(err, "online-retail", "--data", folder.toString(), "--r-forecasts", "no-such.csv")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no-such.csv not found");
    }
}
