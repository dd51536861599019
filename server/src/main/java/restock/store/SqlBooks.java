package restock.store;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import restock.allocation.Fill;
import restock.allocation.IncomingSupply;
import restock.allocation.Peg;
import restock.allocation.SkuBook;
import restock.allocation.WaitingLine;
import restock.catalog.BackorderPolicy;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Loads SKU books under their row locks and writes them back: the one way stock changes.
 * Locks are taken in SKU order so that two transactions over overlapping SKUs cannot deadlock.
 */
public final class SqlBooks {
    public static final String LOCATION = "main";

    private SqlBooks() {
    }

    public static Map<Sku, SkuBook> lockAndLoad(Handle handle, Collection<Sku> skus, PromiseSettings settings, Instant now) {
        List<String> codes = new TreeSet<>(skus).stream().map(Sku::code).toList();
        List<StockRow> rows = handle.createQuery("""
                        select s.sku, s.on_hand, s.reserved, p.backorder_policy, p.backorder_cap, p.discontinued
                        from stock s join products p on p.sku = s.sku
                        where s.location_code = :location and s.sku = any(:skus)
                        order by s.sku
                        for update of s""")
                .bind("location", LOCATION)
                .bindArray("skus", String.class, codes)
                .map((rs, ctx) -> new StockRow(Sku.of(rs.getString("sku")),
                        // A discontinued product will not return: nothing more may wait for it.
                        rs.getBoolean("discontinued") ? new BackorderPolicy.Discontinued()
                                : BackorderPolicy.parse(rs.getString("backorder_policy"), (Integer) rs.getObject("backorder_cap")),
                        rs.getInt("on_hand"), rs.getInt("reserved")))
                .list();
        Map<Sku, List<WaitingLine>> queues = loadQueues(handle, codes);
        Map<Sku, List<IncomingSupply>> supplies = loadSupply(handle, codes);
        Map<String, Integer> held = SqlWaitlist.heldUnits(handle, codes, now);
        Map<Sku, SkuBook> books = new LinkedHashMap<>();
        for (StockRow row : rows) {
            books.put(row.sku(), new SkuBook(row.sku(), row.policy(), settings, row.onHand(), row.reserved(),
                    queues.getOrDefault(row.sku(), List.of()), supplies.getOrDefault(row.sku(), List.of()),
                    held.getOrDefault(row.sku().code(), 0)));
        }
        for (Sku sku : skus) {
            if (!books.containsKey(sku)) {
                throw new NotFound("sku", "unknown sku '" + sku + "': create the product first (POST /api/products)");
            }
        }
        return books;
    }

    private record StockRow(Sku sku, BackorderPolicy policy, int onHand, int reserved) {
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

    /** Writes stock levels, applies fills to their lines (with an event each) and re-pegs the queue. */
    public static void save(Handle handle, Collection<SkuBook> books, Instant now) {
        for (SkuBook book : books) {
            handle.createUpdate("""
                            update stock set on_hand = :onHand, reserved = :reserved, backordered = :backordered
                            where sku = :sku and location_code = :location""")
                    .bind("onHand", book.onHand())
                    .bind("reserved", book.reserved())
                    .bind("backordered", book.waitingQuantity())
                    .bind("sku", book.sku().code())
                    .bind("location", LOCATION)
                    .execute();
            for (Fill fill : book.drainFills()) {
                applyFill(handle, book.sku(), fill, now);
            }
            repeg(handle, book);
            SqlPromises.save(handle, book, now);
            SqlAvailability.project(handle, book, now);
        }
    }

    private static void applyFill(Handle handle, Sku sku, Fill fill, Instant now) {
        long orderId = handle.createQuery("""
                        update order_lines set reserved = reserved + :quantity, waiting = waiting - :quantity
                        where id = :id and sku = :sku and waiting >= :quantity
                        returning order_id""")
                .bind("quantity", fill.quantity())
                .bind("id", fill.lineId())
                .bind("sku", sku.code())
                .mapTo(Long.class)
                .findOne()
                .orElseThrow(() -> new IllegalStateException("fill of " + fill.quantity() + " " + sku
                        + " found line " + fill.lineId() + " not waiting for that many"));
        SqlOrders.recordEvent(handle, orderId, fill.lineId(), sku, "filled", fill.quantity(), now);
        SqlPromises.markFilled(handle, fill.lineId(), now);
    }

    /** Writes only the pegs that changed: appending to a long queue must not rewrite every line's pegs. */
    private static void repeg(Handle handle, SkuBook book) {
        java.util.Set<Peg> stored = new java.util.HashSet<>(handle.createQuery("""
                        select p.order_line_id, p.purchase_order_line_id, p.quantity
                        from backorder_pegs p join order_lines l on l.id = p.order_line_id where l.sku = :sku""")
                .bind("sku", book.sku().code())
                .map((rs, ctx) -> new Peg(rs.getLong(1), rs.getLong(2), rs.getInt(3)))
                .list());
        java.util.Set<Peg> wanted = new java.util.HashSet<>(book.pegs());
        List<Peg> removed = stored.stream().filter(peg -> !wanted.contains(peg)).toList();
        List<Peg> added = wanted.stream().filter(peg -> !stored.contains(peg)).toList();
        if (!removed.isEmpty()) {
            PreparedBatch delete = handle.prepareBatch("""
                    delete from backorder_pegs where order_line_id = :line and purchase_order_line_id = :supply""");
            removed.forEach(peg -> delete.bind("line", peg.lineId()).bind("supply", peg.purchaseOrderLineId()).add());
            delete.execute();
        }
        if (!added.isEmpty()) {
            PreparedBatch insert = handle.prepareBatch("""
                    insert into backorder_pegs (order_line_id, purchase_order_line_id, quantity)
                    values (:line, :supply, :quantity)""");
            added.forEach(peg -> insert.bind("line", peg.lineId()).bind("supply", peg.purchaseOrderLineId()).bind("quantity", peg.quantity()).add());
            insert.execute();
        }
    }

    public static void recordMovement(Handle handle, Movement movement) {
        handle.createUpdate("""
                        insert into stock_movements (sku, location_code, kind, quantity, counted_quantity, reason,
                                                     purchase_order_line_id, order_line_id, occurred_at)
                        values (:sku, :location, :kind, :quantity, :counted, :reason, :poLine, :orderLine, :at)""")
                .bind("sku", movement.sku().code())
                .bind("location", LOCATION)
                .bind("kind", movement.kind())
                .bind("quantity", movement.quantity())
                .bind("counted", movement.countedQuantity())
                .bind("reason", movement.reason())
                .bind("poLine", movement.purchaseOrderLineId())
                .bind("orderLine", movement.orderLineId())
                .bind("at", OffsetDateTime.ofInstant(movement.occurredAt(), java.time.ZoneOffset.UTC))
                .execute();
    }

    /** One row of the append-only stock ledger. */
    public record Movement(Sku sku, String kind, int quantity, Integer countedQuantity, String reason,
                           Long purchaseOrderLineId, Long orderLineId, Instant occurredAt) {
        public static Movement receipt(Sku sku, int quantity, long purchaseOrderLineId, Instant at) {
            return new Movement(sku, "receipt", quantity, null, null, purchaseOrderLineId, null, at);
        }

        public static Movement shipment(Sku sku, int quantity, long orderLineId, Instant at) {
            return new Movement(sku, "shipment", -quantity, null, null, null, orderLineId, at);
        }

        public static Movement adjustment(Sku sku, int delta, String reason, Instant at) {
            return new Movement(sku, "adjustment", delta, null, reason, null, null, at);
        }

        public static Movement count(Sku sku, int difference, int counted, String reason, Instant at) {
            return new Movement(sku, "count", difference, counted, reason, null, null, at);
        }

        public static Movement stockReturn(Sku sku, int quantity, String reason, Instant at) {
            return new Movement(sku, "return", quantity, null, reason, null, null, at);
        }
    }
}
