package restock.store;

import org.jdbi.v3.core.Handle;
import restock.orders.LineQuantities;
import restock.views.ConsoleRows;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** The console's lists: read-only queries that join what each page shows in one statement. */
public final class SqlConsole {
    private SqlConsole() {
    }

    /**
     * A line of an open purchase order, {@code l} of {@code po}, with units still owed and late as of {@code :today}:
     * {@link restock.purchasing.PurchaseOrder#daysLate} above zero (past the date first confirmed, to its first arrival or
     * today). The lists count only what is still owed: a line that arrived late is history, counted in supplier figures.
     */
    static final String LATE_OWED_LINE = """
            (po.status = 'open' and l.quantity_received < l.quantity_ordered
             and coalesce((l.first_received_at at time zone 'UTC')::date, :today) > l.original_expected_date)""";

    /** A line, {@code l} of {@code po}, overdue as of {@code :today}: {@link restock.purchasing.PurchaseOrder#daysOverdue} above zero. */
    static final String OVERDUE_LINE = """
            (po.status = 'open' and l.quantity_received < l.quantity_ordered and l.expected_date < :today)""";

    /** Open purchase order lines still owed that are late or overdue (or both), the one first confirmed earliest first. */
    public static List<ConsoleRows.LateOrOverdueLine> lateOrOverdueLines(Handle handle, LocalDate today, int limit) {
        return handle.createQuery("""
                        select po.id, po.supplier_id, s.name as supplier, l.sku, p.name, l.quantity_ordered - l.quantity_received as open_units,
                          l.original_expected_date, l.expected_date, %1$s as late, %2$s as overdue
                        from purchase_order_lines l join purchase_orders po on po.id = l.purchase_order_id
                          join suppliers s on s.id = po.supplier_id join products p on p.sku = l.sku
                        where %1$s or %2$s
                        order by l.original_expected_date, l.expected_date, po.id limit :limit""".formatted(LATE_OWED_LINE, OVERDUE_LINE))
                .bind("today", today).bind("limit", limit)
                .map((rs, ctx) -> new ConsoleRows.LateOrOverdueLine(rs.getLong("id"), rs.getLong("supplier_id"), rs.getString("supplier"), rs.getString("sku"),
                        rs.getString("name"), rs.getInt("open_units"), rs.getObject("original_expected_date", LocalDate.class),
                        rs.getObject("expected_date", LocalDate.class), rs.getBoolean("late"), rs.getBoolean("overdue")))
                .list();
    }

    /** Waiting lines promised for a day already past, or with no promise at all, oldest first. */
    public static List<ConsoleRows.PromiseAtRisk> promisesAtRisk(Handle handle, LocalDate today, int limit) {
        return handle.createQuery("""
                        select l.order_id, l.line_number, l.sku, p.name, l.waiting, lp.eta_to
                        from order_lines l join products p on p.sku = l.sku left join line_promises lp on lp.order_line_id = l.id
                        where l.waiting > 0 and (lp.eta_to is null or lp.eta_to < :today)
                        order by l.placed_at, l.id limit :limit""")
                .bind("today", today).bind("limit", limit)
                .map((rs, ctx) -> new ConsoleRows.PromiseAtRisk(rs.getLong("order_id"), rs.getInt("line_number"), rs.getString("sku"), rs.getString("name"),
                        rs.getInt("waiting"), Optional.ofNullable(rs.getObject("eta_to", LocalDate.class))))
                .list();
    }

    public static ConsoleRows.Figures figures(Handle handle, Instant dayStart, LocalDate today) {
        return handle.createQuery("""
                        select
                          (select count(*) from orders where placed_at >= :start) as orders_today,
                          (select coalesce(-sum(quantity), 0) from stock_movements where kind = 'shipment' and occurred_at >= :start) as shipped,
                          w.lines as waiting_lines, w.units as waiting_units,
                          (select count(*) from purchase_orders where status = 'open') as open_pos,
                          s.lines as late_lines, s.purchase_orders as late_pos, s.overdue as overdue_lines,
                          (select count(*) from stock where on_hand - reserved <= 0) as out_of_stock,
                          (select count(*) from waitlist where unsubscribed_at is null and notified_at is null
                             and confirmed_at is not null) as waitlist
                        from (select count(*) as lines, coalesce(sum(waiting), 0) as units from order_lines where waiting > 0) w,
                          (select count(*) as lines, count(distinct po.id) as purchase_orders, count(*) filter (where %2$s) as overdue
                           from purchase_orders po join purchase_order_lines l on l.purchase_order_id = po.id
                           where %1$s or %2$s) s"""
                        .formatted(LATE_OWED_LINE, OVERDUE_LINE))
                .bind("start", SqlPurchasing.utc(dayStart)).bind("today", today)
                .map((rs, ctx) -> new ConsoleRows.Figures(rs.getInt("orders_today"), rs.getInt("shipped"), rs.getInt("waiting_lines"),
                        rs.getInt("waiting_units"), rs.getInt("open_pos"), rs.getInt("late_lines"), rs.getInt("late_pos"), rs.getInt("overdue_lines"),
                        rs.getInt("out_of_stock"), rs.getInt("waitlist")))
                .one();
    }

    /** Units ordered, backordered, shipped and cancelled per day, from the order events, with every day present. */
    public static List<ConsoleRows.Day> trend(Handle handle, LocalDate from, LocalDate to) {
        // The events of the period summed per UTC day, then joined to the days: a join of each day to its events was
        // estimated at hundreds of millions of rows, which set off JIT compilation (half a second) on every request.
        return handle.createQuery("""
                        select d.day, coalesce(x.ordered, 0) as ordered, coalesce(x.backordered, 0) as backordered,
                               coalesce(x.shipped, 0) as shipped, coalesce(x.cancelled, 0) as cancelled
                        from (select cast(g as date) as day from generate_series(cast(:from as date), cast(:to as date), interval '1 day') g) d
                        left join (select (occurred_at at time zone 'UTC')::date as day,
                                          sum(quantity) filter (where kind in ('reserved', 'backordered', 'refused')) as ordered,
                                          sum(quantity) filter (where kind = 'backordered') as backordered,
                                          sum(quantity) filter (where kind = 'shipped') as shipped,
                                          sum(quantity) filter (where kind = 'cancelled') as cancelled
                                   from order_events where occurred_at >= :start and occurred_at < :end group by 1) x on x.day = d.day
                        order by d.day""")
                .bind("from", from).bind("to", to)
                .bind("start", SqlPurchasing.utc(from.atStartOfDay().toInstant(java.time.ZoneOffset.UTC)))
                .bind("end", SqlPurchasing.utc(to.plusDays(1).atStartOfDay().toInstant(java.time.ZoneOffset.UTC)))
                .map((rs, ctx) -> new ConsoleRows.Day(rs.getObject("day", LocalDate.class), rs.getInt("ordered"), rs.getInt("backordered"),
                        rs.getInt("shipped"), rs.getInt("cancelled")))
                .list();
    }

    /** Products whose name holds the words, in any case, by name then SKU; at most {@code limit}. */
    public static List<ConsoleRows.NamedProduct> productsNamed(Handle handle, String words, int limit) {
        String like = "%" + words.toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return handle.createQuery("select sku, name from products where lower(name) like :like order by name, sku limit :limit")
                .bind("like", like).bind("limit", limit)
                .map((rs, ctx) -> new ConsoleRows.NamedProduct(rs.getString("sku"), rs.getString("name"))).list();
    }

    /** Waiting lines, oldest first, optionally of one SKU; each with its place in its SKU's queue. */
    public static List<ConsoleRows.QueueLine> queue(Handle handle, Optional<String> sku, int limit) {
        // Places first, over the waiting lines alone; then the page's rows get their names, promises and causes.
        return handle.createQuery("""
                        select q.*, p.name, lp.eta_from, lp.eta_to, lp.probability,
                               (select c.primary_cause from backorder_causes c where c.order_line_id = q.id
                                order by c.order_event_id desc limit 1) as cause
                        from (
                          select l.id, l.order_id, l.line_number, l.sku, l.waiting, l.priority, l.placed_at,
                                 row_number() over (partition by l.sku order by l.priority desc, l.placed_at, l.id) as place
                          from order_lines l
                          where l.waiting > 0 and (cast(:sku as text) is null or l.sku = :sku)
                          order by l.placed_at, l.order_id, l.line_number limit :limit) q
                        join products p on p.sku = q.sku left join line_promises lp on lp.order_line_id = q.id
                        order by q.placed_at, q.order_id, q.line_number""")
                .bind("sku", sku.orElse(null)).bind("limit", limit)
                .map((rs, ctx) -> new ConsoleRows.QueueLine(rs.getLong("order_id"), rs.getInt("line_number"), rs.getString("sku"), rs.getString("name"),
                        rs.getInt("waiting"), rs.getInt("priority"), instant(rs, "placed_at"), rs.getInt("place"),
                        Optional.ofNullable(rs.getObject("eta_from", LocalDate.class)), Optional.ofNullable(rs.getObject("eta_to", LocalDate.class)),
                        Optional.ofNullable((Double) rs.getObject("probability")), Optional.ofNullable(rs.getString("cause"))))
                .list();
    }

    /**
     * Orders newest first, matching a search: an order number, part of an email address, or a SKU or product name
     * (empty: all).
     */
    public static List<ConsoleRows.OrderRow> orders(Handle handle, String search, int limit) {
        String term = search.trim();
        Long id = term.matches("[0-9]{1,18}") ? Long.parseLong(term) : null;
        String like = "%" + term.toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        // Each way of matching finds its newest orders on its own index (the order number, a trigram index on the
        // email, the lines of the matching products), so a search that matches few orders reads few rows; an empty
        // search reads the newest orders. Two statements rather than one with "or :term = ''", which PostgreSQL
        // would plan for the general case.
        String matching = term.isEmpty() ? "select o.id from orders o order by o.id desc limit :limit" : """
                (select o.id from orders o where o.id = :id or lower(o.customer_email) like :like order by o.id desc limit :limit)
                union
                (select l.order_id from order_lines l
                 where l.sku in (select p.sku from products p where lower(p.sku) like :like or lower(p.name) like :like)
                 order by l.order_id desc limit :limit)""";
        var query = handle.createQuery("""
                        select o.id, o.customer_email, o.placed_at, t.lines, t.units, t.reserved, t.waiting, t.refused, t.shipped, t.cancelled
                        from (select id from (%s) m order by id desc limit :limit) hit join orders o on o.id = hit.id
                        cross join lateral (select count(*) as lines, sum(l.quantity) as units, sum(l.reserved) as reserved,
                                                   sum(l.waiting) as waiting, sum(l.refused) as refused,
                                                   sum(l.shipped) as shipped, sum(l.cancelled) as cancelled
                                            from order_lines l where l.order_id = o.id) t
                        order by o.id desc""".formatted(matching)).bind("limit", limit);
        if (!term.isEmpty()) {
            query.bind("id", id).bind("like", like);
        }
        return query
                .map((rs, ctx) -> new ConsoleRows.OrderRow(rs.getLong("id"), rs.getString("customer_email"), instant(rs, "placed_at"), rs.getInt("lines"),
                        new LineQuantities(rs.getInt("units"), rs.getInt("reserved"), rs.getInt("waiting"), rs.getInt("refused"),
                                rs.getInt("shipped"), rs.getInt("cancelled")), List.of()))
                .list();
    }

    /**
     * Purchase orders, open ones first (soonest due first), then the rest newest first. Only an open order has anything
     * due: a closed one (short lines included) or a cancelled one shows no next date.
     */
    public static List<ConsoleRows.PurchaseOrderRow> purchaseOrders(Handle handle, Optional<String> status, LocalDate today, int limit) {
        return purchaseOrders(handle, status, Optional.empty(), today, 0, limit);
    }

    /**
     * A purchase order ({@code po}) with a line still owed that is late, overdue or either as of {@code :today}, by the
     * predicates that mirror {@link restock.purchasing.PurchaseOrder#daysLate} and {@code daysOverdue}; true without a filter.
     */
    private static String withLines(Optional<ConsoleRows.Lateness> lateness) {
        if (lateness.isEmpty()) {
            return "true";
        }
        String line = switch (lateness.get()) {
            case LATE -> LATE_OWED_LINE;
            case OVERDUE -> OVERDUE_LINE;
            case LATE_OR_OVERDUE -> "(" + LATE_OWED_LINE + " or " + OVERDUE_LINE + ")";
        };
        return "exists (select 1 from purchase_order_lines l where l.purchase_order_id = po.id and " + line + ")";
    }

    /** How many purchase orders there are, of one status or of all, with late or overdue lines when asked. */
    public static int purchaseOrderCount(Handle handle, Optional<String> status, Optional<ConsoleRows.Lateness> lateness, LocalDate today) {
        var query = handle.createQuery("select count(*) from purchase_orders po where " + withLines(lateness)
                + (status.isPresent() ? " and po.status = :status" : ""));
        status.ifPresent(code -> query.bind("status", code));
        lateness.ifPresent(kept -> query.bind("today", today));
        return query.mapTo(Integer.class).one();
    }

    /**
     * As {@link #purchaseOrders(Handle, Optional, LocalDate, int)}, of those with late or overdue lines when asked
     * (only open ones have any), from the {@code offset}-th row of that order on.
     */
    public static List<ConsoleRows.PurchaseOrderRow> purchaseOrders(Handle handle, Optional<String> status, Optional<ConsoleRows.Lateness> lateness,
                                                                    LocalDate today, int offset, int limit) {
        // The page's purchase orders are chosen first (the open ones are few; the others are read newest first from the
        // primary key), then only those are summed up: never the whole purchase order history.
        String openOrders = """
                (select po.id, true as open, d.due from purchase_orders po
                 left join (select l.purchase_order_id, min(l.expected_date) as due from purchase_order_lines l
                            where l.quantity_received < l.quantity_ordered group by l.purchase_order_id) d on d.purchase_order_id = po.id
                 where po.status = 'open' and %s order by d.due nulls last, po.id desc limit :limit + :offset)""".formatted(withLines(lateness));
        String endedOrders = """
                (select po.id, false as open, null::date as due from purchase_orders po
                 where po.status %s and %s order by po.id desc limit :limit + :offset)"""
                .formatted(status.isPresent() ? "= :status" : "<> 'open'", withLines(lateness));
        String chosen = status.isEmpty() ? openOrders + " union all " + endedOrders : status.get().equals("open") ? openOrders : endedOrders;
        var query = handle.createQuery("""
                        select po.id, po.supplier_id, s.name as supplier, po.status, po.created_at, t.ordered, t.received, t.next_expected, t.late, t.overdue
                        from (select * from (%s) c order by not open, due nulls last, id desc limit :limit offset :offset) page
                        join purchase_orders po on po.id = page.id join suppliers s on s.id = po.supplier_id
                        cross join lateral (%s) t
                        order by not page.open, page.due nulls last, po.id desc""".formatted(chosen, ROW_SUMS))
                .bind("limit", limit).bind("offset", offset).bind("today", today);
        if (status.isPresent() && !status.get().equals("open")) {
            query.bind("status", status.get());
        }
        return query
                .map((rs, ctx) -> purchaseOrderRow(rs))
                .list();
    }

    /**
     * The supplier a SKU is usually ordered from: the one it was last ordered from on a purchase order, else the supplier
     * its product record names; none when neither is known.
     */
    public static Optional<String> usualSupplier(Handle handle, String sku) {
        return handle.createQuery("""
                        select name from (
                            (select s.name, 1 as rank from purchase_order_lines l join purchase_orders po on po.id = l.purchase_order_id
                             join suppliers s on s.id = po.supplier_id where l.sku = :sku order by po.id desc limit 1)
                            union all
                            (select s.name, 2 as rank from products p join suppliers s on s.id = p.supplier_id where p.sku = :sku)) known
                        order by rank limit 1""")
                .bind("sku", sku).mapTo(String.class).findOne();
    }

    /** A supplier's open purchase orders, the one due soonest first, summed up like the purchase orders list. */
    public static List<ConsoleRows.PurchaseOrderRow> openPurchaseOrders(Handle handle, long supplierId, LocalDate today, int limit) {
        return handle.createQuery("""
                        select po.id, po.supplier_id, s.name as supplier, po.status, po.created_at, t.ordered, t.received, t.next_expected, t.late, t.overdue
                        from purchase_orders po join suppliers s on s.id = po.supplier_id
                        cross join lateral (%s) t
                        where po.supplier_id = :supplier and po.status = 'open'
                        order by t.next_expected nulls last, po.id desc limit :limit""".formatted(ROW_SUMS))
                .bind("supplier", supplierId).bind("limit", limit).bind("today", today)
                .map((rs, ctx) -> purchaseOrderRow(rs))
                .list();
    }

    /** A purchase order's lines summed up for a list row ({@code po} the order): only an open order has a next date, late or overdue lines. */
    private static final String ROW_SUMS = """
            select sum(l.quantity_ordered) as ordered, sum(l.quantity_received) as received,
              min(l.expected_date) filter (where po.status = 'open' and l.quantity_received < l.quantity_ordered) as next_expected,
              coalesce(bool_or(%s), false) as late, coalesce(bool_or(%s), false) as overdue
            from purchase_order_lines l where l.purchase_order_id = po.id""".formatted(LATE_OWED_LINE, OVERDUE_LINE);

    private static ConsoleRows.PurchaseOrderRow purchaseOrderRow(ResultSet rs) throws SQLException {
        return new ConsoleRows.PurchaseOrderRow(rs.getLong("id"), rs.getLong("supplier_id"), rs.getString("supplier"), rs.getString("status"),
                instant(rs, "created_at"), rs.getInt("ordered"), rs.getInt("received"), Optional.ofNullable(rs.getObject("next_expected", LocalDate.class)),
                rs.getBoolean("late"), rs.getBoolean("overdue"));
    }

    public static List<ConsoleRows.SupplierRow> suppliers(Handle handle, int limit) {
        return handle.createQuery(SUPPLIER_FIGURES.formatted("")).bind("limit", limit).map(SqlConsole::supplierRow).list();
    }

    /** One supplier's figures as the suppliers list shows them. */
    public static Optional<ConsoleRows.SupplierRow> supplier(Handle handle, long id) {
        return handle.createQuery(SUPPLIER_FIGURES.formatted("where s.id = :id")).bind("id", id).bind("limit", 1)
                .map(SqlConsole::supplierRow).findOne();
    }

    /**
     * Each supplier's purchase orders in numbers; "late" compares the UTC day of a line's first arrival with the date first
     * promised ({@link restock.purchasing.PurchaseOrder#daysLate}'s rule; the session's own time zone moved late-evening arrivals).
     */
    private static final String SUPPLIER_FIGURES = """
            select s.id, s.name,
              count(distinct po.id) as pos,
              count(distinct po.id) filter (where po.status = 'open') as open_pos,
              coalesce(sum(l.quantity_ordered - l.quantity_received) filter (where po.status = 'open'), 0) as open_units,
              count(l.id) filter (where l.first_received_at is not null) as received,
              count(l.id) filter (where l.first_received_at is not null
                                   and (l.first_received_at at time zone 'UTC')::date > l.original_expected_date) as received_late
            from suppliers s left join purchase_orders po on po.supplier_id = s.id
              left join purchase_order_lines l on l.purchase_order_id = po.id
            %s
            group by s.id order by s.name limit :limit""";

    private static ConsoleRows.SupplierRow supplierRow(ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx) throws SQLException {
        return new ConsoleRows.SupplierRow(rs.getLong("id"), rs.getString("name"), rs.getInt("pos"), rs.getInt("open_pos"), rs.getInt("open_units"),
                rs.getInt("received"), rs.getInt("received_late"));
    }

    public static List<ConsoleRows.WaitlistRow> waitlists(Handle handle, int limit) {
        return handle.createQuery("""
                        select w.sku, p.name, count(*) filter (where w.notified_at is null and w.confirmed_at is not null) as waiting,
                               count(*) filter (where w.notified_at is null and w.confirmed_at is null) as unconfirmed,
                               count(*) filter (where w.notified_at is not null) as notified,
                               min(w.created_at) filter (where w.notified_at is null and w.confirmed_at is not null) as oldest
                        from waitlist w join products p on p.sku = w.sku where w.unsubscribed_at is null
                        group by w.sku, p.name order by waiting desc, w.sku limit :limit""")
                .bind("limit", limit)
                .map((rs, ctx) -> new ConsoleRows.WaitlistRow(rs.getString("sku"), rs.getString("name"), rs.getInt("waiting"),
                        rs.getInt("unconfirmed"), rs.getInt("notified"),
                        Optional.ofNullable(rs.getObject("oldest", OffsetDateTime.class)).map(OffsetDateTime::toInstant)))
                .list();
    }

    /** The waiting order lines pegged to the purchase order's lines, in queue order, at most {@code limit}. */
    public static List<ConsoleRows.PeggedLine> peggedTo(Handle handle, long purchaseOrderId, int limit) {
        return handle.createQuery("""
                        select pol.line_number as po_line, pol.sku, ol.order_id, ol.line_number, p.quantity
                        from backorder_pegs p join purchase_order_lines pol on pol.id = p.purchase_order_line_id
                        join order_lines ol on ol.id = p.order_line_id
                        where pol.purchase_order_id = :id and ol.waiting > 0
                        order by pol.line_number, ol.priority desc, ol.placed_at, ol.id limit :limit""")
                .bind("id", purchaseOrderId).bind("limit", limit)
                .map((rs, ctx) -> new ConsoleRows.PeggedLine(rs.getInt("po_line"), rs.getString("sku"), rs.getLong("order_id"), rs.getInt("line_number"), rs.getInt("quantity")))
                .list();
    }

    /** The order lines holding units of {@code sku} reserved, oldest order first, at most {@code limit}. */
    public static List<ConsoleRows.ReservedLine> reservedBy(Handle handle, String sku, int limit) {
        return handle.createQuery("""
                        select order_id, line_number, reserved from order_lines
                        where sku = :sku and reserved > 0 order by order_id, line_number limit :limit""")
                .bind("sku", sku).bind("limit", limit)
                .map((rs, ctx) -> new ConsoleRows.ReservedLine(rs.getLong("order_id"), rs.getInt("line_number"), rs.getInt("reserved")))
                .list();
    }

    public static List<ConsoleRows.IncomingRow> incoming(Handle handle, String sku) {
        return handle.createQuery("""
                        select po.id, po.supplier_id, s.name, l.quantity_ordered - l.quantity_received as open_units, l.expected_date
                        from purchase_order_lines l join purchase_orders po on po.id = l.purchase_order_id join suppliers s on s.id = po.supplier_id
                        where l.sku = :sku and po.status = 'open' and l.quantity_received < l.quantity_ordered
                        order by l.expected_date, po.id""")
                .bind("sku", sku)
                .map((rs, ctx) -> new ConsoleRows.IncomingRow(rs.getLong("id"), rs.getLong("supplier_id"), rs.getString("name"), rs.getInt("open_units"),
                        rs.getObject("expected_date", LocalDate.class)))
                .list();
    }

    /** The latest movements of a SKU's stock ledger, newest first. */
    public static List<ConsoleRows.MovementRow> movements(Handle handle, String sku, int limit) {
        return handle.createQuery("""
                        select occurred_at, kind, quantity, reason from stock_movements where sku = :sku order by id desc limit :limit""")
                .bind("sku", sku).bind("limit", limit)
                .map((rs, ctx) -> new ConsoleRows.MovementRow(instant(rs, "occurred_at"), rs.getString("kind"), rs.getInt("quantity"),
                        Optional.ofNullable(rs.getString("reason"))))
                .list();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }
}
