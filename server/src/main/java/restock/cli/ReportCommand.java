package restock.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import restock.promise.PromiseCalibration;
import restock.service.Restock;
import restock.store.Database;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;

/** Reports for planners; today the calibration of past promises. */
@Command(name = "report", mixinStandardHelpOptions = true, description = "Print a report: promises (calibration of past delivery promises).")
public final class ReportCommand implements Callable<Integer> {
    /** The reports there are. */
    enum Report { promises }

    @Parameters(index = "0", description = "Which report: ${COMPLETION-CANDIDATES}")
    Report report;

    @Mixin
    DatabaseOptions database;

    @Override
    public Integer call() {
        if (database.noDataToRead().isPresent()) {
            System.err.println(database.noDataToRead().get());
            return ExitCodes.BAD_INPUT;
        }
        try (Database db = database.open()) {
            Restock restock = new Restock(db.jdbi(), Clock.systemUTC());
            List<PromiseCalibration.Bucket> buckets = restock.read(h -> restock.availability().calibration(h));
            System.out.print(table(buckets));
        }
        return ExitCodes.DONE;
    }

    static String table(List<PromiseCalibration.Bucket> buckets) {
        if (buckets.isEmpty()) {
            return "No promise has been resolved yet (a promise resolves when its line fills or its date passes).\n";
        }
        StringBuilder out = new StringBuilder(String.format("%-12s %9s %13s %11s%n", "stated", "promises", "mean stated", "kept"));
        for (PromiseCalibration.Bucket bucket : buckets) {
            out.append(String.format("%3.0f%%-%3.0f%%   %9d %12.1f%% %10.1f%%%n", bucket.from() * 100, bucket.to() * 100,
                    bucket.promises(), bucket.meanStated() * 100, bucket.shareKept() * 100));
        }
        return out.toString();
    }
}
