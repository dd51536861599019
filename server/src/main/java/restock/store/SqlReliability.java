package restock.store;

import org.jdbi.v3.core.Handle;
import restock.promise.SupplierReliability;

import java.util.List;

/**
 * Reads purchase order history into supplier reliability observations: the suppliers asked about, and a sample
 * of all suppliers' history for the fill fallback when theirs is thin. Only SKUs with open supply pay for this.
 *
 * <p>Lateness is counted from the date the supplier first confirmed, not from its latest word: a supplier who moves a
 * line on the day it is due and then delivers on the new date is late, and a customer promised on the first date
 * waited. Counted from the moved date, every such delivery looked on time, and the promises made on that record
 * were stated at 83-97% and kept 57-80% of the time (the demo year, 2026-12-07).
 */
final class SqlReliability {
    /** The most recent purchase order lines learned from, per query; older history says less about today's suppliers. */
    static final int MAX_OBSERVATIONS = 1_000;
    private static final String OBSERVATIONS = """
            select o.supplier_id, l.sku, l.id,
                   case when l.first_received_at is not null
                        then (l.first_received_at at time zone 'UTC')::date - l.original_expected_date end as lateness_days,
                   case when o.status <> 'open'
                        then l.quantity_received::float8 / l.quantity_ordered end as fill_fraction
            from purchase_order_lines l join purchase_orders o on o.id = l.purchase_order_id
            where (l.first_received_at is not null or o.status <> 'open') %s
            order by l.id desc
            limit :limit""";

    private SqlReliability() {
    }

    /**
     * The suppliers' own history and, when one of them has fewer than {@link SupplierReliability#MIN_OBSERVATIONS}
     * deliveries with a lateness, the other suppliers' history as the fallback, in one statement: the fallback's
     * condition does not depend on its rows, so PostgreSQL checks it once and reads nothing when it is false. It was
     * a second statement, and a second round trip for most answers while suppliers' records are thin (the model-based
     * test: one in eleven of its statements).
     */
    static SupplierReliability load(Handle handle, List<Long> supplierIds) {
        List<SupplierReliability.Observation> observations = handle.createQuery("""
                        with own as (%s),
                             others as (%s)
                        select supplier_id, sku, lateness_days, fill_fraction
                        from (select 0 as part, * from own union all select 1 as part, * from others) history
                        order by part, id desc""".formatted(
                        OBSERVATIONS.formatted("and o.supplier_id = any(:suppliers)"),
                        OBSERVATIONS.formatted("""
                                and o.supplier_id <> all(:suppliers)
                                and exists (select 1 from unnest(:suppliers) asked(id)
                                            where (select count(*) from own
                                                   where own.supplier_id = asked.id and own.lateness_days is not null) < :enough)""")))
                .bindArray("suppliers", Long.class, supplierIds)
                .bind("limit", MAX_OBSERVATIONS)
                .bind("enough", SupplierReliability.MIN_OBSERVATIONS)
                .map((rs, ctx) -> observation(rs))
                .list();
        return new SupplierReliability(observations);
    }

    private static SupplierReliability.Observation observation(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new SupplierReliability.Observation(rs.getLong("supplier_id"), rs.getString("sku"),
                (Integer) rs.getObject("lateness_days"), (Double) rs.getObject("fill_fraction"));
    }
}
