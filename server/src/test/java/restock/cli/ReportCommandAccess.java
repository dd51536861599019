package restock.cli;

import restock.promise.PromiseCalibration;

import java.util.List;

/** Lets tests in other packages render the promises report as the CLI prints it. */
public final class ReportCommandAccess {
    private ReportCommandAccess() {
    }

    public static String table(List<PromiseCalibration.Bucket> buckets) {
        return ReportCommand.table(buckets);
    }
}
