package restock.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;
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
import restock.promise.Promise;
import restock.promise.PromiseSettings;
import restock.promise.SupplierReliability;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
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
    private static final ObjectMapper JSON = new ObjectMapper();

    private SqlBooks() {
    }

    /**
     * A SKU's stored figures and product rules, the units held for its notified waitlisters and, on a read without
     * locks, its open supply (empty on a locked read, which reads the supply after the lock).
     */
    private record StockRow(Sku sku, BackorderPolicy policy, Lifecycle lifecycle, int onHand, int reserved, int backordered, int held,
                            List<SupplyRow> supply, List<LocalDate> receiptDays, Optional<SupplierReliability> reliability) {
    }

    /**
     * The stock rows with their held units in one statement (one round trip fewer for every order and answer), and
     * without locks their open supply and their latest receipt days too (at most {@code receiptDays} a SKU, most
     * recent first: each a round trip of its own before, three in every step of the model-based test), and on the
     * first row the records of the suppliers of all the SKUs' open supply (a statement of its own before, on every
     * answer about a SKU with supply). A locking read cannot carry the supply: a statement that waited for a row lock
     * would still show the supply of the moment it started.
     */
    private static List<StockRow> stockRows(Handle handle, List<String> codes, boolean lock, Instant now, int receiptDays) {
        Query query = handle.createQuery("""
                        select s.sku, s.on_hand, s.reserved, s.backordered, p.backorder_policy, p.backorder_cap,
                               p.release_date, p.discontinued, %s as held, %s as supply, %s as receipt_days,
                               %s as history
                        from stock s join products p on p.sku = s.sku
                        where s.location_code = :location and s.sku = any(:skus)
                        order by s.sku""".formatted(SqlWaitlist.heldUnitsOf("s.sku"), lock ? "null" : OPEN_SUPPLY_WHERE.formatted("l.sku = s.sku"),
                                lock ? "null" : RECEIPT_DAYS_OF_SKU,
                                lock ? "null" : "case when row_number() over (order by s.sku) = 1 then " + RECORDS_OF_OPEN_SUPPLY + " end")
                        + (lock ? " for update of s" : ""))
                .bind("location", LOCATION)
                .bindArray("skus", String.class, codes)
                .bind("now", SqlPurchasing.utc(now));
        if (!lock) {
            query.bind("receiptDays", receiptDays).bind("limit", SqlReliability.MAX_OBSERVATIONS);
        }
        return query.map((rs, ctx) -> {
            String sku = rs.getString("sku");
            String supply = rs.getString("supply");
            String days = rs.getString("receipt_days");
            String history = rs.getString("history");
            return new StockRow(Sku.of(sku),
                    BackorderPolicy.parse(rs.getString("backorder_policy"), (Integer) rs.getObject("backorder_cap")),
                    new Lifecycle(Optional.ofNullable(rs.getObject("release_date", LocalDate.class)), rs.getBoolean("discontinued")),
                    rs.getInt("on_hand"), rs.getInt("reserved"), rs.getInt("backordered"), rs.getInt("held"),
                    supply == null ? List.of() : supplyRows(json(supply)), days == null ? List.of() : epochDays(json(days)),
                    Optional.ofNullable(history).map(text -> SqlReliability.fromJson(json(text))));
        })
                .list();
    }

    /** The suppliers of the open supply of the SKUs a statement names ({@code :skus}), as an SQL array. */
    private static final String SUPPLIERS_OF_OPEN_SUPPLY = """
            (select array_agg(distinct o.supplier_id)
             from purchase_order_lines l join purchase_orders o on o.id = l.purchase_order_id
             where o.status = 'open' and l.sku = any(:skus) and l.quantity_received < l.quantity_ordered)""";

    /**
     * The records of those suppliers as a JSON array ({@code :limit} bound to {@link SqlReliability#MAX_OBSERVATIONS}),
     * empty without open supply: the records' read is not made then (it would look through every purchase order line
     * for suppliers that are none).
     */
    private static final String RECORDS_OF_OPEN_SUPPLY = "coalesce(case when %s is not null then %s end, '[]')"
            .formatted(SUPPLIERS_OF_OPEN_SUPPLY, SqlReliability.asJson(SUPPLIERS_OF_OPEN_SUPPLY));

    /** The SKU's distinct days with a receipt, most recent first, at most {@code :receiptDays}, as epoch day numbers. */
    private static final String RECEIPT_DAYS_OF_SKU = """
            (select coalesce(json_agg(d.day - date '1970-01-01' order by d.day desc), '[]')
             from (select distinct (r.received_at at time zone 'UTC')::date as day
                   from purchase_order_receipts r join purchase_order_lines l on l.id = r.purchase_order_line_id
                   where l.sku = s.sku
                   order by day desc limit :receiptDays) d)""";

    private static List<LocalDate> epochDays(JsonNode days) {
        List<LocalDate> dates = new ArrayList<>();
        days.forEach(day -> dates.add(LocalDate.ofEpochDay(day.asLong())));
        return dates;
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
        List<StockRow> rows = stockRows(handle, codes, true, now, 0);
        WaitingSide waiting = loadWaitingSide(handle, codes);
        Map<Sku, List<IncomingSupply>> supplies = supplies(waiting.supply(), waiting.reliability());
        Map<Sku, SkuBook> books = new LinkedHashMap<>();
        for (StockRow row : rows) {
            List<WaitingLine> queue = waiting.queues().getOrDefault(row.sku(), List.of());
            int waitingUnits = queue.stream().mapToInt(WaitingLine::waitingQuantity).sum();
            if (waitingUnits != row.backordered()) {
                throw new IllegalStateException(row.sku() + " records " + row.backordered() + " units backordered but " + waitingUnits
                        + " units wait in its queue");
            }
            books.put(row.sku(), new SkuBook(row.sku(), row.policy(), row.lifecycle(), settings, row.onHand(), row.reserved(),
                    row.held(), queue, supplies.getOrDefault(row.sku(), List.of()),
                    waiting.pegs().getOrDefault(row.sku(), Set.of()), waiting.promises()));
        }
        requireAll(skus, books);
        return books;
    }

    /**
     * The SKUs' positions without locking, what the storefront's answers are decided on, and each SKU's latest days
     * with a receipt (at most {@code receiptDays}, most recent first; a SKU never received has none), which tell its
     * restock cadence: one statement for both, with the records of the suppliers of their open supply.
     */
    public static Positions positions(Handle handle, Collection<Sku> skus, PromiseSettings settings, Instant now, int receiptDays) {
        List<String> codes = codes(skus);
        List<StockRow> rows = stockRows(handle, codes, false, now, receiptDays);
        List<SupplyRow> supplyRows = new ArrayList<>();
        rows.forEach(row -> supplyRows.addAll(row.supply()));
        Map<Sku, List<IncomingSupply>> supplies = rows.isEmpty() ? Map.of()
                : supplies(supplyRows, rows.get(0).reliability().orElseThrow(() -> new IllegalStateException(
                        "the first stock row of " + codes + " carries no supplier records")));
        Map<Sku, SkuPosition> positions = new LinkedHashMap<>();
        Map<Sku, List<LocalDate>> days = new HashMap<>();
        for (StockRow row : rows) {
            positions.put(row.sku(), SkuPosition.of(row.sku(), row.policy(), row.lifecycle(), row.onHand(), row.reserved(),
                    row.held(), row.backordered(), supplies.getOrDefault(row.sku(), List.of()), settings));
            days.put(row.sku(), row.receiptDays());
        }
        requireAll(skus, positions);
        return new Positions(positions, days);
    }

    /** The SKUs' positions and their latest receipt days, by SKU. */
    public record Positions(Map<Sku, SkuPosition> bySku, Map<Sku, List<LocalDate>> receiptDays) {
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

    /**
     * Open purchase order lines as a JSON array of {@code [id, sku, expected epoch day, supplier id, open units]}, for
     * the SKUs the condition names: dates travel as day numbers, so no text format stands between the two sides.
     */
    private static final String OPEN_SUPPLY_WHERE = """
            (select coalesce(json_agg(json_build_array(l.id, l.sku, l.expected_date - date '1970-01-01', o.supplier_id,
                                                       l.quantity_ordered - l.quantity_received) order by l.id), '[]')
             from purchase_order_lines l join purchase_orders o on o.id = l.purchase_order_id
             where o.status = 'open' and %s and l.quantity_received < l.quantity_ordered)""";

    /**
     * The waiting side of the SKUs' books and their supply, read after the stock rows are locked, so that no writer
     * changes them underneath, in one statement: the queue (lines with units waiting), the pegs, the waiting lines'
     * stored promises, the open supply and its suppliers' records, each a JSON array. Five statements before, each a
     * round trip on every order, cancellation, receipt and check (issue 10: the model-based test's step cost).
     */
    private static WaitingSide loadWaitingSide(Handle handle, List<String> codes) {
        return handle.createQuery("""
                        select (select coalesce(json_agg(json_build_array(id, sku, priority,
                                                                          (extract(epoch from placed_at) * 1000000)::int8, waiting)
                                                         order by id), '[]')
                                from order_lines where sku = any(:skus) and waiting > 0) as queue,
                               (select coalesce(json_agg(json_build_array(l.sku, p.order_line_id, p.purchase_order_line_id, p.quantity)
                                                         order by p.order_line_id, p.purchase_order_line_id), '[]')
                                from backorder_pegs p join order_lines l on l.id = p.order_line_id
                                where l.sku = any(:skus)) as pegs,
                               (select coalesce(json_agg(json_build_array(p.order_line_id, p.eta_from - date '1970-01-01',
                                                                          p.eta_to - date '1970-01-01', p.probability,
                                                                          p.purchase_order_line_id) order by p.order_line_id), '[]')
                                from line_promises p join order_lines l on l.id = p.order_line_id
                                where l.sku = any(:skus) and l.waiting > 0) as promises,
                               %s as supply,
                               %s as history""".formatted(OPEN_SUPPLY_WHERE.formatted("l.sku = any(:skus)"),
                                RECORDS_OF_OPEN_SUPPLY))
                .bindArray("skus", String.class, codes)
                .bind("limit", SqlReliability.MAX_OBSERVATIONS)
                .map((rs, ctx) -> new WaitingSide(queues(json(rs.getString("queue"))), pegs(json(rs.getString("pegs"))),
                        promises(json(rs.getString("promises"))), supplyRows(json(rs.getString("supply"))),
                        SqlReliability.fromJson(json(rs.getString("history")))))
                .one();
    }

    /** What {@link #loadWaitingSide} read, by SKU where it belongs to one. */
    private record WaitingSide(Map<Sku, List<WaitingLine>> queues, Map<Sku, Set<Peg>> pegs, Map<Long, StoredPromise> promises,
                               List<SupplyRow> supply, SupplierReliability reliability) {
    }

    private static JsonNode json(String array) {
        try {
            return JSON.readTree(array);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the database sent a book part that is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static Map<Sku, List<WaitingLine>> queues(JsonNode rows) {
        Map<Sku, List<WaitingLine>> queues = new HashMap<>();
        for (JsonNode row : rows) {
            queues.computeIfAbsent(Sku.of(row.get(1).asText()), k -> new ArrayList<>()).add(new WaitingLine(row.get(0).asLong(),
                    row.get(2).asInt(), Instant.EPOCH.plus(row.get(3).asLong(), ChronoUnit.MICROS), row.get(4).asInt()));
        }
        return queues;
    }

    private static Map<Sku, Set<Peg>> pegs(JsonNode rows) {
        Map<Sku, Set<Peg>> pegs = new HashMap<>();
        for (JsonNode row : rows) {
            pegs.computeIfAbsent(Sku.of(row.get(0).asText()), k -> new HashSet<>())
                    .add(new Peg(row.get(1).asLong(), row.get(2).asLong(), row.get(3).asInt()));
        }
        return pegs;
    }

    /** The waiting lines' stored promises by line id (as {@link SqlPromises#find} reads one): a promise where it has a last day. */
    private static Map<Long, StoredPromise> promises(JsonNode rows) {
        Map<Long, StoredPromise> promises = new HashMap<>();
        for (JsonNode row : rows) {
            double probability = row.get(3).asDouble();
            // eta_from and eta_to are null together (a CHECK).
            Optional<Promise> promise = row.get(2).isNull() ? Optional.empty() : Optional.of(new Promise(
                    LocalDate.ofEpochDay(row.get(1).asLong()), LocalDate.ofEpochDay(row.get(2).asLong()),
                    probability, row.get(4).isNull() ? Optional.empty() : Optional.of(row.get(4).asLong())));
            promises.put(row.get(0).asLong(), new StoredPromise(promise, probability));
        }
        return promises;
    }

    /** Supply rows from a JSON array of {@link #OPEN_SUPPLY_WHERE}'s shape. */
    private static List<SupplyRow> supplyRows(JsonNode rows) {
        List<SupplyRow> supply = new ArrayList<>();
        for (JsonNode row : rows) {
            supply.add(new SupplyRow(row.get(0).asLong(), row.get(1).asText(), LocalDate.ofEpochDay(row.get(2).asLong()),
                    row.get(3).asLong(), row.get(4).asInt()));
        }
        return supply;
    }

    /** The supply rows with their suppliers' arrival odds from records already read, by SKU. */
    private static Map<Sku, List<IncomingSupply>> supplies(List<SupplyRow> rows, SupplierReliability reliability) {
        Map<Sku, List<IncomingSupply>> supplies = new HashMap<>();
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
        SqlOrders.recordLineEvents(handle, changes.sku(), changes.events(), now);
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
    /** Writes what each book decided, and returns it (a receipt says which lines its units filled). */
    public static List<BookChanges> writeAll(Handle handle, Collection<SkuBook> books, Instant now) {
        List<BookChanges> written = new java.util.ArrayList<>();
        books.forEach(book -> {
            BookChanges changes = book.changes();
            write(handle, changes, now);
            written.add(changes);
        });
        return written;
    }
}
