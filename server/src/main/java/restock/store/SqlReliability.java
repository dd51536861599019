package restock.store;

import org.jdbi.v3.core.Handle;
import restock.promise.SupplierReliability;

import java.util.ArrayList;
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
            select o.supplier_id, l.sku,
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

    static SupplierReliability load(Handle handle, List<Long> supplierIds) {
        List<SupplierReliability.Observation> observations = new ArrayList<>(handle.createQuery(
                        OBSERVATIONS.formatted("and o.supplier_id = any(:suppliers)"))
                .bindArray("suppliers", Long.class, supplierIds)
                .bind("limit", MAX_OBSERVATIONS)
                .map((rs, ctx) -> observation(rs))
                .list());
        // Other suppliers' history is the fallback for a supplier whose own is thin; it is read only then.
        boolean thin = supplierIds.stream().anyMatch(id -> observations.stream()
                .filter(o -> o.supplierId() == id && o.latenessDays() != null).count() < SupplierReliability.MIN_OBSERVATIONS);
        if (thin) {
            observations.addAll(handle.createQuery(OBSERVATIONS.formatted("and o.supplier_id <> all(:suppliers)"))
                    .bindArray("suppliers", Long.class, supplierIds)
                    .bind("limit", MAX_OBSERVATIONS)
                    .map((rs, ctx) -> observation(rs))
                    .list());
        }
        return new SupplierReliability(observations);
    }

    private static SupplierReliability.Observation observation(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new SupplierReliability.Observation(rs.getLong("supplier_id"), rs.getString("sku"),
                (Integer) rs.getObject("lateness_days"), (Double) rs.getObject("fill_fraction"));
    }
}
