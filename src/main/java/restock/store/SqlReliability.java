package restock.store;

import org.jdbi.v3.core.Handle;
import restock.promise.SupplierReliability;

/** Reads purchase order history into supplier reliability observations. */
final class SqlReliability {
    /** The most recent purchase order lines learned from; older history says less about today's suppliers. */
    static final int MAX_OBSERVATIONS = 2_000;

    private SqlReliability() {
    }

    static SupplierReliability load(Handle handle) {
        return new SupplierReliability(handle.createQuery("""
                        select o.supplier_id, l.sku,
                               case when l.first_received_at is not null
                                    then (l.first_received_at at time zone 'UTC')::date - l.expected_date end as lateness_days,
                               case when o.status <> 'open'
                                    then l.quantity_received::float8 / l.quantity_ordered end as fill_fraction
                        from purchase_order_lines l join purchase_orders o on o.id = l.purchase_order_id
                        where l.first_received_at is not null or o.status <> 'open'
                        order by l.id desc
                        limit :limit""")
                .bind("limit", MAX_OBSERVATIONS)
                .map((rs, ctx) -> new SupplierReliability.Observation(rs.getLong("supplier_id"), rs.getString("sku"),
                        (Integer) rs.getObject("lateness_days"), (Double) rs.getObject("fill_fraction")))
                .list());
    }
}
