package restock.service;

import restock.store.StatementDeadline;

import java.sql.SQLException;
import java.time.Duration;

/** The time limit of one request's database work, as the HTTP shell starts and ends it (see {@link StatementDeadline}). */
public final class RequestDeadlines {
    private RequestDeadlines() {
    }

    public static void start(Duration limit) {
        StatementDeadline.start(limit);
    }

    public static void clear() {
        StatementDeadline.clear();
    }

    /** Whether the database stopped a statement because its time was up. */
    public static boolean ranOut(Throwable failure) {
        return failure instanceof SQLException sql && StatementDeadline.QUERY_CANCELED.equals(sql.getSQLState());
    }
}
