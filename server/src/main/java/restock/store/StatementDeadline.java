package restock.store;

import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementCustomizer;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.time.Duration;

/**
 * A time limit for the work of one request: the HTTP shell starts it on the request's thread, and every SQL
 * statement that thread runs gets the time left as its query timeout (PostgreSQL cancels it past that). Background
 * work sets none and runs unlimited.
 */
public final class StatementDeadline implements StatementCustomizer {
    /** SQLSTATE of a statement PostgreSQL cancelled (its timeout, or ours). */
    public static final String QUERY_CANCELED = "57014";
    private static final ThreadLocal<Long> DEADLINE_NANOS = new ThreadLocal<>();

    StatementDeadline() {
    }

    /** Limits this thread's statements to a total time from now, until {@link #clear()}. */
    public static void start(Duration limit) {
        DEADLINE_NANOS.set(System.nanoTime() + limit.toNanos());
    }

    public static void clear() {
        DEADLINE_NANOS.remove();
    }

    @Override
    public void beforeExecution(PreparedStatement statement, StatementContext context) throws SQLException {
        Long deadline = DEADLINE_NANOS.get();
        if (deadline == null) {
            return;
        }
        long leftNanos = deadline - System.nanoTime();
        if (leftNanos <= 0) {
            throw new SQLTimeoutException("the request's time limit is used up", QUERY_CANCELED);
        }
        statement.setQueryTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, (leftNanos + 999_999_999L) / 1_000_000_000L)));
    }
}
