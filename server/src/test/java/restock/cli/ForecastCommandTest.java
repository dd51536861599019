package restock.cli;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import restock.app.Main;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The forecast command: any series from CSV files to forecasts with intervals, no database involved. */
class ForecastCommandTest {
    @TempDir
    Path folder;

    private int run(ByteArrayOutputStream err, String... args) {
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

    private Path write(String name, String text) throws Exception {
        return Files.writeString(folder.resolve(name), text);
    }

    /** A quarterly seasonal series of 24 points, a short yearly trend and an intermittent monthly one, rows shuffled. */
    private String history() {
        StringBuilder text = new StringBuilder("series_id,t,value\n");
        for (int t = 24; t >= 1; t--) {
            text.append("Q1,").append(t).append(',').append(100 + 2 * t + (t % 4 == 1 ? 30 : 0)).append('\n');
        }
        for (int t = 1; t <= 8; t++) {
            text.append("\"Y, 1\",").append(t).append(',').append(50 + 10 * t).append('\n');
        }
        for (int t = 1; t <= 30; t++) {
            text.append("M1,").append(t).append(',').append(t % 5 == 0 ? 3 : 0).append('\n');
        }
        return text.toString();
    }

    private List<CSVRecord> rows(Path file) throws Exception {
        try (Reader reader = Files.newBufferedReader(file)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
        }
    }

    @Test
    void forecasts_every_series_of_the_meta_file_with_intervals_and_the_method_chosen() throws Exception {
        Path input = write("history.csv", history());
        Path meta = write("meta.csv", "series_id,frequency,h,note\nQ1,4,8,quarterly\n\"Y, 1\",1,6,yearly\nM1,12,3,spare part\n");
        Path out = folder.resolve("forecasts.csv");
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        assertThat(run(err, "forecast", "--input", input.toString(), "--meta", meta.toString(), "--out", out.toString())).isZero();

        assertThat(Files.readAllLines(out).get(0)).isEqualTo("series_id,h,forecast,lo80,hi80,lo95,hi95,method");
        List<CSVRecord> rows = rows(out);
        assertThat(rows).hasSize(8 + 6 + 3);
        assertThat(rows.stream().map(r -> r.get("series_id")).distinct()).containsExactly("Q1", "Y, 1", "M1");
        for (CSVRecord row : rows) {
            double forecast = Double.parseDouble(row.get("forecast"));
            assertThat(Double.parseDouble(row.get("lo95"))).isLessThanOrEqualTo(Double.parseDouble(row.get("lo80")));
            assertThat(Double.parseDouble(row.get("lo80"))).isLessThanOrEqualTo(forecast);
            assertThat(Double.parseDouble(row.get("hi80"))).isGreaterThanOrEqualTo(forecast);
            assertThat(Double.parseDouble(row.get("hi95"))).isGreaterThanOrEqualTo(Double.parseDouble(row.get("hi80")));
        }
        // the trending yearly series is not given an intermittent method, and its forecast goes on rising
        CSVRecord yearlyLast = rows.stream().filter(r -> r.get("series_id").equals("Y, 1")).reduce((a, b) -> b).orElseThrow();
        assertThat(yearlyLast.get("method")).isEqualTo("combo");
        assertThat(Double.parseDouble(yearlyLast.get("forecast"))).isGreaterThan(130);
        // the quarterly peak (t = 1, 5, ..., 21, so h = 4 and 8 are t = 25 and 29) is forecast above its neighbours
        List<Double> quarterly = rows.stream().filter(r -> r.get("series_id").equals("Q1")).map(r -> Double.parseDouble(r.get("forecast"))).toList();
        assertThat(quarterly.get(4 - 1)).isGreaterThan(quarterly.get(3 - 1)).isGreaterThan(quarterly.get(2 - 1) - 40);
        // not a terminal here: progress comes as lines on standard error
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("forecast: 3/3 (100%)").contains("wrote forecasts of 3 series");
    }

    @Test
    void a_named_method_is_used_for_every_series_and_one_it_cannot_forecast_is_named_without_losing_the_rest() throws Exception {
        Path input = write("history.csv", history());
        Path meta = write("meta.csv", "series_id,frequency,h\nQ1,4,4\n\"Y, 1\",1,2\n");
        Path out = folder.resolve("forecasts.csv");
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exit = run(err, "forecast", "--input", input.toString(), "--meta", meta.toString(), "--out", out.toString(), "--method", "hw");

        assertThat(exit).isEqualTo(3);
        assertThat(rows(out)).hasSize(4).allSatisfy(row -> assertThat(row.get("method")).isEqualTo("hw"));
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("series Y, 1:").contains("1 series could not be forecast with hw");
    }

    @Test
    void bad_input_is_refused_with_every_problem_named_and_nothing_written() throws Exception {
        Path input = write("history.csv", "series_id,t,value\nA,1,5\nA,3,6\nB,1,x\nC,1,2\nC,1,3\n");
        Path meta = write("meta.csv", "series_id,frequency,h\nA,1,3\nB,1,2\nC,0,2\nD,1,2\nA,1,1\nE,1,9999\n");
        Path out = folder.resolve("forecasts.csv");
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        assertThat(run(err, "forecast", "--input", input.toString(), "--meta", meta.toString(), "--out", out.toString())).isEqualTo(2);

        String printed = err.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("history.csv line 3: series A: t must run 1, 2, 3, ... without a gap; t = 2 is missing")
                .contains("history.csv line 4: value must be a finite number, was 'x'")
                .contains("history.csv line 6: series C has t = 1 twice (line 5 too)")
                .contains("meta.csv line 4: frequency must be between 1 and 366, was 0")
                .contains("meta.csv line 5: series D has no rows in history.csv")
                .contains("meta.csv line 3: series B: its one row in history.csv was refused (line 4, its problem named with it)")
                .contains("series A is listed twice")
                .contains("h must be between 1 and 366, was 9999")
                .contains("nothing forecast");
        assertThat(out).doesNotExist();
        assertThat(folder.toFile().list()).containsExactlyInAnyOrder("history.csv", "meta.csv");
    }

    @Test
    void a_bad_out_a_bad_method_and_bad_rows_are_all_named_in_one_run_and_nothing_is_written() throws Exception {
        // An outside check: a bad --out was said alone, so the planner mended it, ran again and only then heard of the rows.
        Path input = write("history.csv", "series_id,t,value\nA,1,5\nA,2,lots\nA,3,7\n");
        Path meta = write("meta.csv", "series_id,frequency,h\nA,1,0\n");
        Path nowhere = folder.resolve("no-such-folder").resolve("f.csv");
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        assertThat(run(err, "forecast", "--input", input.toString(), "--meta", meta.toString(), "--out", nowhere.toString(),
                "--method", "arima")).isEqualTo(2);

        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--method must be auto or one of")
                .contains("--out " + nowhere + ": there is no folder " + nowhere.getParent())
                .contains("history.csv line 3: value must be a finite number, was 'lots'")
                .contains("meta.csv line 2: h must be between 1 and 366, was 0")
                .contains("nothing forecast: fix these 4 problems").doesNotContain("Exception");
        assertThat(folder.toFile().list()).containsExactlyInAnyOrder("history.csv", "meta.csv");
    }

    @Test
    void a_missing_file_does_not_hide_the_other_files_problems() throws Exception {
        Path meta = write("meta.csv", "series_id,frequency,h\nA,x,3\n");
        Path none = folder.resolve("none.csv");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(run(err, "forecast", "--input", none.toString(), "--meta", meta.toString(), "--out", folder.resolve("f.csv").toString()))
                .isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(none + " not found")
                .contains("meta.csv line 2: frequency must be a finite number, was 'x'")
                .as("a history that is not there is said once, not again for each series").doesNotContain("has no rows");
    }

    @Test
    void a_series_whose_every_row_was_refused_is_told_so_and_not_that_it_has_no_rows() throws Exception {
        // An outside check: "series B has no rows in history.csv" sent a planner looking for rows that were there.
        Path input = write("history.csv", "series_id,t,value\nA,1,5\nB,1,n/a\nB,2,n/a\nA,2,6\nB,0,4\n");
        Path meta = write("meta.csv", "series_id,frequency,h\nA,1,3\nB,1,3\nC,1,3\n");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(run(err, "forecast", "--input", input.toString(), "--meta", meta.toString(), "--out", folder.resolve("f.csv").toString()))
                .isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("history.csv line 3: value must be a finite number, was 'n/a'")
                .contains("meta.csv line 3: series B: all 3 of its rows in history.csv were refused (the first on line 3, its problem named"
                        + " with it), so it has nothing to forecast from")
                .contains("meta.csv line 4: series C has no rows in history.csv")
                .doesNotContain("series B has no rows");
    }

    @Test
    void a_row_with_too_many_or_too_few_fields_is_one_of_its_series_refused_rows() throws Exception {
        // B's rows have a field too many and one too few: B was told it "has no rows", and A's gap at the short row was
        // named again as a missing t.
        Path input = write("history.csv", "series_id,t,value\nA,1,5\nB,1,4,9\nA,2\nB,2\nA,3,7\n");
        Path meta = write("meta.csv", "series_id,frequency,h\nA,1,3\nB,1,3\n");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(run(err, "forecast", "--input", input.toString(), "--meta", meta.toString(), "--out", folder.resolve("f.csv").toString()))
                .isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("history.csv line 3 has 4 fields, the header 3")
                .contains("history.csv line 4 has 2 fields, the header 3")
                .contains("meta.csv line 3: series B: all 2 of its rows in history.csv were refused (the first on line 3, its problem named"
                        + " with it), so it has nothing to forecast from")
                .doesNotContain("series B has no rows")
                .doesNotContain("t = 2 is missing")
                .contains("history.csv line 5 has 2 fields, the header 3")
                .contains("nothing forecast: fix these 4 problems");
    }

    @Test
    void a_missing_column_an_unknown_method_and_a_missing_file_are_named() throws Exception {
        Path input = write("history.csv", "id,t,value\nA,1,5\n");
        Path meta = write("meta.csv", "series_id,h\nA,3\n");
        Path out = folder.resolve("forecasts.csv");
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        assertThat(run(err, "forecast", "--input", input.toString(), "--meta", meta.toString(), "--out", out.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("history.csv has no column series_id")
                .contains("meta.csv has no column frequency");

        err.reset();
        assertThat(run(err, "forecast", "--input", input.toString(), "--meta", meta.toString(), "--out", out.toString(),
                "--method", "arima")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--method must be auto or one of").contains("combo");

        err.reset();
        assertThat(run(err, "forecast", "--input", folder.resolve("none.csv").toString(), "--meta", meta.toString(),
                "--out", out.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("none.csv not found");
    }

    @Test
    void progress_lines_come_at_every_tenth_and_at_the_end() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Progress progress = new Progress.Lines(new PrintStream(printed, true, StandardCharsets.UTF_8), "forecast");
        for (int done = 1; done <= 1001; done++) {
            progress.update(done, 1001);
        }
        List<String> lines = printed.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(11).startsWith("forecast: 1/1001 (0%)").endsWith("forecast: 1001/1001 (100%)");
    }

    @Test
    void a_named_trend_method_does_not_forecast_negative_demand_for_a_series_that_never_went_below_zero() throws Exception {
        // An outside check: `--method damped` on the demo's falling SKU 15036 forecast -274.7 units at week 12.
        StringBuilder history = new StringBuilder("series_id,t,value\n");
        double[] weeks = {938, 1214, 166, 1997, 211, 418, 266, 684, 953, 222, 60, 132, 126, 238, 69, 40, 723, 126, 220, 113, 150, 62, 141,
                123, 215, 60};
        for (int t = 0; t < weeks.length; t++) {
            history.append("S,").append(t + 1).append(',').append(weeks[t]).append('\n');
        }
        Path input = write("falling.csv", history.toString());
        Path meta = write("falling-meta.csv", "series_id,frequency,h\nS,52,12\n");
        for (String method : List.of("damped", "theta")) {
            Path out = folder.resolve(method + ".csv");
            assertThat(run(new ByteArrayOutputStream(), "forecast", "--input", input.toString(), "--meta", meta.toString(), "--out",
                    out.toString(), "--method", method)).isZero();
            for (CSVRecord row : rows(out)) {
                for (String column : List.of("forecast", "lo80", "hi80", "lo95", "hi95")) {
                    assertThat(Double.parseDouble(row.get(column))).as(method + " " + column + " at h " + row.get("h")).isNotNegative();
                }
            }
        }
    }

    /** A series of 29 observations (t = 1 holds {@code first}) and a meta file forecasting it 3 ahead; the forecast's exit code. */
    private int forecastSpiked(ByteArrayOutputStream err, String first, Path out) throws Exception {
        StringBuilder history = new StringBuilder("series_id,t,value\n");
        for (int t = 1; t <= 29; t++) {
            history.append("a,").append(t).append(',').append(t == 1 ? first : Integer.toString(10 + (t * 7) % 13)).append('\n');
        }
        Path input = write("spiked.csv", history.toString());
        Path meta = write("spiked-meta.csv", "series_id,frequency,h\na,1,3\n");
        return run(err, "forecast", "--input", input.toString(), "--meta", meta.toString(), "--out", out.toString());
    }

    @Test
    void a_value_past_the_limit_is_refused_on_its_line_instead_of_ending_in_a_stack_trace() throws Exception {
        // An outside check: 'a,1,1.13e+19' in a series of 29 ended in a NullPointerException inside the ETS recursion.
        Path out = folder.resolve("forecasts.csv");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(forecastSpiked(err, "1.13e+19", out)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("spiked.csv line 2: value must be between -1000000000000 and 1000000000000, was '1.13e+19'")
                .doesNotContain("Exception");
        assertThat(out).doesNotExist();

        assertThat(forecastSpiked(new ByteArrayOutputStream(), "-1e12", out)).isZero();
    }

    @Test
    void a_file_that_is_not_utf_8_is_named_as_import_names_it() throws Exception {
        Path input = Files.write(folder.resolve("latin1.csv"), "series_id,t,value\nCaf\u00e9,1,5\n".getBytes(StandardCharsets.ISO_8859_1));
        Path meta = write("meta.csv", "series_id,frequency,h\nA,1,3\n");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(run(err, "forecast", "--input", input.toString(), "--meta", meta.toString(), "--out", folder.resolve("f.csv").toString()))
                .isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("latin1.csv: " + Csv.NOT_UTF_8).doesNotContain("Exception");
    }

    @Test
    void files_saved_as_excel_csv_utf_8_with_a_byte_order_mark_are_read() throws Exception {
        // An outside check: '\uFEFFseries_id,t,value' was told it "has no column series_id"; import skips the mark.
        Path input = write("history.csv", "\uFEFF" + history());
        Path meta = write("meta.csv", "\uFEFFseries_id,frequency,h\nQ1,4,4\n");
        Path out = folder.resolve("forecasts.csv");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(run(err, "forecast", "--input", input.toString(), "--meta", meta.toString(), "--out", out.toString()))
                .as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(rows(out)).hasSize(4);
    }

    @Test
    void a_t_below_1_is_named_on_its_line() throws Exception {
        // An outside check: t = -1, 0, 1 was told "t = 1 is missing", though t = 1 was there.
        Path input = write("history.csv", "series_id,t,value\na,-1,3\na,0,4\na,1,5\n");
        Path meta = write("meta.csv", "series_id,frequency,h\na,1,3\n");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(run(err, "forecast", "--input", input.toString(), "--meta", meta.toString(), "--out", folder.resolve("f.csv").toString()))
                .isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("history.csv line 2: t must be 1 or more (t runs 1, 2, 3, ... per series), was -1")
                .contains("history.csv line 3: t must be 1 or more (t runs 1, 2, 3, ... per series), was 0")
                .doesNotContain("is missing");
    }

    @Test
    void an_output_path_that_cannot_be_written_is_refused_before_any_work() throws Exception {
        // An outside check: --out a folder, or in a folder that does not exist, ended in a stack trace.
        Path input = write("history.csv", history());
        Path meta = write("meta.csv", "series_id,frequency,h\nQ1,4,4\n");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(run(err, "forecast", "--input", input.toString(), "--meta", meta.toString(), "--out", folder.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--out " + folder + " is a folder; give a file to write, such as "
                + folder.resolve("forecasts.csv")).doesNotContain("Exception").as("no progress: nothing was forecast").doesNotContainPattern("forecast: \\d+/");

        err.reset();
        Path nowhere = folder.resolve("no-such-folder").resolve("x.csv");
        assertThat(run(err, "forecast", "--input", input.toString(), "--meta", meta.toString(), "--out", nowhere.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--out " + nowhere + ": there is no folder " + nowhere.getParent())
                .doesNotContain("Exception");
        assertThat(folder.toFile().list()).containsExactlyInAnyOrder("history.csv", "meta.csv");
    }

    @Test
    void the_forecasts_file_gets_the_permissions_a_file_created_plainly_gets() throws Exception {
        // An outside check: the file was written as a temporary file (owner only, 0600) and moved into place as that.
        Path input = write("history.csv", history());
        Path meta = write("meta.csv", "series_id,frequency,h\nQ1,4,4\n");
        Path out = folder.resolve("forecasts.csv");
        assertThat(run(new ByteArrayOutputStream(), "forecast", "--input", input.toString(), "--meta", meta.toString(), "--out", out.toString()))
                .isZero();
        Path plain = Files.createFile(folder.resolve("plain.csv"));
        assertThat(Files.getPosixFilePermissions(out)).isEqualTo(Files.getPosixFilePermissions(plain));
        assertThat(folder.toFile().list()).containsExactlyInAnyOrder("history.csv", "meta.csv", "forecasts.csv", "plain.csv");
    }

    @Test
    void a_horizon_past_the_limit_is_said_with_the_limit_however_many_digits_it_has() throws Exception {
        Path input = write("history.csv", history());
        Path meta = write("meta.csv", "series_id,frequency,h\nQ1,4,99999999999\n");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(run(err, "forecast", "--input", input.toString(), "--meta", meta.toString(), "--out", folder.resolve("f.csv").toString()))
                .isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("meta.csv line 2: h must be between 1 and 366, was 99999999999");
    }

    /** A monthly series of 60 with a season and noise: long enough for cross-validated bands (M1's MRM1 is 109 months). */
    private String monthlyHistory(String id) {
        java.util.SplittableRandom random = new java.util.SplittableRandom(13);
        StringBuilder text = new StringBuilder("series_id,t,value\n");
        for (int t = 1; t <= 60; t++) {
            double value = (200 + 3 * t) * (1 + 0.25 * Math.cos(2 * Math.PI * t / 12)) * (1 + 0.1 * random.nextGaussian());
            text.append(id).append(',').append(t).append(',').append(Math.round(value)).append('\n');
        }
        return text.toString();
    }

    private List<List<String>> forecastRows(Path input, String metaText, String method) throws Exception {
        Path meta = write("meta-" + Math.abs(metaText.hashCode()) + ".csv", metaText);
        Path out = folder.resolve("out-" + method + "-" + Math.abs(metaText.hashCode()) + ".csv");
        assertThat(run(new ByteArrayOutputStream(), "forecast", "--input", input.toString(), "--meta", meta.toString(), "--out",
                out.toString(), "--method", method)).isZero();
        return rows(out).stream().map(CSVRecord::toList).toList();
    }

    @Test
    void auto_and_the_method_it_names_write_the_same_forecast_and_the_same_bands() throws Exception {
        // An outside check: M1's MRF1 month 1 had lo80 592,051 from auto and 847,316 from combo, both labelled combo.
        Path input = write("history.csv", monthlyHistory("S") + history().lines().skip(1).map(line -> line + "\n").reduce("", String::concat));
        String meta = "series_id,frequency,h\nS,12,18\nM1,12,6\n";

        List<List<String>> auto = forecastRows(input, meta, "auto");
        for (String series : List.of("S", "M1")) {
            List<List<String>> ofSeries = auto.stream().filter(row -> row.get(0).equals(series)).toList();
            String method = ofSeries.get(0).get(7);
            List<List<String>> named = forecastRows(input, meta, method);
            assertThat(named.stream().filter(row -> row.get(0).equals(series)).toList()).as(series + " by " + method).isEqualTo(ofSeries);
        }
    }

    @Test
    void the_first_months_bands_are_the_same_whether_three_or_eighteen_months_are_asked_for() throws Exception {
        // An outside check: MRM1 month 1's lo95 was 110.563 asked with h = 6 and 110.673 with h = 3.
        Path input = write("history.csv", monthlyHistory("S"));
        for (String method : List.of("auto", "ets", "tsb+theta")) {
            List<List<String>> three = forecastRows(input, "series_id,frequency,h\nS,12,3\n", method);
            List<List<String>> eighteen = forecastRows(input, "series_id,frequency,h\nS,12,18\n", method);
            assertThat(three).as(method).isEqualTo(eighteen.subList(0, 3));
        }
    }

    @Test
    void the_95_band_reaches_at_least_as_much_further_than_the_80_band_as_a_normal_band_does() throws Exception {
        // An outside check: MRM2 month 3 had hi80 1,002.2 and hi95 only 1,011.1 around a forecast of 831.9.
        Path input = write("history.csv", monthlyHistory("S"));
        for (List<String> row : forecastRows(input, "series_id,frequency,h\nS,12,18\n", "auto")) {
            double forecast = Double.parseDouble(row.get(2));
            assertThat(Double.parseDouble(row.get(6)) - forecast).as("month " + row.get(1))
                    .isGreaterThanOrEqualTo(1.52 * (Double.parseDouble(row.get(4)) - forecast));
        }
    }

    @Test
    void a_series_of_one_observation_is_refused_by_name_rather_than_given_a_band_of_zero_width() throws Exception {
        Path input = write("history.csv", "series_id,t,value\nA,1,5\nB,1,5\nB,2,7\nB,3,6\n");
        Path meta = write("meta.csv", "series_id,frequency,h\nA,1,2\nB,1,2\n");
        Path out = folder.resolve("forecasts.csv");
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        assertThat(run(err, "forecast", "--input", input.toString(), "--meta", meta.toString(), "--out", out.toString())).isEqualTo(3);

        assertThat(rows(out)).hasSize(2).allSatisfy(row -> assertThat(row.get("series_id")).isEqualTo("B"));
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("series A: has 1 observation; at least 2 are needed")
                .contains("1 series could not be forecast with auto");
    }

    @Test
    void a_bad_row_after_a_blank_line_is_named_on_its_own_line() throws Exception {
        Path input = write("history.csv", "series_id,t,value\nA,1,5\n\nA,2,abc\n");
        Path meta = write("meta.csv", "series_id,frequency,h\n\nA,1,x\n");
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        assertThat(run(err, "forecast", "--input", input.toString(), "--meta", meta.toString(), "--out", folder.resolve("f.csv").toString()))
                .isEqualTo(2);

        assertThat(err.toString(StandardCharsets.UTF_8)).contains("history.csv line 4: value must be a finite number, was 'abc'")
                .contains("meta.csv line 3: h must be a whole number, was 'x'").doesNotContain("line 3: value");
    }

    @Test
    void an_out_that_is_the_history_or_the_meta_file_is_refused_before_anything_is_written() throws Exception {
        String historyText = "series_id,t,value\nA,1,5\nA,2,7\nA,3,6\n";
        Path input = write("history.csv", historyText);
        Path meta = write("meta.csv", "series_id,frequency,h\nA,1,2\n");
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        // the same file by another spelling: compared by its real path
        String sameHistory = folder.resolve("sub").resolve("..").resolve("history.csv").toString();
        Files.createDirectories(folder.resolve("sub"));
        assertThat(run(err, "forecast", "--input", input.toString(), "--meta", meta.toString(), "--out", sameHistory)).isEqualTo(2);
        assertThat(run(err, "forecast", "--input", input.toString(), "--meta", meta.toString(), "--out", meta.toString())).isEqualTo(2);

        assertThat(err.toString(StandardCharsets.UTF_8)).contains("is the --input file").contains("is the --meta file").contains("nothing forecast");
        assertThat(Files.readString(input)).isEqualTo(historyText);
        assertThat(Files.readString(meta)).isEqualTo("series_id,frequency,h\nA,1,2\n");
    }

    @Test
    void every_method_name_the_output_can_hold_is_taken_by_method_and_listed_in_its_help() throws Exception {
        Path input = write("history.csv", monthlyHistory("S"));
        Path meta = write("meta.csv", "series_id,frequency,h\nS,12,2\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream original = System.out;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            new CommandLine(new Main()).execute("forecast", "--help");
        } finally {
            System.setOut(original);
        }
        String helpText = out.toString(StandardCharsets.UTF_8).replaceAll("\\s+", " ");

        for (String method : List.of("tsb+theta", "tsb+ses+theta+adida", "combo", "naive")) {
            Path written = folder.resolve(method + ".csv");
            assertThat(run(new ByteArrayOutputStream(), "forecast", "--input", input.toString(), "--meta", meta.toString(), "--out",
                    written.toString(), "--method", method)).as(method).isZero();
            assertThat(rows(written)).allSatisfy(row -> assertThat(row.get("method")).isEqualTo(method));
            assertThat(helpText).contains(method + ",");
        }
    }

    @Test
    void a_history_with_semicolons_between_columns_is_told_so() throws Exception {
        Path input = write("history.csv", "series_id;t;value\nA;1;5\n");
        Path meta = write("meta.csv", "series_id,frequency,h\nA,1,2\n");
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        assertThat(run(err, "forecast", "--input", input.toString(), "--meta", meta.toString(), "--out", folder.resolve("f.csv").toString()))
                .isEqualTo(2);

        assertThat(err.toString(StandardCharsets.UTF_8)).contains("history.csv has no column series_id, t, value")
                .contains("seems to use ';' between columns; save it with ','");
    }
}
