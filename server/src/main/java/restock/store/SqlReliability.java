package restock.store;

import com.fasterxml.jackson.databind.JsonNode;
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
            select o.supplier_id, l.sku, l.id,
                   case when l.first_received_at is not null
                        then (l.first_received_at at time zone 'UTC')::date - l.original_expected_date end as lateness_days,
                   case when o.status <> 'open'
                        then l.quantity_received::float8 / l.quantity_ordered end as fill_fraction
            from purchase_order_lines l join purchase_orders o on o.id = l.purchase_order_id
            where (l.first_received_at is not null or o.status <> 'open') %s
            order by l.id desc
            limit :limit""";

    /**
     * The suppliers' own history and, when one of them has fewer than {@link SupplierReliability#MIN_OBSERVATIONS}
     * deliveries with a lateness, the other suppliers' history as the fallback (own first, each newest first by the
     * column {@code part}, then {@code id}), for the suppliers an SQL array expression names. One statement: the
     * fallback's condition does not depend on its rows, so PostgreSQL checks it once and reads nothing when it is false.
     */
    private static String history(String suppliers) {
        return """
                with asked as (select %s as ids),
                     own as (%s),
                     others as (%s)
                select 0 as part, * from own union all select 1 as part, * from others""".formatted(suppliers,
                OBSERVATIONS.formatted("and o.supplier_id = any((select ids from asked)::bigint[])"),
                OBSERVATIONS.formatted("""
                        and o.supplier_id <> all((select ids from asked)::bigint[])
                        and exists (select 1 from unnest((select ids from asked)::bigint[]) a(id)
                                    where (select count(*) from own
                                           where own.supplier_id = a.id and own.lateness_days is not null) < %d)"""
                        .formatted(SupplierReliability.MIN_OBSERVATIONS)));
    }

    private SqlReliability() {
    }

    /**
     * The suppliers' records (see {@link #history}) as a subquery giving a JSON array of {@code [supplier id, sku,
     * lateness days, fill fraction]}, for the suppliers the SQL array expression names, so a statement that knows the
     * suppliers reads their records too (the statement binds {@code :limit} to {@link #MAX_OBSERVATIONS}). A locked
     * book and an unlocked position each read them in a statement of their own before.
     */
    static String asJson(String suppliers) {
        return """
                (select coalesce(json_agg(json_build_array(supplier_id, sku, lateness_days, fill_fraction) order by part, id desc), '[]')
                 from (%s) history)""".formatted(history(suppliers));
    }

    /** What {@link #asJson} read. */
    static SupplierReliability fromJson(JsonNode rows) {
        List<SupplierReliability.Observation> observations = new ArrayList<>();
        for (JsonNode row : rows) {
            observations.add(new SupplierReliability.Observation(row.get(0).asLong(), row.get(1).asText(),
                    row.get(2).isNull() ? null : row.get(2).asInt(), row.get(3).isNull() ? null : row.get(3).asDouble()));
        }
        return new SupplierReliability(observations);
    }

}
