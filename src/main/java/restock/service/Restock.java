package restock.service;

import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

import java.time.Clock;

/** Restock's commands and the transactions they run in; the shells (HTTP, CLI) call only this. */
public final class Restock {
    private final Jdbi jdbi;
    private final Clock clock;
    private final CatalogCommands catalog;
    private final StockCommands stock;
    private final PurchasingCommands purchasing;
    private final OrderCommands orders;

    public Restock(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.catalog = new CatalogCommands(clock);
        this.stock = new StockCommands(clock);
        this.purchasing = new PurchasingCommands(clock);
        this.orders = new OrderCommands(clock);
    }

    /**
     * Runs work in one READ COMMITTED transaction: every write locks its SKUs' stock rows first, so this level
     * is enough, and an exception rolls everything back.
     */
    public <R> R inTransaction(HandleCallback<R, RuntimeException> work) {
        return jdbi.inTransaction(TransactionIsolationLevel.READ_COMMITTED, work::withHandle);
    }

    public <R> R read(HandleCallback<R, RuntimeException> work) {
        return jdbi.withHandle(work);
    }

    public Clock clock() { return clock; }
    public CatalogCommands catalog() { return catalog; }
    public StockCommands stock() { return stock; }
    public PurchasingCommands purchasing() { return purchasing; }
    public OrderCommands orders() { return orders; }

    /** Exposed for tests and the CLI export, which read with plain SQL. */
    public Jdbi jdbi() { return jdbi; }

}
