package restock.service;

import restock.promise.PromiseCalibration;
import restock.store.SqlFigures;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The figures operations watch, read together and kept for {@link #FRESH_FOR} so that one scrape of many meters
 * costs one short round of queries: order events by kind, payments by state, units waiting, the outbox's depth
 * and age, and the share of first promises kept.
 */
public final class BusinessFigures {
    /** A scrape within this long of the last one reuses its figures. */
    public static final Duration FRESH_FOR = Duration.ofSeconds(5);

    /** One reading of every figure. */
    public record Snapshot(Map<String, Long> orderEventsByKind, Map<String, Long> paymentsByState, long unitsWaiting,
                           long outboxPending, double outboxOldestPendingSeconds, double promisesKeptShare, long promisesResolved) {
    }

    private final Restock restock;
    private final Clock clock;
    private Snapshot last;
    private Instant readAt = Instant.MIN;

    public BusinessFigures(Restock restock, Clock clock) {
        this.restock = restock;
        this.clock = clock;
    }

    public synchronized Snapshot current() {
        Instant now = clock.instant();
        if (last == null || !readAt.plus(FRESH_FOR).isAfter(now)) {
            last = restock.read(h -> {
                SqlFigures.Outbox outbox = SqlFigures.outbox(h);
                List<PromiseCalibration.Bucket> buckets = restock.availability().calibration(h);
                long resolved = buckets.stream().mapToLong(PromiseCalibration.Bucket::promises).sum();
                double kept = buckets.stream().mapToDouble(b -> b.promises() * b.shareKept()).sum();
                return new Snapshot(SqlFigures.orderEventsByKind(h), SqlFigures.paymentsByState(h), SqlFigures.unitsWaiting(h),
                        outbox.pending(), outbox.oldestPendingSeconds(), resolved == 0 ? Double.NaN : kept / resolved, resolved);
            });
            readAt = now;
        }
        return last;
    }
}
