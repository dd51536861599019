package restock.service;

import org.jdbi.v3.core.Handle;
import restock.catalog.Sku;
import restock.store.SqlBooks;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

/**
 * Keeps the stored queue in step with time, where no command touches a SKU: units freed by a lapsed waitlist hold
 * or by a release day go to the waiting lines, and each day the waiting lines' promises are worked out again (a
 * purchase order that became overdue moves to the back of the supply, and the lines it carried are re-promised,
 * with a promise_changed event where their dates moved). Each SKU is written in a transaction of its own.
 */
public final class QueueUpkeep {
    /** SKUs written per pass; the next pass carries on. */
    public static final int MAX_SKUS_PER_PASS = 100;

    private final Restock restock;
    private final Clock clock;

    public QueueUpkeep(Restock restock, Clock clock) {
        this.restock = restock;
        this.clock = clock;
    }

    /** One pass; returns the SKUs written. */
    public int runOnce() {
        List<Sku> due = restock.read(handle -> SqlBooks.queuesDue(handle, clock.instant(),
                clock.instant().atZone(ZoneOffset.UTC).toLocalDate(), MAX_SKUS_PER_PASS));
        for (Sku sku : due) {
            restock.inTransaction(handle -> settle(handle, sku));
        }
        return due.size();
    }

    private Void settle(Handle handle, Sku sku) {
        restock.books().write(handle, restock.books().lock(handle, Set.of(sku)).values());
        return null;
    }

    /** Passes until nothing is due (tests, and a catch-up after downtime). */
    public int drain() {
        int total = 0;
        for (int written = runOnce(); written > 0; written = runOnce()) {
            total += written;
        }
        return total;
    }
}
