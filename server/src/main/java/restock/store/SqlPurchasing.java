package restock.store;

import org.jdbi.v3.core.Handle;
import restock.catalog.Sku;
import restock.purchasing.PurchaseOrder;
import restock.purchasing.PurchaseOrderRequest;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Purchase orders, their lines and receipts. */
public final class SqlPurchasing {
    private SqlPurchasing() {
    }

    public static long insert(Handle handle, long supplierId, PurchaseOrderRequest request, Instant now) {
        long id = handle.createQuery("""
                        insert into purchase_orders (supplier_id, status, created_at) values (:supplier, 'open', :at)
                        returning id""")
                .bind("supplier", supplierId)
                .bind("at", utc(now))
                .mapTo(Long.class)
                .one();
        for (int i = 0; i < request.lines().size(); i++) {
            PurchaseOrderRequest.Line line = request.lines().get(i);
            handle.createUpdate("""
                            insert into purchase_order_lines (purchase_order_id, line_number, sku, quantity_ordered,
                                                              expected_date, original_expected_date)
                            values (:order, :lineNumber, :sku, :quantity, :expected, :expected)""")
                    .bind("order", id)
                    .bind("lineNumber", i + 1)
                    .bind("sku", line.sku().code())
                    .bind("quantity", line.quantity())
                    .bind("expected", line.expectedDate())
                    .execute();
        }
        return id;
    }

    /** Purchase orders after {@code afterId}, in id order, optionally of one status and naming one SKU; up to {@code limit}. */
    public static List<PurchaseOrder> list(Handle handle, Optional<PurchaseOrder.Status> status, Optional<Sku> sku, long afterId, int limit) {
        List<PurchaseOrder> headers = handle.createQuery(HEADER + "\n" + """
                         where o.id > :after and (cast(:status as text) is null or o.status = :status)
                           and (cast(:sku as text) is null or exists (select 1 from purchase_order_lines l
                                                                     where l.purchase_order_id = o.id and l.sku = :sku))
                         order by o.id limit :limit""")
                .bind("after", afterId)
                .bind("status", status.map(PurchaseOrder.Status::code).orElse(null))
                .bind("sku", sku.map(Sku::code).orElse(null))
                .bind("limit", limit)
                .map((rs, ctx) -> header(rs))
                .list();
        // The page's lines in one query, not one per order.
        Map<Long, List<PurchaseOrder.Line>> lines = new HashMap<>();
        handle.createQuery("select * from purchase_order_lines where purchase_order_id = any(:ids) order by purchase_order_id, line_number")
                .bindArray("ids", Long.class, headers.stream().map(PurchaseOrder::id).toList())
                .map((rs, ctx) -> Map.entry(rs.getLong("purchase_order_id"), line(rs)))
                .forEach(entry -> lines.computeIfAbsent(entry.getKey(), id -> new ArrayList<>()).add(entry.getValue()));
        return headers.stream().map(order -> new PurchaseOrder(order.id(), order.supplier(), order.status(), order.createdAt(),
                lines.getOrDefault(order.id(), List.of()))).toList();
    }

    private static final String HEADER = """
            select o.id, s.name as supplier, o.status, o.created_at
            from purchase_orders o join suppliers s on s.id = o.supplier_id""";

    private static PurchaseOrder header(ResultSet rs) throws SQLException {
        return new PurchaseOrder(rs.getLong("id"), rs.getString("supplier"), PurchaseOrder.Status.parse(rs.getString("status")),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(), List.of());
    }

    private static PurchaseOrder.Line line(ResultSet rs) throws SQLException {
        return new PurchaseOrder.Line(rs.getLong("id"), rs.getInt("line_number"), Sku.of(rs.getString("sku")),
                rs.getInt("quantity_ordered"), rs.getInt("quantity_received"), rs.getObject("expected_date", LocalDate.class),
                Optional.ofNullable(rs.getObject("first_received_at", OffsetDateTime.class)).map(OffsetDateTime::toInstant),
                Optional.ofNullable(rs.getObject("last_received_at", OffsetDateTime.class)).map(OffsetDateTime::toInstant),
                rs.getObject("original_expected_date", LocalDate.class));
    }

    /** The purchase order each of the purchase order lines belongs to. */
    public static java.util.Map<Long, Long> ordersOfLines(Handle handle, java.util.Collection<Long> lineIds) {
        java.util.Map<Long, Long> orders = new java.util.HashMap<>();
        handle.createQuery("select id, purchase_order_id from purchase_order_lines where id = any(:ids)")
                .bindArray("ids", Long.class, lineIds)
                .map((rs, ctx) -> java.util.Map.entry(rs.getLong("id"), rs.getLong("purchase_order_id")))
                .forEach(entry -> orders.put(entry.getKey(), entry.getValue()));
        return orders;
    }

    /**
     * Reads the order; with {@code lock}, holds its row so that receipts and closes on one order run one at a time.
     * Without a lock, header and lines are one statement (two before: a receipt read its order three times). With one
     * they stay two: a statement that waited for the lock would show the lines of the moment it started, before the
     * receipt it waited for.
     */
    public static Optional<PurchaseOrder> find(Handle handle, long id, boolean lock) {
        if (!lock) {
            return findUnlocked(handle, id);
        }
        Optional<PurchaseOrder> header = handle.createQuery(HEADER + " where o.id = :id" + (lock ? " for update of o" : ""))
                .bind("id", id)
                .map((rs, ctx) -> header(rs))
                .findOne();
        if (header.isEmpty()) {
            return header;
        }
        List<PurchaseOrder.Line> lines = handle.createQuery("select * from purchase_order_lines where purchase_order_id = :id order by line_number")
                .bind("id", id)
                .map((rs, ctx) -> line(rs))
                .list();
        PurchaseOrder order = header.get();
        return Optional.of(new PurchaseOrder(order.id(), order.supplier(), order.status(), order.createdAt(), lines));
    }

    private static Optional<PurchaseOrder> findUnlocked(Handle handle, long id) {
        List<Map.Entry<PurchaseOrder, Optional<PurchaseOrder.Line>>> rows = handle.createQuery("""
                        select o.id as order_id, s.name as supplier, o.status, o.created_at, l.*
                        from purchase_orders o join suppliers s on s.id = o.supplier_id
                             left join purchase_order_lines l on l.purchase_order_id = o.id
                        where o.id = :id order by l.line_number""")
                .bind("id", id)
                .map((rs, ctx) -> Map.entry(new PurchaseOrder(rs.getLong("order_id"), rs.getString("supplier"),
                        PurchaseOrder.Status.parse(rs.getString("status")), rs.getObject("created_at", OffsetDateTime.class).toInstant(), List.of()),
                        rs.getObject("line_number") == null ? Optional.<PurchaseOrder.Line>empty() : Optional.of(line(rs))))
                .list();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        PurchaseOrder order = rows.get(0).getKey();
        return Optional.of(new PurchaseOrder(order.id(), order.supplier(), order.status(), order.createdAt(),
                rows.stream().flatMap(row -> row.getValue().stream()).toList()));
    }

    public static void recordReceipt(Handle handle, long lineId, int quantity, Instant now) {
        handle.createUpdate("""
                        update purchase_order_lines
                        set quantity_received = quantity_received + :quantity,
                            first_received_at = coalesce(first_received_at, :at),
                            last_received_at = :at
                        where id = :id""")
                .bind("quantity", quantity)
                .bind("at", utc(now))
                .bind("id", lineId)
                .execute();
        handle.createUpdate("insert into purchase_order_receipts (purchase_order_line_id, quantity, received_at) values (:id, :quantity, :at)")
                .bind("id", lineId)
                .bind("quantity", quantity)
                .bind("at", utc(now))
                .execute();
    }

    public static void reschedule(Handle handle, long lineId, LocalDate expectedDate) {
        handle.createUpdate("update purchase_order_lines set expected_date = :expected where id = :id")
                .bind("expected", expectedDate)
                .bind("id", lineId)
                .execute();
    }

    public static void end(Handle handle, long id, PurchaseOrder.Status status, Instant now) {
        handle.createUpdate("update purchase_orders set status = :status, ended_at = :at where id = :id and status = 'open'")
                .bind("status", status.code())
                .bind("at", utc(now))
                .bind("id", id)
                .execute();
    }

    static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
