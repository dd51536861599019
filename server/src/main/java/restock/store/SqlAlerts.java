package restock.store;

import org.jdbi.v3.core.Handle;
import restock.insight.Alerts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** What the overview's alerts are decided from: each shipping SKU's free stock and next receipt, each supplier's receipts. */
public final class SqlAlerts {
    private SqlAlerts() {
    }

    /** SKUs with free stock that shipped since {@code since}: free units, units shipped, the next open receipt's day. */
    public static List<Alerts.SkuCover> covers(Handle handle, Instant since) {
        return handle.createQuery("""
                        with shipped as (
                          select sku, -sum(quantity) as units from stock_movements
                          where kind = 'shipment' and occurred_at >= :since group by sku),
                        free as (
                          select sku, sum(on_hand - reserved) as units from stock where sku in (select sku from shipped) group by sku),
                        next_receipt as (
                          select l.sku, min(l.expected_date) as due from purchase_order_lines l join purchase_orders po on po.id = l.purchase_order_id
                          where po.status = 'open' and l.quantity_received < l.quantity_ordered and l.sku in (select sku from shipped)
                          group by l.sku)
                        select s.sku, p.name, f.units as free_units, s.units as shipped_units, n.due
                        from shipped s join free f on f.sku = s.sku join products p on p.sku = s.sku
                          left join next_receipt n on n.sku = s.sku
                        where f.units > 0 order by s.sku""")
                .bind("since", SqlPurchasing.utc(since))
                .map((rs, ctx) -> new Alerts.SkuCover(rs.getString("sku"), rs.getString("name"), rs.getInt("free_units"), rs.getInt("shipped_units"),
                        Optional.ofNullable(rs.getObject("due", LocalDate.class))))
                .list();
    }

    /** Per supplier, purchase order lines first received since {@code recentSince} and in the days before, back to {@code earlierSince}. */
    public static List<Alerts.SupplierReceipts> supplierReceipts(Handle handle, Instant earlierSince, Instant recentSince) {
        return handle.createQuery("""
                        select s.name,
                          count(*) filter (where l.first_received_at >= :recent) as recent_lines,
                          coalesce(avg(greatest(0, l.first_received_at::date - l.original_expected_date))
                            filter (where l.first_received_at >= :recent), 0) as recent_late,
                          count(*) filter (where l.first_received_at < :recent) as earlier_lines,
                          coalesce(avg(greatest(0, l.first_received_at::date - l.original_expected_date))
                            filter (where l.first_received_at < :recent), 0) as earlier_late
                        from purchase_order_lines l join purchase_orders po on po.id = l.purchase_order_id join suppliers s on s.id = po.supplier_id
                        where l.first_received_at >= :earlier
                        group by s.name order by s.name""")
                .bind("earlier", SqlPurchasing.utc(earlierSince)).bind("recent", SqlPurchasing.utc(recentSince))
                .map((rs, ctx) -> new Alerts.SupplierReceipts(rs.getString("name"), rs.getInt("recent_lines"), rs.getDouble("recent_late"),
                        rs.getInt("earlier_lines"), rs.getDouble("earlier_late")))
                .list();
    }
}
