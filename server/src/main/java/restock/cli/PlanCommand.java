package restock.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import restock.planning.PlanFigures;
import restock.planning.Planner;
import restock.planning.PlanningRun;
import restock.service.PlanCsv;
import restock.service.PlanningQueries;
import restock.service.Restock;
import restock.store.Database;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** Plans every SKU: purchase suggestions (with reason and order-by date) and the stock-out list, as CSV or JSON. */
@Command(name = "plan", mixinStandardHelpOptions = true, description = "Suggest purchases per SKU (reorder point, quantity, order-by date) as CSV or JSON.")
public final class PlanCommand implements Callable<Integer> {
    // Taken as text and read here, so a bad number is said in the planner's terms and with the other bad options at once
    // (picocli answered "'0,95' is not a double", and only the first problem of several: an outside tester's check).
    @Option(names = "--service-level", description = "Target cycle service level, a number between 0.5 and 1 such as 0.95 (default 0.95 unless --fill-rate is given)")
    String serviceLevel;

    @Option(names = "--fill-rate", description = "Target fill rate (share of demand met from stock), such as 0.98, instead of a service level")
    String fillRate;

    @Option(names = "--format", defaultValue = "csv", description = "csv or json. Default: ${DEFAULT-VALUE}")
    String format;

    @Option(names = "--out", description = "File to write (default: standard output)")
    Path out;

    @Option(names = "--store", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Store a plan at the default 95%% service level as the nightly run does, so the console's planning page and "
                    + "overview show it (default); --no-store prints it only. Plans at other targets are never stored.")
    boolean store;

    @Mixin
    DatabaseOptions database;

    @Override
    public Integer call() throws IOException {
        List<String> problems = new ArrayList<>();
        Optional<Planner.ServiceTarget> target = target(serviceLevel, fillRate, problems);
        if (!format.equals("csv") && !format.equals("json")) {
            problems.add("--format must be csv or json, was '" + format + "'");
        }
        // Checked before the plan is computed, which takes minutes for a large shop and was lost to a bad path.
        if (out != null) {
            OutputPaths.fileProblem(out, "plan." + (format.equals("json") ? "json" : "csv")).ifPresent(problems::add);
        }
        if (problems.isEmpty()) {
            database.noDataToRead().ifPresent(problems::add);
        }
        if (!problems.isEmpty()) {
            problems.forEach(System.err::println);
            return ExitCodes.BAD_INPUT;
        }
        try (Database db = database.open()) {
            Restock restock = new Restock(db.jdbi(), Clock.systemUTC());
            PlanningQueries planning = new PlanningQueries(restock);
            int total = restock.read(planning::skuCount);
            ProgressBar progress = new ProgressBar(System.err);
            Instant planned = restock.clock().instant();
            List<Planner.SkuPlan> plans = restock.read(h -> planning.plan(h, target.orElseThrow(), done -> progress.update(done, total)));
            String text = format.equals("csv") ? csv(plans) : json(plans);
            if (out == null) {
                System.out.print(forStandardOutput(text));
            } else {
                Files.writeString(out, text, StandardCharsets.UTF_8);
                System.err.println("Wrote " + plans.size() + " SKUs to " + out);
            }
            System.err.println(storedOrNot(restock, plans, target.get(), store, planned));
        }
        return ExitCodes.DONE;
    }

    /**
     * Stores a plan at the nightly run's target, so the console shows what the command printed (it showed the night's plan
     * while the command printed a new one: an outside tester's check), and says which plan the console shows.
     */
    static String storedOrNot(Restock restock, List<Planner.SkuPlan> plans, Planner.ServiceTarget target, boolean store, Instant planned) {
        PlanningQueries planning = new PlanningQueries(restock);
        String made = "Planned " + planned + " from the data as it is now.";
        boolean nightlyTarget = target.equals(new Planner.ServiceTarget.CycleService(PlanningQueries.DEFAULT_SERVICE_LEVEL));
        if (nightlyTarget && store) {
            long run = planning.store(plans, planned, PlanningQueries.DEFAULT_SERVICE_LEVEL, PlanCsv::write, Optional.of(PlanningRun.MadeBy.CLI));
            return made + " Stored as planning run " + run + ": the console's planning page and overview show it until the next run.";
        }
        String shown = restock.read(planning::latestRun).map(run -> "planning run " + run.id() + " of " + run.ranAt()).orElse("no stored plan yet");
        return made + " Not stored (" + (nightlyTarget ? "--no-store" : "stored plans are at the default 95% service level")
                + "): the console shows " + shown + ".";
    }

    /**
     * The service target of the options given, or the problems with them: a share between 0.5 and 1 written with a dot
     * (0.95), one of --service-level and --fill-rate at most.
     */
    static Optional<Planner.ServiceTarget> target(String serviceLevel, String fillRate, List<String> problems) {
        if (serviceLevel != null && fillRate != null) {
            problems.add("give --service-level or --fill-rate, not both");
            return Optional.empty();
        }
        try {
            if (fillRate != null) {
                return share("--fill-rate", fillRate, "0.98", problems).map(Planner.ServiceTarget.FillRate::new);
            }
            return (serviceLevel == null ? Optional.of(PlanningQueries.DEFAULT_SERVICE_LEVEL) : share("--service-level", serviceLevel, "0.95", problems))
                    .map(Planner.ServiceTarget.CycleService::new);
        } catch (IllegalArgumentException e) {
            problems.add((fillRate != null ? "--fill-rate: " : "--service-level: ") + e.getMessage());
            return Optional.empty();
        }
    }

    private static Optional<Double> share(String option, String value, String example, List<String> problems) {
        if (!value.trim().matches("[0-9]*\\.?[0-9]+")) {
            problems.add(option + " must be a number between 0.5 and 1 such as " + example + ", written with a dot (not a comma); was '" + value + "'");
            return Optional.empty();
        }
        return Optional.of(Double.parseDouble(value.trim()));
    }

    /** A byte order mark helps Excel open a file; piped from standard output into another tool it is a stray character. */
    static String forStandardOutput(String text) {
        return text.startsWith(String.valueOf(Csv.BYTE_ORDER_MARK)) ? text.substring(1) : text;
    }

    static String csv(List<Planner.SkuPlan> plans) {
        return PlanCsv.write(plans);
    }

    public static String json(List<Planner.SkuPlan> plans) throws IOException {
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper().registerModule(new com.fasterxml.jackson.datatype.jdk8.Jdk8Module())
                .registerModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
                .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        // The CSV's fields, rounded alike, under their JSON names (the JSON lacked incoming, next_receipt and lead_time_days).
        return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(plans.stream().map(PlanFigures::json).toList()) + "\n";
    }
}
