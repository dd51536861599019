package restock.support;

import restock.catalog.BackorderPolicy;
import restock.catalog.Money;
import restock.catalog.Product;
import restock.catalog.Sku;
import restock.purchasing.PurchaseOrder;
import restock.purchasing.PurchaseOrderRequest;
import restock.purchasing.ReceiptPlan;
import restock.service.Restock;

import java.util.List;

/**
 * A supplier's delivery record for tests that need one: a supplier without history is judged on a cautious prior
 * (never certain, about a week of slack), so tests about prompt promises give theirs a record of on-time deliveries.
 */
public final class SupplierHistory {
    private SupplierHistory() {
    }

    /** Five one-unit deliveries of a product of their own, each received on its expected day (today). */
    public static void onTime(Restock restock, String supplier) {
        Sku sku = Sku.of("HISTORY-" + Math.abs(supplier.hashCode()));
        restock.inTransaction(h -> restock.catalog().create(h, new Product(sku, "Delivery record of " + supplier, new Money(1, "GBP"),
                new BackorderPolicy.Never())));
        for (int i = 0; i < 5; i++) {
            PurchaseOrder po = restock.inTransaction(h -> restock.purchasing().create(h, new PurchaseOrderRequest(supplier, true,
                    List.of(new PurchaseOrderRequest.Line(sku, 1, restock.books().today())))));
            restock.inTransaction(h -> restock.purchasing().receive(h, po.id(), List.of(new ReceiptPlan.Received(sku, 1))));
        }
    }
}
