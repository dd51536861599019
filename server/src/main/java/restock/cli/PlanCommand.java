package restock.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import restock.planning.PlanFigures;
import restock.planning.Planner;
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
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** Plans every SKU: purchase suggestions (with reason and order-by date) and the stock-out list, as CSV or JSON. */
@Command(name = "plan", mixinStandardHelpOptions = true, description = "Suggest purchases per SKU (reorder point, quantity, order-by date) as CSV or JSON.")
public final class PlanCommand implements Callable<Integer> {
    @Option(names = "--service-level", description = "Target cycle service level (default 0.95 unless --fill-rate is given)")
    Double serviceLevel;

    @Option(names = "--fill-rate", description = "Target fill rate (share of demand met from stock) instead of a service level")
    Double fillRate;

    @Option(names = "--format", defaultValue = "csv", description = "csv or json. Default: ${DEFAULT-VALUE}")
    String format;

    @Option(names = "--out", description = "File to write (default: standard output)")
    Path out;

    @Mixin
    DatabaseOptions database;

    @Override
    public Integer call() throws IOException {
        if (!format.equals("csv") && !format.equals("json")) {
            System.err.println("--format must be csv or json");
            return ExitCodes.BAD_INPUT;
        }
        if (serviceLevel != null && fillRate != null) {
            System.err.println("give --service-level or --fill-rate, not both");
            return ExitCodes.BAD_INPUT;
        }
        Planner.ServiceTarget target;
        try {
            target = fillRate != null ? new Planner.ServiceTarget.FillRate(fillRate)
                    : new Planner.ServiceTarget.CycleService(serviceLevel == null ? PlanningQueries.DEFAULT_SERVICE_LEVEL : serviceLevel);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        // Checked before the plan is computed, which takes minutes for a large shop and was lost to a bad path.
        Optional<String> unwritable = out == null ? Optional.empty() : OutputPaths.fileProblem(out, "plan." + format);
        if (unwritable.isPresent()) {
            System.err.println(unwritable.get());
            return ExitCodes.BAD_INPUT;
        }
        if (database.noDataToRead().isPresent()) {
            System.err.println(database.noDataToRead().get());
            return ExitCodes.BAD_INPUT;
        }
        try (Database db = database.open()) {
            Restock restock = new Restock(db.jdbi(), Clock.systemUTC());
            PlanningQueries planning = new PlanningQueries(restock);
            int total = restock.read(planning::skuCount);
            ProgressBar progress = new ProgressBar(System.err);
            List<Planner.SkuPlan> plans = restock.read(h -> planning.plan(h, target, done -> progress.update(done, total)));
            String text = format.equals("csv") ? csv(plans) : json(plans);
            if (out == null) {
                System.out.print(forStandardOutput(text));
            } else {
                Files.writeString(out, text, StandardCharsets.UTF_8);
                System.err.println("Wrote " + plans.size() + " SKUs to " + out);
            }
        }
        return ExitCodes.DONE;
    }

    /** A byte order mark helps Excel open a file; piped from standard output into another tool it is a stray character. */
    static String forStandardOutput(String text) {
        return text.startsWith(String.valueOf(Csv.BYTE_ORDER_MARK)) ? text.substring(1) : text;
    }

    static String csv(List<Planner.SkuPlan> plans) {
        return PlanCsv.write(plans);
    }

    static String json(List<Planner.SkuPlan> plans) throws IOException {
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper().registerModule(new com.fasterxml.jackson.datatype.jdk8.Jdk8Module())
                .registerModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
                .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        // The CSV's fields, rounded alike, under their JSON names (the JSON lacked incoming, next_receipt and lead_time_days).
        return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(plans.stream().map(PlanFigures::json).toList()) + "\n";
    }
}
