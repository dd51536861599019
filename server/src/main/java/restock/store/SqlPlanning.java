package restock.store;

import org.jdbi.v3.core.Handle;
import restock.catalog.Sku;
import restock.catalog.Supplier;
import restock.planning.DemandBuckets;
import restock.planning.Planner;
import restock.planning.SupplierLeadTime;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.IntConsumer;

/** Gathers what the planner needs per SKU: demand history, stock, incoming, supplier with its lead times, MOQ and pack size. */
public final class SqlPlanning {
    /**
     * Products planned in one run (the first by SKU code; the rest wait for a larger limit). Each SKU's inputs hold
     * about 3 KB (its demand in buckets: 156 weeks, 36 months and 182 days), so 200,000 SKUs keep some 600 MB in memory.
     * It was 20,000, which left 30,000 SKUs of the 50,000-SKU benchmark without a plan; that run took 190 s for 20,000
     * SKUs once the demand read used its indexes (V57), hours before.
     */
    public static final int MAX_SKUS = 200_000;
    /** Lead times learned per supplier: its latest deliveries. */
    static final int LEAD_TIMES_PER_SUPPLIER = 50;

    private SqlPlanning() {
    }

    /** Every active SKU's planner inputs, with its demand of the {@code historyDays} days before today in buckets. */
    public static List<Planner.Inputs> inputs(Handle handle, LocalDate today, int historyDays, IntConsumer progress) {
        return inputs(handle, progress, null, (sku, firstDay) -> SqlDemand.buckets(handle, sku,
                DemandBuckets.Window.of(today, DemandBuckets.daysSince(firstDay, today, historyDays))));
    }

    /**
     * One SKU's planner inputs, with its demand already read by the caller: the SKU page's chart reads that history
     * once for both its past weeks and the plan.
     */
    public static Optional<Planner.Inputs> inputsFor(Handle handle, Sku sku, DemandBuckets demand) {
        return inputs(handle, done -> { }, sku, (only, firstDay) -> demand).stream().findFirst();
    }

    /** Open purchase order units by expected date. */
    public static Map<LocalDate, Integer> incomingByDate(Handle handle, Sku sku) {
        Map<LocalDate, Integer> incoming = new java.util.TreeMap<>();
        handle.createQuery("""
                        select l.expected_date, sum(l.quantity_ordered - l.quantity_received) as units
                        from purchase_order_lines l join purchase_orders o on o.id = l.purchase_order_id
                        where o.status = 'open' and l.sku = :sku and l.quantity_received < l.quantity_ordered group by 1""")
                .bind("sku", sku.code())
                .map((rs, ctx) -> Map.entry(rs.getObject(1, LocalDate.class), rs.getInt(2)))
                .forEach(entry -> incoming.put(entry.getKey(), entry.getValue()));
        return incoming;
    }

    private static List<Planner.Inputs> inputs(Handle handle, IntConsumer progress, Sku only,
                                               BiFunction<Sku, LocalDate, DemandBuckets> demand) {
        List<Map<String, Object>> products = handle.createQuery("""
                        select p.sku, p.name, s.on_hand, s.reserved, s.backordered,
                               coalesce((select sum(l.quantity_ordered - l.quantity_received) from purchase_order_lines l
                                         join purchase_orders o on o.id = l.purchase_order_id where o.status = 'open' and l.sku = p.sku), 0) as incoming,
                               (select min(l.expected_date) from purchase_order_lines l join purchase_orders o on o.id = l.purchase_order_id
                                where o.status = 'open' and l.sku = p.sku and l.quantity_received < l.quantity_ordered) as next_receipt,
                               (select sum(l.quantity_ordered - l.quantity_received) from purchase_order_lines l
                                join purchase_orders o on o.id = l.purchase_order_id
                                where o.status = 'open' and l.sku = p.sku and l.quantity_received < l.quantity_ordered
                                  and l.expected_date = (select min(n.expected_date) from purchase_order_lines n
                                                         join purchase_orders no on no.id = n.purchase_order_id
                                                         where no.status = 'open' and n.sku = p.sku
                                                           and n.quantity_received < n.quantity_ordered)) as next_receipt_units,
                               coalesce(p.supplier_id, (select o.supplier_id from purchase_order_lines l join purchase_orders o on o.id = l.purchase_order_id
                                where l.sku = p.sku order by o.created_at desc limit 1)) as supplier_id,
                               {first_day} as first_day
                        from products p join stock s on s.sku = p.sku and s.location_code = :location
                        where not p.discontinued and (cast(:only as text) is null or p.sku = :only) order by p.sku limit :limit""".replace("{first_day}", SqlDemand.FIRST_DAY))
                .bind("location", SqlBooks.LOCATION).bind("limit", MAX_SKUS).bind("only", only == null ? null : only.code()).mapToMap().list();
        List<Planner.Inputs> inputs = new ArrayList<>();
        for (Map<String, Object> row : products) {
            Sku sku = Sku.of((String) row.get("sku"));
            DemandBuckets buckets = demand.apply(sku, ((java.sql.Date) row.get("first_day")).toLocalDate());
            Long supplierId = (Long) row.get("supplier_id");
            Optional<Supplier> supplier = Optional.ofNullable(supplierId).flatMap(id -> SqlCatalogEdits.supplier(handle, id, false));
            SupplierLeadTime leadTime = supplier.map(s -> leadTime(handle, s)).orElse(SupplierLeadTime.UNKNOWN);
            inputs.add(new Planner.Inputs(sku.code(), (String) row.get("name"),
                    supplier.map(Supplier::name), buckets, leadTime.planningSamplesDays(),
                    ((Number) row.get("on_hand")).intValue(), ((Number) row.get("reserved")).intValue(),
                    ((Number) row.get("backordered")).intValue(), ((Number) row.get("incoming")).intValue(),
                    Optional.ofNullable((java.sql.Date) row.get("next_receipt")).map(java.sql.Date::toLocalDate),
                    supplier.map(Supplier::minimumOrder).orElse(0), supplier.map(Supplier::packSize).orElse(1),
                    row.get("next_receipt_units") == null ? 0 : ((Number) row.get("next_receipt_units")).intValue()));
            progress.accept(inputs.size());
        }
        return inputs;
    }

    public static int count(Handle handle) {
        return Math.min(MAX_SKUS, handle.createQuery("select count(*) from products where not discontinued").mapTo(Integer.class).one());
    }

    /** A supplier's lead time: the one it states and the days its latest deliveries took. */
    public static SupplierLeadTime leadTime(Handle handle, Supplier supplier) {
        return new SupplierLeadTime(supplier.leadTimeDays(), deliveredDays(handle, supplier.id()));
    }

    private static List<Integer> deliveredDays(Handle handle, long supplierId) {
        return handle.createQuery("""
                        select (l.first_received_at at time zone 'UTC')::date - (o.created_at at time zone 'UTC')::date
                        from purchase_order_lines l join purchase_orders o on o.id = l.purchase_order_id
                        where o.supplier_id = :supplier and l.first_received_at is not null
                        order by l.first_received_at desc limit :limit""")
                .bind("supplier", supplierId).bind("limit", LEAD_TIMES_PER_SUPPLIER).mapTo(Integer.class).list();
    }
}
