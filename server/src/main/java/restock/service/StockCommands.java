package restock.service;

import org.jdbi.v3.core.Handle;
import restock.common.Paged;
import restock.allocation.SkuBook;
import restock.catalog.Sku;
import restock.common.InvalidInput;
import restock.common.NotFound;
import restock.inventory.CountCheck;
import restock.inventory.Movement;
import restock.inventory.NamedStockLevel;
import restock.inventory.StockLevel;
import restock.store.SqlInventory;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Stock ledger commands: adjustments, counts and returns, each filling the backorder queue when stock rises. */
public final class StockCommands {
    public static final int MAX_ADJUSTMENT_UNITS = 1_000_000;
    public static final int MAX_REASON_LENGTH = Movement.MAX_REASON_LENGTH;
    public static final int MAX_PAGE_SIZE = 200;

    private final Clock clock;
    private final Books books;

    public StockCommands(Clock clock, Books books) {
        this.clock = clock;
        this.books = books;
    }

    public StockLevel adjust(Handle handle, Sku sku, int quantityDelta, String reason) {
        if (quantityDelta == 0 || Math.abs((long) quantityDelta) > MAX_ADJUSTMENT_UNITS) {
            throw new InvalidInput("quantity", "quantity must be a non-zero signed number of units between -"
                    + MAX_ADJUSTMENT_UNITS + " and " + MAX_ADJUSTMENT_UNITS + ", was " + quantityDelta);
        }
        String checkedReason = requireReason(reason).orElseThrow(() ->
                new InvalidInput("reason", "reason must say why stock changed, in 1 to " + MAX_REASON_LENGTH + " characters"));
        Instant now = clock.instant();
        SkuBook book = lock(handle, sku);
        book.adjust(quantityDelta);
        SqlInventory.record(handle, Movement.adjustment(sku, quantityDelta, checkedReason, now));
        books.write(handle, List.of(book));
        return level(handle, sku);
    }

    /** A count recorded as sent (the API, the import): the SKU book refuses one below what is reserved. */
    public StockLevel count(Handle handle, Sku sku, int countedQuantity, String reason) {
        Optional<String> checkedReason = requireCount(countedQuantity, reason);
        SkuBook book = lock(handle, sku);
        record(handle, book, countedQuantity, checkedReason);
        return level(handle, sku);
    }

    /** What a count from the shelf did: recorded (with on hand before it), or nothing, and why. */
    public sealed interface CountOutcome {
        record Recorded(int onHandBefore, StockLevel after) implements CountOutcome {
        }

        /** Far from the record ({@link CountCheck}) and not confirmed: nothing was written. */
        record FarFromRecord(int onHand, int countedQuantity) implements CountOutcome {
        }

        /** Fewer counted than reserved for open orders: refused (see DECISIONS), with what a page needs to say why. */
        record BelowReserved(int countedQuantity, int reserved, int waiting) implements CountOutcome {
        }
    }

    /**
     * A count staff typed (the console), judged under the SKU's lock: one below what is reserved is not recorded, and one
     * far from the record only when {@code farConfirmed} (the console asks first). Each is a value, so the page says it.
     */
    public CountOutcome countFromShelf(Handle handle, Sku sku, int countedQuantity, String reason, boolean farConfirmed) {
        Optional<String> checkedReason = requireCount(countedQuantity, reason);
        SkuBook book = lock(handle, sku);
        int onHandBefore = book.onHand();
        if (countedQuantity < book.reserved()) {
            return new CountOutcome.BelowReserved(countedQuantity, book.reserved(), level(handle, sku).backordered());
        }
        if (!farConfirmed && CountCheck.farFromRecord(onHandBefore, countedQuantity)) {
            return new CountOutcome.FarFromRecord(onHandBefore, countedQuantity);
        }
        record(handle, book, countedQuantity, checkedReason);
        return new CountOutcome.Recorded(onHandBefore, level(handle, sku));
    }

    private Optional<String> requireCount(int countedQuantity, String reason) {
        // A count says what is on the shelf, so it may be anything on hand may be (an outside check: a planner could not
        // record a count of more than a million units, while on hand is allowed a thousand times that).
        if (countedQuantity < 0 || countedQuantity > SkuBook.MAX_UNITS_ON_HAND) {
            throw new InvalidInput("countedQuantity", "countedQuantity must be between 0 and " + SkuBook.MAX_UNITS_ON_HAND + ", was " + countedQuantity);
        }
        return requireReason(reason);
    }

    private void record(Handle handle, SkuBook book, int countedQuantity, Optional<String> checkedReason) {
        int difference = book.count(countedQuantity);
        SqlInventory.record(handle, Movement.count(book.sku(), difference, countedQuantity, checkedReason, clock.instant()));
        books.write(handle, List.of(book));
    }

    public StockLevel returnToStock(Handle handle, Sku sku, int quantity, String reason) {
        if (quantity <= 0 || quantity > MAX_ADJUSTMENT_UNITS) {
            throw new InvalidInput("quantity", "quantity must be between 1 and " + MAX_ADJUSTMENT_UNITS + ", was " + quantity);
        }
        Optional<String> checkedReason = requireReason(reason);
        Instant now = clock.instant();
        SkuBook book = lock(handle, sku);
        book.receive(quantity);
        SqlInventory.record(handle, Movement.stockReturn(sku, quantity, checkedReason, now));
        books.write(handle, List.of(book));
        return level(handle, sku);
    }

    private SkuBook lock(Handle handle, Sku sku) {
        return this.books.lock(handle, List.of(sku)).get(sku);
    }

    /** An optional reason: absent or blank is none; longer than the ledger holds is refused. */
    private static Optional<String> requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            return Optional.empty();
        }
        if (reason.length() > MAX_REASON_LENGTH) {
            throw new InvalidInput("reason", "reason must be at most " + MAX_REASON_LENGTH + " characters, was " + reason.length());
        }
        return Optional.of(reason);
    }

    /** Balances of up to {@code limit} SKUs after {@code afterSku}, in SKU order, with product names. */
    public Paged<NamedStockLevel> list(Handle handle, String afterSku, int limit) {
        if (limit < 1 || limit > MAX_PAGE_SIZE) {
            throw new InvalidInput("limit", "limit must be between 1 and " + MAX_PAGE_SIZE + ", was " + limit);
        }
        return Paged.of(SqlInventory.list(handle, afterSku, Paged.rowsToRead(limit)), limit);
    }

    public StockLevel level(Handle handle, Sku sku) {
        return SqlInventory.level(handle, sku).orElseThrow(() -> new NotFound("sku", "unknown sku '" + sku + "'"));
    }
}
