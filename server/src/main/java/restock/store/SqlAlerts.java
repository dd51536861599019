package restock.store;

import org.jdbi.v3.core.Handle;
import restock.insight.Alerts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** What the overview's supplier alerts are decided from: each supplier's receipts (run-outs come from the plan). */
public final class SqlAlerts {
    private SqlAlerts() {
    }

    /** Per supplier, purchase order lines first received since {@code recentSince} and in the days before, back to {@code earlierSince}. */
    public static List<Alerts.SupplierReceipts> supplierReceipts(Handle handle, Instant earlierSince, Instant recentSince) {
        return handle.createQuery("""
                        select s.name,
                          count(*) filter (where l.first_received_at >= :recent) as recent_lines,
                          coalesce(avg(greatest(0, (l.first_received_at at time zone 'UTC')::date - l.original_expected_date))
                            filter (where l.first_received_at >= :recent), 0) as recent_late,
                          count(*) filter (where l.first_received_at < :recent) as earlier_lines,
                          coalesce(avg(greatest(0, (l.first_received_at at time zone 'UTC')::date - l.original_expected_date))
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
