package restock.promise;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether stated probabilities mean what they say: past promises grouped by stated probability, with the share
 * kept by the stated date. A retailer should see that "80%" promises were kept about 80% of the time.
 */
public final class PromiseCalibration {
    /** Lower bounds of the probability buckets; each runs to the next bound (the last to 1.0 inclusive). */
    public static final double[] BUCKETS = {0.0, 0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95};

    private PromiseCalibration() {
    }

    /** A resolved promise: what was stated, and whether it was kept. */
    public record Outcome(double statedProbability, boolean kept) {
    }

    /** One bucket: its range, how many promises, the mean stated probability and the share kept. */
    public record Bucket(double from, double to, int promises, double meanStated, double shareKept) {
    }

    /** The report over the first promises that are settled (kept or broken, as {@link FirstPromise#verdict} judges). */
    public static List<Bucket> ofFirstPromises(List<FirstPromise> promises, LocalDate today, int handlingDays) {
        List<Outcome> outcomes = new ArrayList<>();
        for (FirstPromise promise : promises) {
            FirstPromise.Verdict verdict = promise.verdict(today, handlingDays);
            if (verdict.settled()) {
                outcomes.add(new Outcome(promise.statedProbability(), verdict == FirstPromise.Verdict.KEPT));
            }
        }
        return report(outcomes);
    }

    public static List<Bucket> report(List<Outcome> outcomes) {
        List<Bucket> buckets = new ArrayList<>();
        for (int b = 0; b < BUCKETS.length; b++) {
            double from = BUCKETS[b];
            double to = b + 1 < BUCKETS.length ? BUCKETS[b + 1] : 1.0;
            boolean last = b + 1 == BUCKETS.length;
            int count = 0;
            int kept = 0;
            double stated = 0;
            for (Outcome outcome : outcomes) {
                double p = outcome.statedProbability();
                if (p >= from && (p < to || last && p <= to)) {
                    count++;
                    stated += p;
                    kept += outcome.kept() ? 1 : 0;
                }
            }
            if (count > 0) {
                buckets.add(new Bucket(from, to, count, stated / count, (double) kept / count));
            }
        }
        return buckets;
    }
}
