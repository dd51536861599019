package restock.store;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import restock.allocation.Admission;
import restock.allocation.BookChanges;
import restock.catalog.Sku;
import restock.orders.LineQuantities;
import restock.orders.Order;
import restock.orders.OrderLine;
import restock.orders.OrderEventKind;
import restock.orders.OrderRequest;
import restock.promise.Promise;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Orders, their lines and the append-only order event log. */
public final class SqlOrders {
    private SqlOrders() {
    }

    /** Line ids are taken before deciding, so the backorder queue can hold the new lines while the decision is made. */
    public static List<Long> nextLineIds(Handle handle, int count) {
        return handle.createQuery("select nextval('order_lines_id_seq') from generate_series(1, :count)")
                .bind("count", count)
                .mapTo(Long.class)
                .list();
    }

    /**
     * The order, its lines and its events (placed, then each line's reserved, backordered and refused units, in line
     * order) in three round trips whatever the order's size: the lines and the events go as one batch each. A
     * statement per line and per event made a two-line order eight round trips.
     */
    public static long insertOrder(Handle handle, OrderRequest request, List<Long> lineIds, List<Admission> admissions, Instant now) {
        OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        long orderId = handle.createQuery("""
                        insert into orders (customer_email, allow_partial, priority, placed_at)
                        values (:email, :allowPartial, :priority, :at) returning id""")
                .bind("email", request.customerEmail())
                .bind("allowPartial", request.allowPartial())
                .bind("priority", request.priority())
                .bind("at", at)
                .mapTo(Long.class)
                .one();
        PreparedBatch lines = handle.prepareBatch("""
                insert into order_lines (id, order_id, line_number, sku, priority, placed_at, quantity,
                                         reserved, waiting, refused, shipped, cancelled, refusal_reason)
                values (:id, :orderId, :lineNumber, :sku, :priority, :at, :quantity,
                        :reserved, :waiting, :refused, 0, 0, :reason)""");
        PreparedBatch events = handle.prepareBatch(INSERT_EVENT);
        addEvent(events, orderId, null, null, OrderEventKind.PLACED, 0, at);
        for (int i = 0; i < admissions.size(); i++) {
            OrderRequest.Line line = request.lines().get(i);
            Admission admission = admissions.get(i);
            lines.bind("id", lineIds.get(i))
                    .bind("orderId", orderId)
                    .bind("lineNumber", i + 1)
                    .bind("sku", line.sku().code())
                    .bind("priority", request.priority())
                    .bind("at", at)
                    .bind("quantity", line.quantity())
                    .bind("reserved", admission.reserved())
                    .bind("waiting", admission.waiting())
                    .bind("refused", admission.refused())
                    .bind("reason", admission.refusalReason().orElse(null))
                    .add();
            addIfPositive(events, orderId, lineIds.get(i), line.sku(), OrderEventKind.RESERVED, admission.reserved(), at);
            addIfPositive(events, orderId, lineIds.get(i), line.sku(), OrderEventKind.BACKORDERED, admission.waiting(), at);
            addIfPositive(events, orderId, lineIds.get(i), line.sku(), OrderEventKind.REFUSED, admission.refused(), at);
        }
        lines.execute();
        events.execute();
        return orderId;
    }

    private static final String INSERT_EVENT = """
            insert into order_events (order_id, order_line_id, sku, kind, quantity, occurred_at)
            values (:orderId, :lineId, :sku, :kind, :quantity, :at)""";

    private static void addIfPositive(PreparedBatch events, long orderId, long lineId, Sku sku, OrderEventKind kind, int quantity,
                                      OffsetDateTime at) {
        if (quantity > 0) {
            addEvent(events, orderId, lineId, sku, kind, quantity, at);
        }
    }

    private static void addEvent(PreparedBatch events, long orderId, Long lineId, Sku sku, OrderEventKind kind, int quantity, OffsetDateTime at) {
        events.bind("orderId", orderId)
                .bind("lineId", lineId)
                .bind("sku", sku == null ? null : sku.code())
                .bind("kind", kind.code())
                .bind("quantity", quantity)
                .bind("at", at)
                .add();
    }

    /** An event of one line; its order is the line's. */
    public static void recordLineEvent(Handle handle, long lineId, Sku sku, OrderEventKind kind, int quantity, Instant now) {
        int inserted = handle.createUpdate(INSERT_LINE_EVENT)
                .bind("lineId", lineId)
                .bind("sku", sku.code())
                .bind("kind", kind.code())
                .bind("quantity", quantity)
                .bind("at", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .execute();
        if (inserted != 1) {
            throw new IllegalStateException("no order line " + lineId + " to record " + kind.code() + " for");
        }
    }

    private static final String INSERT_LINE_EVENT = """
            insert into order_events (order_id, order_line_id, sku, kind, quantity, occurred_at)
            select order_id, id, :sku, :kind, :quantity, :at from order_lines where id = :lineId""";

    /** Events of lines of one SKU, in one round trip; each line must exist (its order is the line's). */
    public static void recordLineEvents(Handle handle, Sku sku, List<BookChanges.LineEvent> lineEvents, Instant now) {
        if (lineEvents.isEmpty()) {
            return;
        }
        PreparedBatch batch = handle.prepareBatch(INSERT_LINE_EVENT);
        OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        for (BookChanges.LineEvent event : lineEvents) {
            batch.bind("lineId", event.lineId())
                    .bind("sku", sku.code())
                    .bind("kind", event.kind().code())
                    .bind("quantity", event.quantity())
                    .bind("at", at)
                    .add();
        }
        int[] inserted = batch.execute();
        for (int i = 0; i < inserted.length; i++) {
            if (inserted[i] != 1) {
                BookChanges.LineEvent event = lineEvents.get(i);
                throw new IllegalStateException("no order line " + event.lineId() + " to record " + event.kind().code() + " for");
            }
        }
    }

    public static void recordEvent(Handle handle, long orderId, Long lineId, Sku sku, OrderEventKind kind, int quantity, Instant now) {
        handle.createUpdate(INSERT_EVENT)
                .bind("orderId", orderId)
                .bind("lineId", lineId)
                .bind("sku", sku == null ? null : sku.code())
                .bind("kind", kind.code())
                .bind("quantity", quantity)
                .bind("at", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .execute();
    }

    /** The order's cancellations as recorded, oldest first. */
    public static List<restock.orders.Cancellation> cancellations(Handle handle, long orderId) {
        return handle.createQuery("select via, reason, occurred_at from cancellations where order_id = :order order by id")
                .bind("order", orderId)
                .map((rs, ctx) -> new restock.orders.Cancellation(restock.orders.CancellationChannel.of(rs.getString("via")), rs.getString("reason"),
                        rs.getObject("occurred_at", OffsetDateTime.class).toInstant()))
                .list();
    }

    /**
     * The order with its lines (with {@code lockLines}, the lines locked) in one statement: its header never changes
     * once placed, so it is read with the lines. Two statements before, on every order placed, cancelled or shipped
     * (twice in each cancel). An order found without lines is read by its header alone.
     */
    public static Optional<Order> findOrder(Handle handle, long orderId, boolean lockLines) {
        List<Map.Entry<Order, OrderLine>> rows = handle.createQuery("""
                        select l.*, p.eta_from, p.eta_to, p.probability, p.purchase_order_line_id,
                               o.customer_email as order_customer_email, o.priority as order_priority, o.placed_at as order_placed_at
                        from order_lines l join orders o on o.id = l.order_id
                             left join line_promises p on p.order_line_id = l.id and l.waiting > 0
                        where l.order_id = :id order by l.line_number""" + (lockLines ? " for update of l" : ""))
                .bind("id", orderId)
                .map((rs, ctx) -> Map.entry(new Order(orderId, rs.getString("order_customer_email"), rs.getInt("order_priority"),
                        rs.getObject("order_placed_at", OffsetDateTime.class).toInstant(), List.of()), line(rs)))
                .list();
        if (rows.isEmpty()) {
            return handle.createQuery("select * from orders where id = :id").bind("id", orderId).map((rs, ctx) -> header(rs)).findOne();
        }
        Order order = rows.get(0).getKey();
        return Optional.of(new Order(order.id(), order.customerEmail(), order.priority(), order.placedAt(),
                rows.stream().map(Map.Entry::getValue).toList()));
    }

    /** Order lines with their current promise (a promise is shown only while the line waits). */
    private static final String LINES = """
            select l.*, p.eta_from, p.eta_to, p.probability, p.purchase_order_line_id
            from order_lines l left join line_promises p on p.order_line_id = l.id and l.waiting > 0""";

    private static Order header(ResultSet rs) throws SQLException {
        return new Order(rs.getLong("id"), rs.getString("customer_email"), rs.getInt("priority"),
                rs.getObject("placed_at", OffsetDateTime.class).toInstant(), List.of());
    }

    /**
     * Orders that can ship now, oldest first after a given order id (keyset paging): a warehouse's pick list. An
     * order is on it when a line's open units are all reserved (a line in state reserved) and its payment, where
     * Restock takes one, is authorized or captured: what {@code OrderCommands.ship} sends. Two statements for the
     * page, whatever its size.
     */
    public static List<Order> readyToShip(Handle handle, long afterId, int limit) {
        List<Order> headers = handle.createQuery("""
                        select * from orders where id in (
                            select distinct l.order_id from order_lines l
                            where l.reserved > 0 and l.waiting = 0 and l.order_id > :after
                              and not exists (select 1 from line_payments p where p.order_line_id = l.id
                                              and p.state not in ('authorized', 'captured'))
                            order by l.order_id limit :limit)
                        order by id""")
                .bind("after", afterId)
                .bind("limit", limit)
                .map((rs, ctx) -> header(rs))
                .list();
        if (headers.isEmpty()) {
            return headers;
        }
        java.util.Map<Long, List<OrderLine>> lines = linesOfOrders(handle, headers.stream().map(Order::id).toList());
        return headers.stream().map(order -> new Order(order.id(), order.customerEmail(), order.priority(), order.placedAt(),
                lines.get(order.id()))).toList();
    }

    /** The lines of several orders, in line order, by order id: one statement whatever their number. */
    public static java.util.Map<Long, List<OrderLine>> linesOfOrders(Handle handle, List<Long> orderIds) {
        java.util.Map<Long, List<OrderLine>> lines = new java.util.HashMap<>();
        handle.createQuery(LINES + " where l.order_id = any(:ids) order by l.order_id, l.line_number")
                .bindArray("ids", Long.class, orderIds)
                .map((rs, ctx) -> java.util.Map.entry(rs.getLong("order_id"), line(rs)))
                .forEach(entry -> lines.computeIfAbsent(entry.getKey(), k -> new java.util.ArrayList<>()).add(entry.getValue()));
        return lines;
    }

    private static OrderLine line(ResultSet rs) throws SQLException {
        return new OrderLine(rs.getLong("id"), rs.getInt("line_number"), Sku.of(rs.getString("sku")),
                new LineQuantities(rs.getInt("quantity"), rs.getInt("reserved"), rs.getInt("waiting"), rs.getInt("refused"),
                        rs.getInt("shipped"), rs.getInt("cancelled")),
                Optional.ofNullable(rs.getString("refusal_reason")), promise(rs));
    }

    /** A waiting line's current promise; empty when nothing confirmed covers it or it does not wait. */
    private static Optional<Promise> promise(ResultSet rs) throws SQLException {
        java.time.LocalDate to = rs.getObject("eta_to", java.time.LocalDate.class);
        return to == null ? Optional.empty() : Optional.of(new Promise(rs.getObject("eta_from", java.time.LocalDate.class), to,
                rs.getDouble("probability"), Optional.ofNullable((Long) rs.getObject("purchase_order_line_id"))));
    }

    /** A waiting line's new place in its queue; the book decided it. */
    public static void setLinePriority(Handle handle, long lineId, int priority) {
        handle.createUpdate("update order_lines set priority = :priority where id = :id").bind("priority", priority).bind("id", lineId).execute();
    }

    public static void updateLine(Handle handle, long lineId, LineQuantities quantities) {
        handle.createUpdate("""
                        update order_lines set reserved = :reserved, waiting = :waiting, shipped = :shipped, cancelled = :cancelled
                        where id = :id""")
                .bind("reserved", quantities.reserved())
                .bind("waiting", quantities.waiting())
                .bind("shipped", quantities.shipped())
                .bind("cancelled", quantities.cancelled())
                .bind("id", lineId)
                .execute();
    }

    /** The orders the lines belong to, each with its lines, in order id order. */
    /** Where a line sits: its order and its number in that order. */
    public record LinePlace(long orderId, int lineNumber) {
    }

    public static LinePlace placeOfLine(Handle handle, long lineId) {
        return handle.createQuery("select order_id, line_number from order_lines where id = :id")
                .bind("id", lineId)
                .map((rs, ctx) -> new LinePlace(rs.getLong("order_id"), rs.getInt("line_number")))
                .one();
    }

    /** Where each of the lines sits (lines that do not exist are left out). */
    public static java.util.Map<Long, LinePlace> placesOfLines(Handle handle, java.util.Collection<Long> lineIds) {
        java.util.Map<Long, LinePlace> places = new java.util.HashMap<>();
        handle.createQuery("select id, order_id, line_number from order_lines where id = any(:ids)")
                .bindArray("ids", Long.class, lineIds)
                .map((rs, ctx) -> java.util.Map.entry(rs.getLong("id"), new LinePlace(rs.getLong("order_id"), rs.getInt("line_number"))))
                .forEach(entry -> places.put(entry.getKey(), entry.getValue()));
        return places;
    }

    /** A line as a fill left it: where it sits and what of it still waits. */
    public record FilledLine(long lineId, long orderId, int lineNumber, int waiting) {
    }

    /** The lines, each with what still waits (lines that do not exist are left out). */
    public static java.util.Map<Long, FilledLine> filledLines(Handle handle, java.util.Collection<Long> lineIds) {
        java.util.Map<Long, FilledLine> lines = new java.util.HashMap<>();
        handle.createQuery("select id, order_id, line_number, waiting from order_lines where id = any(:ids)")
                .bindArray("ids", Long.class, lineIds)
                .map((rs, ctx) -> new FilledLine(rs.getLong("id"), rs.getLong("order_id"), rs.getInt("line_number"), rs.getInt("waiting")))
                .forEach(line -> lines.put(line.lineId(), line));
        return lines;
    }

    public static java.util.Map<Long, List<Long>> ordersOfLines(Handle handle, List<Long> lineIds) {
        java.util.Map<Long, List<Long>> byOrder = new java.util.TreeMap<>();
        handle.createQuery("select order_id, id from order_lines where id = any(:ids)")
                .bindArray("ids", Long.class, lineIds)
                .map((rs, ctx) -> java.util.Map.entry(rs.getLong("order_id"), rs.getLong("id")))
                .forEach(entry -> byOrder.computeIfAbsent(entry.getKey(), k -> new java.util.ArrayList<>()).add(entry.getValue()));
        return byOrder;
    }
}
