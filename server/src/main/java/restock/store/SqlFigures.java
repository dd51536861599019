package restock.store;

import org.jdbi.v3.core.Handle;

import java.util.HashMap;
import java.util.Map;

/** The counts behind the business metrics, each one statement over the tables that hold it. */
public final class SqlFigures {
    private SqlFigures() {
    }

    /** Order events by kind (placed, backordered, filled, ...): monotonic, the log is append-only. */
    public static Map<String, Long> orderEventsByKind(Handle handle) {
        return counts(handle, "select kind, count(*) from order_events group by kind");
    }

    public static Map<String, Long> paymentsByState(Handle handle) {
        return counts(handle, "select state, count(*) from line_payments group by state");
    }

    /** Units on order lines now waiting for stock. */
    public static long unitsWaiting(Handle handle) {
        return handle.createQuery("select coalesce(sum(waiting), 0) from order_lines").mapTo(Long.class).one();
    }

    /** Messages not yet delivered, and the age in seconds of the oldest of them (0 when none). */
    public record Outbox(long pending, double oldestPendingSeconds) {
    }

    public static Outbox outbox(Handle handle) {
        return handle.createQuery("""
                        select count(*) as pending,
                               coalesce(extract(epoch from (now() - min(created_at))), 0) as oldest
                        from outbox where status = 'pending'""")
                .map((rs, ctx) -> new Outbox(rs.getLong("pending"), rs.getDouble("oldest"))).one();
    }

    private static Map<String, Long> counts(Handle handle, String sql) {
        Map<String, Long> counts = new HashMap<>();
        handle.createQuery(sql).map((rs, ctx) -> counts.put(rs.getString(1), rs.getLong(2))).list();
        return counts;
    }
}
