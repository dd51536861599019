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
    void unknown_formats_and_import_kinds_are_named() throws java.io.IOException {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(run(err, "plan", "--format", "xml")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--format must be csv or json");

        err.reset();
        assertThat(run(err, "plan", "--service-level", "0.9", "--fill-rate", "0.98")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("not both");

        err.reset();
        assertThat(run(err, "plan", "--fill-rate", "1.2")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("fill rate must be between 0.5 and 1");

        err.reset();
        assertThat(run(err, "import", "suppliers", "x.csv")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("suppliers");

        err.reset();
        assertThat(run(err, "report", "everything")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("everything");
    }
}
