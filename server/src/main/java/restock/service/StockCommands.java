package restock.service;

import org.jdbi.v3.core.Handle;
import restock.allocation.SkuBook;
import restock.catalog.Sku;
import restock.common.InvalidInput;
import restock.common.NotFound;
import restock.store.SqlBooks;
import restock.store.SqlBooks.Movement;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Stock ledger commands: adjustments, counts and returns, each filling the backorder queue when stock rises. */
public final class StockCommands {
    public static final int MAX_ADJUSTMENT_UNITS = 1_000_000;
    public static final int MAX_REASON_LENGTH = restock.common.TextLimit.STOCK_REASON.maxLength();
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
        String checkedReason = requireReason(reason);
        Instant now = clock.instant();
        SkuBook book = lock(handle, sku);
        book.adjust(quantityDelta);
        SqlBooks.recordMovement(handle, Movement.adjustment(sku, quantityDelta, checkedReason, now));
        SqlBooks.save(handle, List.of(book), now);
        return level(handle, sku);
    }

    public StockLevel count(Handle handle, Sku sku, int countedQuantity, String reason) {
        if (countedQuantity < 0 || countedQuantity > MAX_ADJUSTMENT_UNITS) {
            throw new InvalidInput("countedQuantity", "countedQuantity must be between 0 and " + MAX_ADJUSTMENT_UNITS + ", was " + countedQuantity);
        }
        requireOptionalReason(reason);
        Instant now = clock.instant();
        SkuBook book = lock(handle, sku);
        int difference = book.count(countedQuantity);
        SqlBooks.recordMovement(handle, Movement.count(sku, difference, countedQuantity, reason, now));
        SqlBooks.save(handle, List.of(book), now);
        return level(handle, sku);
    }

    public StockLevel returnToStock(Handle handle, Sku sku, int quantity, String reason) {
        if (quantity <= 0 || quantity > MAX_ADJUSTMENT_UNITS) {
            throw new InvalidInput("quantity", "quantity must be between 1 and " + MAX_ADJUSTMENT_UNITS + ", was " + quantity);
        }
        requireOptionalReason(reason);
        Instant now = clock.instant();
        SkuBook book = lock(handle, sku);
        book.receive(quantity);
        SqlBooks.recordMovement(handle, Movement.stockReturn(sku, quantity, reason, now));
        SqlBooks.save(handle, List.of(book), now);
        return level(handle, sku);
    }

    private SkuBook lock(Handle handle, Sku sku) {
        return this.books.lock(handle, List.of(sku)).get(sku);
    }

    private static String requireReason(String reason) {
        if (reason == null || reason.isBlank() || reason.length() > MAX_REASON_LENGTH) {
            throw new InvalidInput("reason", "reason must say why stock changed, in 1 to " + MAX_REASON_LENGTH + " characters");
        }
        return reason;
    }

    private static void requireOptionalReason(String reason) {
        if (reason != null && reason.length() > MAX_REASON_LENGTH) {
            throw new InvalidInput("reason", "reason may have at most " + MAX_REASON_LENGTH + " characters, has " + reason.length());
        }
    }

    /** Balances of up to {@code limit} SKUs after {@code afterSku}, in SKU order, with product names. */
    public List<NamedStockLevel> list(Handle handle, String afterSku, int limit) {
        if (limit < 1 || limit > MAX_PAGE_SIZE) {
            throw new InvalidInput("limit", "limit must be between 1 and " + MAX_PAGE_SIZE + ", was " + limit);
        }
        return handle.createQuery(LEVEL_SELECT + " join products p on p.sku = s.sku"
                        + " where s.location_code = :location and s.sku > :after order by s.sku limit :limit")
                .bind("location", SqlBooks.LOCATION)
                .bind("after", afterSku)
                .bind("limit", limit)
                .map((rs, ctx) -> new NamedStockLevel(rs.getString("name"), new StockLevel(Sku.of(rs.getString("sku")),
                        rs.getInt("on_hand"), rs.getInt("reserved"), rs.getInt("on_hand") - rs.getInt("reserved"),
                        rs.getInt("incoming"), rs.getInt("backordered"))))
                .list();
    }

    /** A SKU's balances with its product name, for lists. */
    public record NamedStockLevel(String name, StockLevel level) {
    }

    private static final String LEVEL_SELECT = """
            select s.sku, s.on_hand, s.reserved, s.backordered, p.name,
                   coalesce((select sum(l.quantity_ordered - l.quantity_received)
                             from purchase_order_lines l join purchase_orders o on o.id = l.purchase_order_id
                             where o.status = 'open' and l.sku = s.sku), 0) as incoming
            from stock s""";

    public StockLevel level(Handle handle, Sku sku) {
        Optional<StockLevel> level = handle.createQuery(LEVEL_SELECT
                        + " join products p on p.sku = s.sku where s.sku = :sku and s.location_code = :location")
                .bind("sku", sku.code())
                .bind("location", SqlBooks.LOCATION)
                .map((rs, ctx) -> new StockLevel(sku, rs.getInt("on_hand"), rs.getInt("reserved"),
                        rs.getInt("on_hand") - rs.getInt("reserved"), rs.getInt("incoming"), rs.getInt("backordered")))
                .findOne();
        return level.orElseThrow(() -> new NotFound("sku", "unknown sku '" + sku + "'"));
    }
}
