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

    /** {@code restock keys} and {@code restock users} alone printed a usage line and said 0 ("done") to a script that had done nothing. */
    @Test
    void a_command_that_only_groups_subcommands_run_without_one_prints_its_usage_and_says_bad_input() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(run(err, "keys")).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("create, list, rotate, revoke").contains("Usage: restock keys");

        err.reset();
        assertThat(run(err, "users")).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("create, list, set-password").contains("Usage: restock users");

        err.reset();
        assertThat(run(err)).as("restock alone").isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("serve, import, export").contains("Usage: restock");
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

    @Test
    void a_missing_file_is_named_without_a_stack_trace_and_purchase_orders_is_spelled_as_help_says() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(run(err, "import", "purchase-orders", "/no/such/folder/orders.csv")).isEqualTo(2);
        String said = err.toString(StandardCharsets.UTF_8);
        assertThat(said).contains("No file at /no/such/folder/orders.csv").doesNotContain("Exception").doesNotContain("\tat ");

        err.reset();
        assertThat(run(err, "import", "purchase_orders", "/no/such/folder/orders.csv")).isEqualTo(2);
    }

    @Test
    void every_command_answers_help() {
        for (String command : java.util.List.of("serve", "import", "export", "plan", "report", "keys", "users", "forecast")) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            CommandLine commandLine = new CommandLine(new Main());
            commandLine.setOut(new java.io.PrintWriter(out, true, StandardCharsets.UTF_8));
            assertThat(commandLine.execute(command, "--help")).as(command + " --help").isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).as(command + " --help").contains("Usage:").contains(command);
        }
    }

    @Test
    void a_command_that_reads_the_shop_refuses_a_data_folder_that_does_not_exist_instead_of_making_an_empty_one() throws Exception {
        // An outside check: `plan --data-dir` with a typo made a new, empty database and printed "nothing to order".
        java.nio.file.Path typo = java.nio.file.Files.createTempDirectory("restock-cli").resolve("typo-dir");
        for (String[] args : java.util.List.of(new String[] {"plan"}, new String[] {"export", "--out", typo.resolveSibling("out").toString()},
                new String[] {"report", "promises"})) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            String[] withFolder = java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.stream.Stream.of("--data-dir", typo.toString()))
                    .toArray(String[]::new);
            assertThat(run(err, withFolder)).as(args[0]).isEqualTo(2);
            assertThat(err.toString(StandardCharsets.UTF_8)).as(args[0]).contains("No Restock data in " + typo + ": check --data-dir");
            assertThat(typo).as(args[0] + " made no folder").doesNotExist();
        }
    }

    @Test
    void a_plan_written_to_standard_output_has_no_byte_order_mark_and_a_plan_file_has_one() {
        String file = PlanCommand.csv(java.util.List.of());
        assertThat(file).startsWith("\uFEFFsku,");
        assertThat(PlanCommand.forStandardOutput(file)).startsWith("sku,");
    }

    @Test
    void an_output_path_that_cannot_be_written_is_refused_before_the_shop_is_read() throws Exception {
        // An outside check: plan --out a folder, or in a folder that does not exist, ended in a stack trace after the whole
        // plan was computed; export --out an existing file ended in one at once. The data folder here does not exist:
        // the output is refused first, before anything is opened or computed.
        java.nio.file.Path folder = java.nio.file.Files.createTempDirectory("restock-cli");
        String noData = folder.resolve("no-data").toString();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(run(err, "plan", "--out", folder.toString(), "--data-dir", noData)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--out " + folder + " is a folder; give a file to write, such as "
                + folder.resolve("plan.csv")).doesNotContain("Exception");

        err.reset();
        java.nio.file.Path nowhere = folder.resolve("no-such-folder").resolve("p.csv");
        assertThat(run(err, "plan", "--format", "json", "--out", nowhere.toString(), "--data-dir", noData)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--out " + nowhere + ": there is no folder " + nowhere.getParent());

        err.reset();
        java.nio.file.Path file = java.nio.file.Files.writeString(folder.resolve("products.csv"), "sku\n");
        assertThat(run(err, "export", "--out", file.toString(), "--data-dir", noData)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--out " + file + " is a file; export writes products.csv and stock.csv"
                + " into a folder: give a folder").doesNotContain("Exception");
        assertThat(java.nio.file.Files.readString(file)).isEqualTo("sku\n");

        err.reset();
        java.nio.file.Path underAFile = file.resolve("export");
        assertThat(run(err, "export", "--out", underAFile.toString(), "--data-dir", noData)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--out " + underAFile + ": " + file + " is a file, so no folder can be"
                + " made there; give a folder").doesNotContain("Exception");
    }

    /**
     * `plan --format xlsx --out /nonexistent/p.csv` named only the format, and `--service-level 0,95` answered "'0,95' is not
     * a double" (an outside tester's check): every bad option is named at once, a number in the planner's terms.
     */
    @Test
    void plan_names_every_bad_option_at_once_and_a_comma_decimal_in_words() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String nowhere = java.nio.file.Path.of(System.getProperty("java.io.tmpdir"), "no-such-folder-" + System.nanoTime(), "p.csv").toString();
        assertThat(run(err, "plan", "--format", "xlsx", "--out", nowhere, "--service-level", "0,95")).isEqualTo(ExitCodes.BAD_INPUT);
        String said = err.toString(StandardCharsets.UTF_8);
        assertThat(said).contains("--format must be csv or json, was 'xlsx'").contains("--out " + nowhere)
                .contains("--service-level must be a number between 0.5 and 1 such as 0.95, written with a dot (not a comma); was '0,95'")
                .doesNotContain("is not a double");
    }
}
