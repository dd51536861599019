package restock.cli;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import restock.forecast.AutomaticChoice;
import restock.forecast.Candidate;
import restock.forecast.Prediction;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;

/**
 * Forecasts arbitrary series from CSV files, without a database: {@code restock forecast --input history.csv --meta
 * meta.csv --out forecasts.csv [--method auto]}. The output, {@code series_id,h,forecast,lo80,hi80,lo95,hi95,method},
 * is written to a new file beside {@code --out} and moved into place at the end, so a crash leaves no half file.
 */
@Command(name = "forecast", mixinStandardHelpOptions = true, description = "Forecast every series of a CSV history (series_id,t,value) with a meta file "
        + "(series_id,frequency,h) into series_id,h,forecast,lo80,hi80,lo95,hi95,method.")
public final class ForecastCommand implements Callable<Integer> {
    @Option(names = "--input", required = true, description = "History: series_id,t,value (t = 1, 2, ... per series)")
    Path input;

    @Option(names = "--meta", required = true, description = "Which series: series_id,frequency,h (other columns ignored)")
    Path meta;

    @Option(names = "--out", required = true, description = "File to write the forecasts to")
    Path out;

    @Option(names = "--method", defaultValue = "auto", description = "auto, a method or a combination of methods (their mean, "
            + "named by its members joined with +), every name the method column can hold: ${COMPLETION-CANDIDATES}. "
            + "Default: ${DEFAULT-VALUE}", completionCandidates = MethodNames.class)
    String method;

    /** The method names picocli lists in the help: every name the output's method column can hold. */
    static final class MethodNames extends ArrayList<String> {
        MethodNames() {
            super(AutomaticChoice.labels());
        }
    }

    /**
     * The fewest observations a series is forecast from. One observation has no change to measure a spread from, and
     * its bands came out as the point itself, a claim of certainty (an outside check): such a series is refused, named.
     */
    static final int MIN_OBSERVATIONS = 2;

    /** Random names tried for the file written before it is moved into place (one clash in 2^64 is already rare). */
    private static final int MAX_PARTIAL_FILE_ATTEMPTS = 10;

    static final List<String> HEADER = List.of("series_id", "h", "forecast", "lo80", "hi80", "lo95", "hi95", "method");

    @Override
    public Integer call() throws IOException {
        PrintStream err = System.err;
        // Every problem is gathered before any is said: a bad --out said alone hid the input's bad rows, and a planner
        // mended one thing a run (an outside check).
        List<String> problems = new ArrayList<>();
        Optional<Candidate> named = AutomaticChoice.byLabel(method);
        if (named.isEmpty() && !method.equals("auto")) {
            problems.add("--method must be auto or one of " + String.join(", ", AutomaticChoice.labels()) + ", was '" + method + "'");
        }
        OutputPaths.fileProblem(out, "forecasts.csv").ifPresent(problems::add);
        overwritesInput(out, input, "--input").ifPresent(problems::add);
        overwritesInput(out, meta, "--meta").ifPresent(problems::add);
        SeriesInput.Loaded loaded = SeriesInput.load(input, meta);
        problems.addAll(loaded.problems());
        if (!problems.isEmpty()) {
            problems.stream().limit(SeriesInput.MAX_PROBLEMS_LISTED).forEach(err::println);
            if (problems.size() > SeriesInput.MAX_PROBLEMS_LISTED) {
                err.println("... and " + (problems.size() - SeriesInput.MAX_PROBLEMS_LISTED) + " more problems");
            }
            err.println("nothing forecast: fix " + (problems.size() == 1 ? "this" : "these " + problems.size() + " problems") + " and run again");
            return ExitCodes.BAD_INPUT;
        }
        if (loaded.historiesWithoutMeta() > 0) {
            err.println(loaded.historiesWithoutMeta() + " series in " + input.getFileName() + " are not in " + meta.getFileName()
                    + " and are not forecast");
        }
        List<String> refused = write(loaded.series(), named, Progress.onStandardError(err, "forecast"));
        refused.forEach(err::println);
        err.println("wrote forecasts of " + (loaded.series().size() - refused.size()) + " series to " + out
                + (refused.isEmpty() ? "" : "; " + refused.size() + " series could not be forecast with " + method));
        return refused.isEmpty() ? ExitCodes.DONE : ExitCodes.NOT_ALL_DONE;
    }

    /**
     * Why {@code out} cannot be written: it is the file {@code option} reads (the same file by its real path, through
     * another spelling or a link). The forecasts were written over the history, and the history was gone (an outside check).
     */
    static Optional<String> overwritesInput(Path out, Path read, String option) throws IOException {
        if (!Files.exists(out) || !Files.exists(read) || !Files.isSameFile(out, read)) {
            return Optional.empty();
        }
        return Optional.of("--out " + out + " is the " + option + " file " + read + "; writing the forecasts there would replace it: "
                + "give --out another file");
    }

    /** Forecasts and writes every series; returns why each series the method could not forecast was left out. */
    private List<String> write(List<SeriesInput.Series> series, Optional<Candidate> named, Progress progress) throws IOException {
        Path absolute = out.toAbsolutePath();
        Path temporary = partialFileBeside(absolute);
        List<String> refused = new ArrayList<>();
        try {
            try (Writer writer = Files.newBufferedWriter(temporary);
                 CSVPrinter printer = CSVFormat.DEFAULT.builder().setHeader(HEADER.toArray(String[]::new)).get().print(writer)) {
                for (int i = 0; i < series.size(); i++) {
                    SeriesInput.Series s = series.get(i);
                    try {
                        print(printer, s.id(), forecast(s, named));
                    } catch (IllegalArgumentException e) {
                        refused.add("series " + s.id() + ": " + e.getMessage());
                    }
                    progress.update(i + 1, series.size());
                }
            }
            Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
        return refused;
    }

    /**
     * A new, empty file beside {@code target} to write into, with a name no other run uses. Created plainly, so it has
     * the permissions any new file gets (the umask's), which the forecasts keep when it is moved into place:
     * {@link Files#createTempFile} makes a file only its owner may read (0600), and the forecasts were left so.
     */
    private static Path partialFileBeside(Path target) throws IOException {
        SplittableRandom random = new SplittableRandom();
        for (int attempt = 1; ; attempt++) {
            Path candidate = target.resolveSibling(target.getFileName() + "." + Long.toUnsignedString(random.nextLong(), 36) + ".partial");
            try {
                return Files.createFile(candidate);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                if (attempt == MAX_PARTIAL_FILE_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /**
     * One series' forecast: the automatic choice, or the named method with the intervals auto would give it (refused
     * with a reason when it cannot, or when the series is too short to say how far off the forecast may be).
     */
    static Prediction forecast(SeriesInput.Series s, Optional<Candidate> named) {
        if (s.history().length < MIN_OBSERVATIONS) {
            throw new IllegalArgumentException("has " + s.history().length + " observation; at least " + MIN_OBSERVATIONS
                    + " are needed to say how far off a forecast may be (one value has no change to measure), so it is not forecast");
        }
        if (named.isEmpty()) {
            return AutomaticChoice.forecast(s.history(), s.frequency(), s.horizon()).prediction();
        }
        return AutomaticChoice.named(named.get(), s.history(), s.frequency(), s.horizon());
    }

    private static void print(CSVPrinter printer, String id, Prediction p) throws IOException {
        for (int h = 0; h < p.mean().length; h++) {
            printer.printRecord(id, h + 1, p.mean()[h], p.band80().lower()[h], p.band80().upper()[h], p.band95().lower()[h],
                    p.band95().upper()[h], p.method());
        }
    }
}
