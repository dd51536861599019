package restock.store;

import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Reads the event logs for the notice relay, with what each message needs, and keeps the relay's place. */
public final class SqlNotices {
    private SqlNotices() {
    }

    /**
     * An order or payment event with the customer, the product, the line (its number in the order) and its current
     * promise (dates and probability); for a cancellation, the reason given and the channel it came through.
     */
    public record EventRow(long eventId, String kind, long orderId, long lineId, String customerEmail, String sku, String productName,
                           int quantity, LocalDate promiseFrom, LocalDate promiseTo, long amountMinor, String currency, String reference,
                           Instant occurredAt, LocalDate firstPromisedBy, int waiting, Instant placedAt, boolean paymentHeld,
                           int lineNumber, Double promiseProbability, String cancelReason, String cancelVia) {
    }

    /** What the customer was last told of a line's promise: its latest date, empty when it was unconfirmed. */
    public static java.util.Optional<restock.notify.ToldPromise> lastTold(Handle handle, long lineId) {
        return handle.createQuery("select told_eta_to from promise_notices where order_line_id = :line")
                .bind("line", lineId)
                .map((rs, ctx) -> new restock.notify.ToldPromise(java.util.Optional.ofNullable(rs.getObject("told_eta_to", LocalDate.class))))
                .findOne();
    }

    /** Records what the customer is being told of a line's promise. */
    public static void told(Handle handle, long lineId, restock.notify.ToldPromise promise, Instant at) {
        handle.createUpdate("""
                        insert into promise_notices (order_line_id, told_eta_to, told_at) values (:line, :to, :at)
                        on conflict (order_line_id) do update set told_eta_to = excluded.told_eta_to, told_at = excluded.told_at""")
                .bind("line", lineId).bind("to", promise.latest().orElse(null)).bind("at", SqlPurchasing.utc(at)).execute();
    }

    public static long cursor(Handle handle, String log) {
        return handle.createQuery("select last_id from relay_cursors where name = :name for update")
                .bind("name", log).mapTo(Long.class).one();
    }

    public static void advance(Handle handle, String log, long lastId) {
        handle.createUpdate("update relay_cursors set last_id = :id where name = :name").bind("id", lastId).bind("name", log).execute();
    }

    /** The newest event of a log ("order_events" or "payment_events"), 0 when it is empty. */
    public static long latestEventId(Handle handle, String log) {
        String table = switch (log) {
            case "order_events" -> "order_events";
            case "payment_events" -> "payment_events";
            default -> throw new IllegalArgumentException("no event log " + log);
        };
        return handle.createQuery("select coalesce(max(id), 0) from " + table).mapTo(Long.class).one();
    }

    /**
     * Events read after a cursor, with what the read saw of transactions in progress: the first transaction id not
     * yet started ({@code readXmax}, null when nothing was read) and whether none other than the reader's was in
     * progress (restock.notify.EventGaps).
     */
    public record EventBatch(List<EventRow> events, String readXmax, boolean nothingInProgress) {
    }

    /** The reading statement's own snapshot, so the events and the transactions in progress are seen at one moment. */
    private static final String SNAPSHOT = "select pg_snapshot_xmax(s)::text as xmax, not exists (select from pg_snapshot_xip(s)) as idle "
            + "from pg_current_snapshot() s";

    /** Whether every transaction that had started before {@code xmax} (a read's {@link EventBatch#readXmax()}) has ended. */
    public static boolean endedBefore(Handle handle, String xmax) {
        return handle.createQuery("select pg_snapshot_xmin(pg_current_snapshot()) >= cast(:xmax as xid8)")
                .bind("xmax", xmax).mapTo(Boolean.class).one();
    }

    public static EventBatch orderEvents(Handle handle, long afterId, int limit) {
        return batch(handle.createQuery("""
                        select e.id, e.kind, e.order_id, e.order_line_id, o.customer_email, l.sku, p.name, e.quantity,
                               lp.eta_from, lp.eta_to, 0::bigint as amount, p.currency, null as reference, e.occurred_at,
                               lp.first_eta_to, coalesce(l.waiting, 0), o.placed_at,
                               exists (select from line_payments pay where pay.order_line_id = e.order_line_id) as payment_held,
                               coalesce(l.line_number, 0) as line_number, lp.probability, c.reason as cancel_reason, c.via as cancel_via,
                               snap.xmax, snap.idle
                        from order_events e
                        cross join (%s) snap
                        join orders o on o.id = e.order_id
                        left join order_lines l on l.id = e.order_line_id
                        left join products p on p.sku = l.sku
                        left join line_promises lp on lp.order_line_id = e.order_line_id
                        -- The cancellation an event records: written by the same command, at the same moment, before its events.
                        left join lateral (select reason, via from cancellations c
                                           where e.kind = 'cancelled' and c.order_id = e.order_id and c.occurred_at <= e.occurred_at
                                           order by c.id desc limit 1) c on true
                        where e.id > :after order by e.id limit :limit""".formatted(SNAPSHOT))
                .bind("after", afterId).bind("limit", limit));
    }

    public static EventBatch paymentEvents(Handle handle, long afterId, int limit) {
        return batch(handle.createQuery("""
                        select e.id, e.kind, l.order_id, e.order_line_id, o.customer_email, l.sku, p.name, l.quantity,
                               null::date as eta_from, null::date as eta_to, e.amount_minor as amount, lp.currency, e.reference, e.occurred_at,
                               null::date as first_eta_to, l.waiting, o.placed_at, true as payment_held,
                               l.line_number, null::double precision as probability, null as cancel_reason, null as cancel_via,
                               snap.xmax, snap.idle
                        from payment_events e
                        cross join (%s) snap
                        join order_lines l on l.id = e.order_line_id
                        join orders o on o.id = l.order_id
                        join products p on p.sku = l.sku
                        join line_payments lp on lp.order_line_id = e.order_line_id
                        where e.id > :after order by e.id limit :limit""".formatted(SNAPSHOT))
                .bind("after", afterId).bind("limit", limit));
    }

    private static EventBatch batch(org.jdbi.v3.core.statement.Query query) {
        record Read(EventRow row, String xmax, boolean idle) {
        }
        List<Read> reads = query.map((rs, ctx) -> new Read(row(rs), rs.getString("xmax"), rs.getBoolean("idle"))).list();
        return reads.isEmpty() ? new EventBatch(List.of(), null, true)
                : new EventBatch(reads.stream().map(Read::row).toList(), reads.get(0).xmax(), reads.get(0).idle());
    }

    private static EventRow row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new EventRow(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getString(5), rs.getString(6),
                rs.getString(7), rs.getInt(8), rs.getObject(9, LocalDate.class), rs.getObject(10, LocalDate.class), rs.getLong(11),
                rs.getString(12), rs.getString(13), rs.getObject(14, java.time.OffsetDateTime.class).toInstant(),
                rs.getObject(15, LocalDate.class), rs.getInt(16), rs.getObject(17, java.time.OffsetDateTime.class).toInstant(),
                rs.getBoolean("payment_held"), rs.getInt("line_number"), rs.getObject("probability", Double.class),
                rs.getString("cancel_reason"), rs.getString("cancel_via"));
    }
}
