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
import java.util.Map;

/** Locks and loads SKU books with today's promise settings; the one door to stock for commands. */
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

    public PromiseSettings settingsToday() {
        return settings.on(today());
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
