package restock.service;

import restock.insight.BackorderMoment;
import restock.insight.Cause;
import restock.insight.RootCauses;
import restock.planning.Planner;
import restock.store.SqlCauses;

import java.time.Clock;
import java.util.List;

/**
 * Gives every backorder event its root causes: reads the record as it stood at the event, lets
 * {@link RootCauses} decide, stores the ranked causes with their evidence. Each event is classified once
 * (an event already classified is skipped, also when two passes race), so a pass can run at any time.
 */
public final class CauseAnalysis {
    /** Events classified in one transaction. */
    public static final int BATCH = 200;

    private final Restock restock;
    private final Clock clock;

    public CauseAnalysis(Restock restock, Clock clock) {
        this.restock = restock;
        this.clock = clock;
    }

    /** Classifies up to {@code limit} pending events, oldest first, in batches; returns how many it classified. */
    public int classifyPending(int limit) {
        return classify(limit, (h, batch) -> SqlCauses.pending(h, batch));
    }

    /**
     * As {@link #classifyPending}, looking only at the newest {@code limit} backorder events: what a console page
     * catches up on before it shows causes (finding pending events among all of them took a quarter of a second at
     * 100,000 events; the background pass still classifies every event).
     */
    public int classifyRecent(int limit) {
        return classify(limit, (h, batch) -> SqlCauses.pendingRecent(h, limit, batch));
    }

    private int classify(int limit, java.util.function.BiFunction<org.jdbi.v3.core.Handle, Integer, List<SqlCauses.PendingEvent>> find) {
        int done = 0;
        while (done < limit) {
            int batch = Math.min(BATCH, limit - done);
            int classified = restock.inTransaction(h -> {
                List<SqlCauses.PendingEvent> pending = find.apply(h, batch);
                for (SqlCauses.PendingEvent event : pending) {
                    int leadTime = SqlCauses.leadTimeDays(h, event.sku(), event.occurredAt())
                            .map(days -> Math.min(days, BackorderMoment.MAX_LEAD_TIME_DAYS)).orElse(Planner.DEFAULT_LEAD_TIME_DAYS);
                    BackorderMoment moment = SqlCauses.moment(h, event, leadTime);
                    List<Cause> causes = RootCauses.classify(moment);
                    SqlCauses.insert(h, event, causes, clock.instant());
                }
                return pending.size();
            });
            done += classified;
            if (classified < batch) {
                break;
            }
        }
        return done;
    }

    /** A background pass: classifies what is pending, a bounded amount at a time. */
    public int runOnce() {
        return classifyPending(BATCH);
    }
}
