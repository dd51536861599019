package restock.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;
import restock.insight.BackorderMoment;
import restock.insight.Cause;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the record as it stood at a backorder event (from the append-only ledger, receipts and order events) and
 * stores the causes decided on it. Decides nothing.
 */
public final class SqlCauses {
    /** Days before the lead-time window whose demand is the baseline a spike is judged against. */
    public static final int BASELINE_DAYS = 56;
    private static final ObjectMapper JSON = new ObjectMapper();

    private SqlCauses() {
    }

    /** A backorder event not yet classified. */
    public record PendingEvent(long eventId, long lineId, String sku, BackorderMoment.Outcome outcome, int quantity, Instant occurredAt) {
        public LocalDate day() {
            return LocalDate.ofInstant(occurredAt, ZoneOffset.UTC);
        }
    }

    /**
     * Backorder events (waited or refused) without causes yet, oldest first. The ids are found on the indexes alone
     * (order_events_backorders against the causes' primary key, V53), then only the pending rows are read: reading
     * each classified event's row made this take most of a second at 100,000 events.
     */
    public static List<PendingEvent> pending(Handle handle, int limit) {
        return handle.createQuery("""
                        select e.id, e.order_line_id, e.sku, e.kind, e.quantity, e.occurred_at from order_events e
                        where e.id in (select b.id from order_events b
                                       where b.kind in ('backordered', 'refused') and b.quantity > 0 and b.order_line_id is not null
                                         and not exists (select 1 from backorder_causes c where c.order_event_id = b.id)
                                       order by b.id limit :limit)
                        order by e.id""")
                .bind("limit", limit)
                .map(SqlCauses::pendingEvent)
                .list();
    }

    /**
     * Pending events among the newest {@code window} backorder events only, oldest first: what a page classifies
     * before it shows causes, in a few milliseconds at any history length (the background pass reads them all).
     */
    public static List<PendingEvent> pendingRecent(Handle handle, int window, int limit) {
        return handle.createQuery("""
                        select e.id, e.order_line_id, e.sku, e.kind, e.quantity, e.occurred_at from order_events e
                        where e.id in (select b.id from (select id from order_events
                                                         where kind in ('backordered', 'refused') and quantity > 0 and order_line_id is not null
                                                         order by id desc limit :window) b
                                       where not exists (select 1 from backorder_causes c where c.order_event_id = b.id)
                                       order by b.id limit :limit)
                        order by e.id""")
                .bind("window", window).bind("limit", limit)
                .map(SqlCauses::pendingEvent)
                .list();
    }

    private static PendingEvent pendingEvent(ResultSet rs, StatementContext ctx) throws SQLException {
        return new PendingEvent(rs.getLong("id"), rs.getLong("order_line_id"), rs.getString("sku"),
                rs.getString("kind").equals("refused") ? BackorderMoment.Outcome.REFUSED : BackorderMoment.Outcome.WAITED,
                rs.getInt("quantity"), rs.getObject("occurred_at", OffsetDateTime.class).toInstant());
    }

    /**
     * The lead time in days for a SKU as of a moment: its supplier's stated lead time, else the mean of that
     * supplier's deliveries received before the moment, else empty.
     */
    public static Optional<Integer> leadTimeDays(Handle handle, String sku, Instant at) {
        return handle.createQuery("""
                        with supplier as (
                            select coalesce((select supplier_id from products where sku = :sku),
                                            (select o.supplier_id from purchase_order_lines l join purchase_orders o on o.id = l.purchase_order_id
                                             where l.sku = :sku and o.created_at <= :at order by o.created_at desc limit 1)) as id)
                        select coalesce(s.lead_time_days,
                               (select round(avg((l.first_received_at at time zone 'UTC')::date - (o.created_at at time zone 'UTC')::date))::int
                                from purchase_order_lines l join purchase_orders o on o.id = l.purchase_order_id
                                where o.supplier_id = s.id and l.first_received_at is not null and l.first_received_at <= :at))
                        from supplier x left join suppliers s on s.id = x.id""")
                .bind("sku", sku).bind("at", utc(at))
                .mapTo(Integer.class).findOne().filter(days -> days != null && days > 0);
    }

    /** The record at the event, over a lead-time window of {@code leadTimeDays} ending on the event's day. */
    public static BackorderMoment moment(Handle handle, PendingEvent event, int leadTimeDays) {
        LocalDate windowStart = event.day().minusDays(leadTimeDays - 1L);
        LocalDate productStart = handle.createQuery("select (created_at at time zone 'UTC')::date from products where sku = :sku")
                .bind("sku", event.sku()).mapTo(LocalDate.class).one();
        LocalDate baselineFrom = windowStart.minusDays(BASELINE_DAYS).isBefore(productStart) ? productStart : windowStart.minusDays(BASELINE_DAYS);
        double[] baseline = handle.createQuery("""
                        select coalesce(sum(l.quantity), 0) from generate_series(cast(:from as date), cast(:to as date), interval '1 day') d(day)
                        left join order_lines l on l.sku = :sku and (l.placed_at at time zone 'UTC')::date = d.day::date
                                               and l.placed_at >= :fromTime and l.placed_at < :untilTime
                        group by d.day order by d.day""")
                .bind("sku", event.sku()).bind("from", baselineFrom).bind("to", windowStart.minusDays(1))
                .bind("fromTime", startOf(baselineFrom)).bind("untilTime", startOf(windowStart))
                .mapTo(Double.class).list().stream().mapToDouble(Double::doubleValue).toArray();
        int leadTimeDemand = handle.createQuery("""
                        select coalesce(sum(quantity), 0) from order_lines
                        where sku = :sku and placed_at >= :from and placed_at <= :at""")
                .bind("sku", event.sku()).bind("from", startOf(windowStart)).bind("at", utc(event.occurredAt())).mapTo(Integer.class).one();
        return new BackorderMoment(event.eventId(), event.lineId(), event.sku(), event.outcome(), event.quantity(), event.day(),
                leadTimeDays, baseline, leadTimeDemand, onHand(handle, event.sku(), startOf(windowStart), false),
                onHand(handle, event.sku(), utc(event.occurredAt()), true), unitsOrderedInWindow(handle, event, windowStart),
                openLinesAtEvent(handle, event), dueSupply(handle, event, windowStart), countLosses(handle, event, windowStart),
                heldUnits(handle, event), beforeRelease(handle, event));
    }

    private static int heldUnits(Handle handle, PendingEvent event) {
        return handle.createQuery("""
                        select coalesce(sum(held_quantity), 0) from waitlist
                        where sku = :sku and held_quantity is not null and notified_at <= :at and notice_until > :at
                          and (hold_used_at is null or hold_used_at > :at) and (unsubscribed_at is null or unsubscribed_at > :at)""")
                .bind("sku", event.sku()).bind("at", utc(event.occurredAt())).mapTo(Integer.class).one();
    }

    private static boolean beforeRelease(Handle handle, PendingEvent event) {
        return handle.createQuery("select release_date is not null and release_date > :day from products where sku = :sku")
                .bind("sku", event.sku()).bind("day", event.day()).mapTo(Boolean.class).one();
    }

    private static int onHand(Handle handle, String sku, OffsetDateTime at, boolean inclusive) {
        int units = handle.createQuery("select coalesce(sum(quantity), 0) from stock_movements where sku = :sku and occurred_at "
                        + (inclusive ? "<=" : "<") + " :at")
                .bind("sku", sku).bind("at", at).mapTo(Integer.class).one();
        return Math.max(0, units);
    }

    /** Units on purchase orders open at the window's start or placed in it, due by the event, not received before the window. */
    private static int unitsOrderedInWindow(Handle handle, PendingEvent event, LocalDate windowStart) {
        return handle.createQuery("""
                        select coalesce(sum(l.quantity_ordered - coalesce((select sum(r.quantity) from purchase_order_receipts r
                                   where r.purchase_order_line_id = l.id and r.received_at < :from), 0)), 0)
                        from purchase_order_lines l join purchase_orders o on o.id = l.purchase_order_id
                        where l.sku = :sku and o.created_at <= :at and (o.ended_at is null or o.ended_at >= :from)
                          and l.original_expected_date <= :day""")
                .bind("sku", event.sku()).bind("from", startOf(windowStart)).bind("at", utc(event.occurredAt()))
                .bind("day", event.day()).mapTo(Integer.class).one();
    }

    private static int openLinesAtEvent(Handle handle, PendingEvent event) {
        return handle.createQuery("""
                        select count(*) from purchase_order_lines l join purchase_orders o on o.id = l.purchase_order_id
                        where l.sku = :sku and o.created_at <= :at and (o.ended_at is null or o.ended_at > :at)
                          and l.quantity_ordered > coalesce((select sum(r.quantity) from purchase_order_receipts r
                                where r.purchase_order_line_id = l.id and r.received_at <= :at), 0)""")
                .bind("sku", event.sku()).bind("at", utc(event.occurredAt())).mapTo(Integer.class).one();
    }

    private static List<BackorderMoment.DueSupply> dueSupply(Handle handle, PendingEvent event, LocalDate windowStart) {
        return handle.createQuery("""
                        select l.id, s.name, l.original_expected_date, l.quantity_ordered, o.ended_at,
                               coalesce((select sum(r.quantity) from purchase_order_receipts r
                                         where r.purchase_order_line_id = l.id and r.received_at <= :at), 0) as received
                        from purchase_order_lines l join purchase_orders o on o.id = l.purchase_order_id join suppliers s on s.id = o.supplier_id
                        where l.sku = :sku and o.created_at <= :at and l.original_expected_date < :day
                          and (o.ended_at is null or o.ended_at >= :from)
                        order by l.original_expected_date, l.id""")
                .bind("sku", event.sku()).bind("at", utc(event.occurredAt())).bind("day", event.day()).bind("from", startOf(windowStart))
                .map((rs, ctx) -> {
                    OffsetDateTime ended = rs.getObject("ended_at", OffsetDateTime.class);
                    return new BackorderMoment.DueSupply(rs.getLong("id"), rs.getString("name"), rs.getObject("original_expected_date", LocalDate.class),
                            rs.getInt("quantity_ordered"), rs.getInt("received"), ended != null && !ended.toInstant().isAfter(event.occurredAt()));
                })
                .list();
    }

    private static List<BackorderMoment.CountLoss> countLosses(Handle handle, PendingEvent event, LocalDate windowStart) {
        return handle.createQuery("""
                        select (occurred_at at time zone 'UTC')::date as day, -quantity as missing from stock_movements
                        where sku = :sku and kind = 'count' and quantity < 0 and occurred_at >= :from and occurred_at <= :at
                        order by id""")
                .bind("sku", event.sku()).bind("from", startOf(windowStart)).bind("at", utc(event.occurredAt()))
                .map((rs, ctx) -> new BackorderMoment.CountLoss(rs.getObject("day", LocalDate.class), rs.getInt("missing")))
                .list();
    }

    /** Stores an event's ranked causes; a second store of the same event (a concurrent pass) writes nothing. */
    public static void insert(Handle handle, PendingEvent event, List<Cause> causes, Instant now) {
        List<Map<String, Object>> rows = causes.stream().map(cause -> Map.<String, Object>of("cause", cause.kind().code(),
                "unitsExplained", cause.unitsExplained(), "summary", cause.summary(), "evidence", cause.evidence())).toList();
        handle.createUpdate("""
                        insert into backorder_causes (order_event_id, order_line_id, sku, outcome, quantity, occurred_at, primary_cause,
                                                      causes, classified_at)
                        values (:event, :line, :sku, :outcome, :quantity, :at, :primary, cast(:causes as jsonb), :now)
                        on conflict (order_event_id) do nothing""")
                .bind("event", event.eventId()).bind("line", event.lineId()).bind("sku", event.sku())
                .bind("outcome", event.outcome().code()).bind("quantity", event.quantity()).bind("at", utc(event.occurredAt()))
                .bind("primary", causes.get(0).kind().code()).bind("causes", json(rows)).bind("now", utc(now))
                .execute();
    }

    /** A stored classification, as the API shows it. */
    public record StoredCauses(long eventId, long lineId, long orderId, String sku, String outcome, int quantity, Instant occurredAt,
                               String primaryCause, String causesJson) {
    }

    /** Classified events, newest first, optionally for one SKU or one cause, before an event id (paging). */
    public static List<StoredCauses> list(Handle handle, Optional<String> sku, Optional<String> cause, LocalDate from, LocalDate to,
                                          long beforeEventId, int limit) {
        return handle.createQuery("""
                        select c.*, l.order_id from backorder_causes c join order_lines l on l.id = c.order_line_id
                        where (cast(:sku as text) is null or c.sku = :sku) and (cast(:cause as text) is null or c.primary_cause = :cause)
                          and c.occurred_at >= :from and c.occurred_at < :to and c.order_event_id < :before
                        order by c.order_event_id desc limit :limit""")
                .bind("sku", sku.orElse(null)).bind("cause", cause.orElse(null))
                .bind("from", startOf(from)).bind("to", startOf(to.plusDays(1))).bind("before", beforeEventId).bind("limit", limit)
                .map((rs, ctx) -> new StoredCauses(rs.getLong("order_event_id"), rs.getLong("order_line_id"), rs.getLong("order_id"),
                        rs.getString("sku"), rs.getString("outcome"), rs.getInt("quantity"),
                        rs.getObject("occurred_at", OffsetDateTime.class).toInstant(), rs.getString("primary_cause"), rs.getString("causes")))
                .list();
    }

    /** Units and events per primary cause and period start (day, week or month), for "causes over time". */
    public static List<Map<String, Object>> summary(Handle handle, LocalDate from, LocalDate to, String grain) {
        return handle.createQuery("""
                        select (date_trunc(:grain, occurred_at at time zone 'UTC'))::date as period, primary_cause as cause,
                               count(*) as events, sum(quantity) as units
                        from backorder_causes where occurred_at >= :from and occurred_at < :to
                        group by 1, 2 order by 1, 2""")
                .bind("grain", grain).bind("from", startOf(from)).bind("to", startOf(to.plusDays(1)))
                .mapToMap().list();
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("causes could not be written as JSON", e);
        }
    }

    static OffsetDateTime startOf(LocalDate day) {
        return day.atStartOfDay().atOffset(ZoneOffset.UTC);
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
