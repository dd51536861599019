package restock.store;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import restock.catalog.Sku;
import restock.planning.DemandBuckets;
import restock.planning.DemandHistory;

import java.sql.Array;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;

/** Reads a SKU's daily demand from orders, the waitlist and the stock ledger. */
public final class SqlDemand {
    private SqlDemand() {
    }

    /**
     * {@link #firstDay} as a column of a query over {@code products p}: the plan reads it with each product, the chart
     * and the forecast route by itself, so all three start a SKU's history on the same day.
     */
    static final String FIRST_DAY = """
            least((p.created_at at time zone 'UTC')::date,
                  (select min((occurred_at at time zone 'UTC')::date) from stock_movements where sku = p.sku),
                  (select min((placed_at at time zone 'UTC')::date) from order_lines where sku = p.sku),
                  (select min((created_at at time zone 'UTC')::date) from waitlist where sku = p.sku))""";

    /**
     * The first day the SKU had a history: the earliest of the day its product was created and its first stock
     * movement, order line or waitlist sign-up (a product loaded with its past). Days before it are not demand.
     */
    public static LocalDate firstDay(Handle handle, Sku sku) {
        return handle.createQuery("select " + FIRST_DAY + " from products p where p.sku = :sku")
                .bind("sku", sku.code())
                .mapTo(LocalDate.class)
                .one();
    }

    /**
     * Days with activity between two dates: units ordered, backordered and refused at placement, waitlist sign-ups,
     * units cancelled while waiting; censored when demand was turned away or made to wait, or the day ended with
     * nothing on hand.
     */
    public static List<DemandHistory.Period> days(Handle handle, Sku sku, LocalDate from, LocalDate to) {
        return handle.createQuery("""
                        with days as (select generate_series(cast(:from as date), cast(:to as date), interval '1 day')::date as day),
                        placed as (
                            select (placed_at at time zone 'UTC')::date as day, sum(quantity) as ordered
                            from order_lines where sku = :sku group by 1),
                        admitted as (
                            select (e.occurred_at at time zone 'UTC')::date as day,
                                   sum(e.quantity) filter (where e.kind = 'backordered') as backordered,
                                   sum(e.quantity) filter (where e.kind = 'refused') as refused
                            from order_events e where e.sku = :sku and e.kind in ('backordered', 'refused') group by 1),
                        cancelled as (
                            select (e.occurred_at at time zone 'UTC')::date as day, sum(e.quantity) as units
                            from order_events e
                            where e.sku = :sku and e.kind = 'cancelled'
                              and exists (select 1 from order_events b where b.order_line_id = e.order_line_id and b.kind = 'backordered')
                            group by 1),
                        waitlisted as (
                            select (created_at at time zone 'UTC')::date as day, sum(quantity) as units from waitlist where sku = :sku group by 1),
                        moves as (
                            select (occurred_at at time zone 'UTC')::date as day, sum(quantity) as quantity
                            from stock_movements where sku = :sku group by 1)
                        select d.day, coalesce(p.ordered, 0) as ordered, coalesce(a.backordered, 0) as backordered,
                               coalesce(a.refused, 0) as refused, coalesce(w.units, 0) as waitlisted, coalesce(c.units, 0) as cancelled,
                               (select coalesce(sum(o.quantity), 0) from moves o where o.day < cast(:from as date))
                                 + sum(coalesce(m.quantity, 0)) over (order by d.day) as on_hand
                        from days d
                        left join moves m on m.day = d.day
                        left join placed p on p.day = d.day
                        left join admitted a on a.day = d.day
                        left join cancelled c on c.day = d.day
                        left join waitlisted w on w.day = d.day
                        order by d.day""")
                .bind("sku", sku.code())
                .bind("from", from)
                .bind("to", to)
                .map((rs, ctx) -> new DemandHistory.Period(rs.getObject("day", LocalDate.class), rs.getInt("ordered"),
                        rs.getInt("backordered"), rs.getInt("refused"), rs.getInt("waitlisted"), rs.getInt("cancelled"),
                        rs.getInt("backordered") + rs.getInt("refused") > 0 || rs.getInt("on_hand") == 0))
                .list();
    }

    /**
     * A SKU's demand (units ordered and waitlist sign-ups, by their UTC day) summed over the calendar of a window: each
     * of its complete weeks (from Monday) and months, and each of its latest days; zero where nothing was asked for.
     * The plan reads these instead of every day of three years ({@link DemandBuckets#of} buckets days the same way).
     */
    public static DemandBuckets buckets(Handle handle, Sku sku, DemandBuckets.Window window) {
        return bucketsQuery(handle, BUCKETS, sku, window)
                .map((rs, ctx) -> window.buckets(numbers(rs.getArray("weeks")), numbers(rs.getArray("months")),
                        numbers(rs.getArray("latest_days"))))
                .one();
    }

    /**
     * The plan's demand read of one SKU, once per SKU each night: its order lines and waitlist sign-ups in the window,
     * each found by an index on SKU and time (order_lines_demand_by_sku, waitlist_demand_by_sku).
     */
    static final String BUCKETS = """
            with demand as (
                select (placed_at at time zone 'UTC')::date as day, quantity
                from order_lines
                where sku = :sku and placed_at >= cast(:from as timestamp) at time zone 'UTC'
                  and placed_at < cast(:today as timestamp) at time zone 'UTC'
                union all
                select (created_at at time zone 'UTC')::date as day, quantity
                from waitlist
                where sku = :sku and created_at >= cast(:from as timestamp) at time zone 'UTC'
                  and created_at < cast(:today as timestamp) at time zone 'UTC'),
            daily as (select day, sum(quantity) as units from demand group by day),
            weekly as (select day - (extract(isodow from day)::int - 1) as week_start, sum(units) as units from daily group by 1),
            monthly as (select day - (extract(day from day)::int - 1) as month_start, sum(units) as units from daily group by 1)
            select array(select coalesce(w.units, 0)::bigint from generate_series(0, :weeks - 1) i
                         left join weekly w on w.week_start = cast(:first_week as date) + 7 * i order by i) as weeks,
                   array(select coalesce(m.units, 0)::bigint from generate_series(0, :months - 1) i
                         left join monthly m on m.month_start = (cast(:first_month as date) + make_interval(months => i))::date
                         order by i) as months,
                   array(select coalesce(d.units, 0)::bigint from generate_series(0, cast(:today as date) - cast(:first_latest_day as date) - 1) i
                         left join daily d on d.day = cast(:first_latest_day as date) + i order by i) as latest_days""";

    /** {@code sql} (the read, or a statement around it such as EXPLAIN) with the SKU and window bound. */
    static Query bucketsQuery(Handle handle, String sql, Sku sku, DemandBuckets.Window window) {
        return handle.createQuery(sql)
                .bind("sku", sku.code())
                .bind("from", window.firstDay())
                .bind("today", window.today())
                .bind("first_week", window.firstWeek())
                .bind("weeks", window.weeks())
                .bind("first_month", window.firstMonth())
                .bind("months", window.months())
                .bind("first_latest_day", window.firstLatestDay());
    }

    private static double[] numbers(Array array) throws SQLException {
        Object[] values = (Object[]) array.getArray();
        double[] numbers = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            numbers[i] = ((Number) values[i]).doubleValue();
        }
        return numbers;
    }
}
