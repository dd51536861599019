package restock.service;

import org.jdbi.v3.core.Handle;
import restock.allocation.SkuBook;
import restock.catalog.Sku;
import restock.promise.PromiseSettings;
import restock.store.SqlBooks;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Locks and loads SKU books with today's promise settings, reads positions, and writes what books decided. */
public final class Books {
    private final Clock clock;
    private final PromiseSettings settings;

    public Books(Clock clock, PromiseSettings settings) {
        this.clock = clock;
        this.settings = settings;
    }

    public Map<Sku, SkuBook> lock(Handle handle, Collection<Sku> skus) {
        return SqlBooks.lockAndLoad(handle, skus, settingsToday(), clock.instant());
    }

    /**
     * The SKUs' positions now, without locking (what an order placed now would be decided on), and their latest
     * {@code receiptDays} days with a receipt, most recent first.
     */
    public SqlBooks.Positions positions(Handle handle, Collection<Sku> skus, int receiptDays) {
        return SqlBooks.positions(handle, skus, settingsToday(), clock.instant(), receiptDays);
    }

    /** Writes what each book decided since it was loaded. */
    public List<restock.allocation.BookChanges> write(Handle handle, Collection<SkuBook> books) {
        return SqlBooks.writeAll(handle, books, clock.instant());
    }

    public PromiseSettings settingsToday() {
        return settings.on(today());
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
