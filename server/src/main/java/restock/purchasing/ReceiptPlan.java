package restock.purchasing;

import restock.catalog.Sku;
import restock.common.Conflict;
import restock.common.InvalidInput;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Spreads received quantities over a purchase order's open lines for each SKU, in line order. */
public final class ReceiptPlan {
    private ReceiptPlan() {
    }

    /** Units received against one purchase order line. */
    public record Allocation(long purchaseOrderLineId, Sku sku, int quantity) {
    }

    /** One received SKU and quantity. */
    public record Received(Sku sku, int quantity) {
    }

    public static List<Allocation> plan(PurchaseOrder order, List<Received> received) {
        if (order.status() != PurchaseOrder.Status.OPEN) {
            throw new Conflict("purchase order " + order.id() + " is " + order.status().code() + "; only open orders can receive stock");
        }
        if (received.isEmpty() || received.size() > PurchaseOrderRequest.MAX_LINES) {
            throw new InvalidInput("lines", "a receipt needs 1 to " + PurchaseOrderRequest.MAX_LINES + " lines");
        }
        Map<Sku, Integer> totals = new LinkedHashMap<>();
        for (Received line : received) {
            totals.merge(line.sku(), line.quantity(), Integer::sum);
        }
        List<Allocation> allocations = new ArrayList<>();
        for (Map.Entry<Sku, Integer> total : totals.entrySet()) {
            int remaining = total.getValue();
            int open = order.lines().stream().filter(l -> l.sku().equals(total.getKey())).mapToInt(PurchaseOrder.Line::openQuantity).sum();
            if (remaining > open) {
                throw new Conflict("purchase order " + order.id() + " has " + open + " units of " + total.getKey()
                        + " still open; cannot receive " + remaining + " (record extra units as an adjustment)");
            }
            for (PurchaseOrder.Line line : order.lines()) {
                if (remaining == 0) {
                    break;
                }
                if (line.sku().equals(total.getKey()) && line.openQuantity() > 0) {
                    int quantity = Math.min(remaining, line.openQuantity());
                    allocations.add(new Allocation(line.id(), line.sku(), quantity));
                    remaining -= quantity;
                }
            }
        }
        return allocations;
    }
}
