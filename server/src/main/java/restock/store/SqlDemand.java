package restock.store;

import org.jdbi.v3.core.Handle;
import restock.catalog.Sku;
import restock.planning.DemandHistory;

import java.time.LocalDate;
import java.util.List;

/** Reads a SKU's daily demand from orders, the waitlist and the stock ledger. */
public final class SqlDemand {
    private SqlDemand() {
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
}
