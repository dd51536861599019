package restock.store;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import restock.allocation.BookChanges;
import restock.allocation.Fill;
import restock.allocation.IncomingSupply;
import restock.allocation.Peg;
import restock.allocation.SkuBook;
import restock.allocation.SkuPosition;
import restock.allocation.StoredPromise;
import restock.allocation.WaitingLine;
import restock.catalog.BackorderPolicy;
import restock.catalog.Lifecycle;
import restock.catalog.Sku;
import restock.common.NotFound;
import restock.promise.PromiseSettings;
import restock.promise.SupplierReliability;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads SKU books and positions, and writes what a book decided. The locked read (for commands) and the plain read
 * (for the storefront) share the row reading, so both see the same facts. Locks are taken in SKU order so that
 * two transactions over overlapping SKUs cannot deadlock. Nothing here decides anything.
 */
public final class SqlBooks {
    public static final String LOCATION = "main";

    private SqlBooks() {
    }

    /** A SKU's stored figures and product rules. */
    /** A SKU's stored figures and product rules, and the units held for its notified waitlisters. */
    private record StockRow(Sku sku, BackorderPolicy policy, Lifecycle lifecycle, int onHand, int reserved, int backordered, int held) {
    }

    /** The stock rows with their held units in one statement (one round trip fewer for every order and answer). */
    private static List<StockRow> stockRows(Handle handle, List<String> codes, boolean lock, Instant now) {
        return handle.createQuery("""
                        select s.sku, s.on_hand, s.reserved, s.backordered, p.backorder_policy, p.backorder_cap,
                               p.release_date, p.discontinued, %s as held
                        from stock s join products p on p.sku = s.sku
                        where s.location_code = :location and s.sku = any(:skus)
                        order by s.sku""".formatted(SqlWaitlist.heldUnitsOf("s.sku")) + (lock ? " for update of s" : ""))
                .bind("location", LOCATION)
                .bindArray("skus", String.class, codes)
                .bind("now", SqlPurchasing.utc(now))
                .map((rs, ctx) -> new StockRow(Sku.of(rs.getString("sku")),
                        BackorderPolicy.parse(rs.getString("backorder_policy"), (Integer) rs.getObject("backorder_cap")),
                        new Lifecycle(Optional.ofNullable(rs.getObject("release_date", LocalDate.class)), rs.getBoolean("discontinued")),
                        rs.getInt("on_hand"), rs.getInt("reserved"), rs.getInt("backordered"), rs.getInt("held")))
                .list();
    }

    private static List<String> codes(Collection<Sku> skus) {
        return new TreeSet<>(skus).stream().map(Sku::code).toList();
    }

    private static void requireAll(Collection<Sku> skus, Map<Sku, ?> found) {
        for (Sku sku : skus) {
            if (!found.containsKey(sku)) {
                throw new NotFound("sku", sku.code(), "unknown sku '" + sku + "': no product has this SKU (SKUs are case-sensitive)");
            }
        }
    }

    /** Locks the SKUs' stock rows (in SKU order) and loads their books. */
    public static Map<Sku, SkuBook> lockAndLoad(Handle handle, Collection<Sku> skus, PromiseSettings settings, Instant now) {
        List<String> codes = codes(skus);
        List<StockRow> rows = stockRows(handle, codes, true, now);
        Map<Sku, List<WaitingLine>> queues = loadQueues(handle, codes);
        Map<Sku, List<IncomingSupply>> supplies = loadSupply(handle, codes);
        Map<Sku, Set<Peg>> pegs = loadPegs(handle, codes);
        Map<Long, StoredPromise> promises = SqlPromises.storedForWaitingLines(handle, codes);
        Map<Sku, SkuBook> books = new LinkedHashMap<>();
        for (StockRow row : rows) {
            List<WaitingLine> queue = queues.getOrDefault(row.sku(), List.of());
            int waiting = queue.stream().mapToInt(WaitingLine::waitingQuantity).sum();
            if (waiting != row.backordered()) {
                throw new IllegalStateException(row.sku() + " records " + row.backordered() + " units backordered but " + waiting
                        + " units wait in its queue");
            }
            books.put(row.sku(), new SkuBook(row.sku(), row.policy(), row.lifecycle(), settings, row.onHand(), row.reserved(),
                    row.held(), queue, supplies.getOrDefault(row.sku(), List.of()),
                    pegs.getOrDefault(row.sku(), Set.of()), promises));
        }
        requireAll(skus, books);
        return books;
    }

    /** The SKUs' positions without locking: what the storefront's answers are decided on. */
    public static Map<Sku, SkuPosition> positions(Handle handle, Collection<Sku> skus, PromiseSettings settings, Instant now) {
        List<String> codes = codes(skus);
        List<StockRow> rows = stockRows(handle, codes, false, now);
        Map<Sku, List<IncomingSupply>> supplies = loadSupply(handle, codes);
        Map<Sku, SkuPosition> positions = new LinkedHashMap<>();
        for (StockRow row : rows) {
            positions.put(row.sku(), SkuPosition.of(row.sku(), row.policy(), row.lifecycle(), row.onHand(), row.reserved(),
                    row.held(), row.backordered(), supplies.getOrDefault(row.sku(), List.of()), settings));
        }
        requireAll(skus, positions);
        return positions;
    }

    /**
     * SKUs with waiting lines whose stored state lags behind time: units free for the queue (a hold lapsed, a
     * release day came) or a promise not worked out yet today.
     */
    public static List<Sku> queuesDue(Handle handle, Instant now, LocalDate today, int limit) {
        return handle.createQuery("""
                        select s.sku from stock s join products p on p.sku = s.sku
                        where s.location_code = :location and s.backordered > 0
                          and ((p.release_date is null or p.release_date <= :today)
                               and s.on_hand - s.reserved > %s
                            or s.queue_settled_on is null or s.queue_settled_on < :today)
                        order by s.sku limit :limit""".formatted(SqlWaitlist.heldUnitsOf("s.sku")))
                .bind("location", LOCATION)
                .bind("today", today)
                .bind("now", SqlPurchasing.utc(now))
                .bind("limit", limit)
                .map((rs, ctx) -> Sku.of(rs.getString("sku")))
                .list();
    }

    /** Reads the queue after the stock rows are locked, so that no writer changes it underneath. */
    private static Map<Sku, List<WaitingLine>> loadQueues(Handle handle, List<String> codes) {
        Map<Sku, List<WaitingLine>> queues = new HashMap<>();
        handle.createQuery("""
                        select id, sku, priority, placed_at, waiting from order_lines
                        where sku = any(:skus) and waiting > 0""")
                .bindArray("skus", String.class, codes)
                .map((rs, ctx) -> Map.entry(Sku.of(rs.getString("sku")), new WaitingLine(rs.getLong("id"), rs.getInt("priority"),
                        rs.getObject("placed_at", OffsetDateTime.class).toInstant(), rs.getInt("waiting"))))
                .forEach(entry -> queues.computeIfAbsent(entry.getKey(), k -> new ArrayList<>()).add(entry.getValue()));
        return queues;
    }

    private static Map<Sku, Set<Peg>> loadPegs(Handle handle, List<String> codes) {
        Map<Sku, Set<Peg>> pegs = new HashMap<>();
        handle.createQuery("""
                        select l.sku, p.order_line_id, p.purchase_order_line_id, p.quantity
                        from backorder_pegs p join order_lines l on l.id = p.order_line_id where l.sku = any(:skus)""")
                .bindArray("skus", String.class, codes)
                .map((rs, ctx) -> Map.entry(Sku.of(rs.getString("sku")), new Peg(rs.getLong(2), rs.getLong(3), rs.getInt(4))))
                .forEach(entry -> pegs.computeIfAbsent(entry.getKey(), k -> new HashSet<>()).add(entry.getValue()));
        return pegs;
    }

    private static Map<Sku, List<IncomingSupply>> loadSupply(Handle handle, List<String> codes) {
        List<SupplyRow> rows = handle.createQuery("""
                        select l.id, l.sku, l.expected_date, o.supplier_id, l.quantity_ordered - l.quantity_received as open_quantity
                        from purchase_order_lines l join purchase_orders o on o.id = l.purchase_order_id
                        where o.status = 'open' and l.sku = any(:skus) and l.quantity_received < l.quantity_ordered""")
                .bindArray("skus", String.class, codes)
                .map((rs, ctx) -> new SupplyRow(rs.getLong("id"), rs.getString("sku"), rs.getObject("expected_date", LocalDate.class),
                        rs.getLong("supplier_id"), rs.getInt("open_quantity")))
                .list();
        Map<Sku, List<IncomingSupply>> supplies = new HashMap<>();
        if (rows.isEmpty()) {
            return supplies;
        }
        SupplierReliability reliability = SqlReliability.load(handle, rows.stream().map(SupplyRow::supplierId).distinct().toList());
        for (SupplyRow row : rows) {
            supplies.computeIfAbsent(Sku.of(row.sku()), k -> new ArrayList<>()).add(new IncomingSupply(row.id(), row.expectedDate(),
                    row.openQuantity(), reliability.oddsFor(row.supplierId(), row.sku())));
        }
        return supplies;
    }

    private record SupplyRow(long id, String sku, LocalDate expectedDate, long supplierId, int openQuantity) {
    }

    /** Writes what a book decided: stock figures, fills, pegs, promises, events, in that order. */
    public static void write(Handle handle, BookChanges changes, Instant now) {
        handle.createUpdate("""
                        update stock set on_hand = :onHand, reserved = :reserved, backordered = :backordered,
                                         queue_settled_on = :settledOn
                        where sku = :sku and location_code = :location""")
                .bind("onHand", changes.onHand())
                .bind("reserved", changes.reserved())
                .bind("backordered", changes.waiting())
                .bind("settledOn", changes.settledOn())
                .bind("sku", changes.sku().code())
                .bind("location", LOCATION)
                .execute();
        for (Fill fill : changes.fills()) {
            applyFill(handle, changes.sku(), fill, now);
        }
        writePegs(handle, changes.pegsRemoved(), changes.pegsAdded());
        changes.promises().forEach(update -> SqlPromises.upsert(handle, update, now));
        for (BookChanges.LineEvent event : changes.events()) {
            SqlOrders.recordLineEvent(handle, event.lineId(), changes.sku(), event.kind(), event.quantity(), now);
        }
    }

    private static void applyFill(Handle handle, Sku sku, Fill fill, Instant now) {
        handle.createUpdate("""
                        update order_lines set reserved = reserved + :quantity, waiting = waiting - :quantity
                        where id = :id and sku = :sku and waiting >= :quantity""")
                .bind("quantity", fill.quantity())
                .bind("id", fill.lineId())
                .bind("sku", sku.code())
                .execute();
        if (fill.completesLine()) {
            SqlPromises.markFilled(handle, fill.lineId(), now);
        }
    }

    private static void writePegs(Handle handle, List<Peg> removed, List<Peg> added) {
        if (!removed.isEmpty()) {
            PreparedBatch delete = handle.prepareBatch("""
                    delete from backorder_pegs where order_line_id = :line and purchase_order_line_id = :supply""");
            removed.forEach(peg -> delete.bind("line", peg.lineId()).bind("supply", peg.purchaseOrderLineId()).add());
            delete.execute();
        }
        if (!added.isEmpty()) {
            PreparedBatch insert = handle.prepareBatch("""
                    insert into backorder_pegs (order_line_id, purchase_order_line_id, quantity)
                    values (:line, :supply, :quantity)
                    on conflict (order_line_id, purchase_order_line_id) do update set quantity = excluded.quantity""");
            added.forEach(peg -> insert.bind("line", peg.lineId()).bind("supply", peg.purchaseOrderLineId()).bind("quantity", peg.quantity()).add());
            insert.execute();
        }
    }

    /** Shorthand for writing several books' changes. */
    public static void writeAll(Handle handle, Collection<SkuBook> books, Instant now) {
        books.forEach(book -> write(handle, book.changes(), now));
    }
}
