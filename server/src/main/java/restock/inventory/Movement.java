package restock.inventory;

import restock.catalog.Sku;

import java.time.Instant;
import java.util.Optional;

/**
 * One row of the append-only stock ledger: a signed change of on hand, why, and what it belongs to. Each kind has
 * its own factory, which keeps the rules the database CHECKs keep too (a receipt names its purchase order line, a
 * shipment its order line and is negative, an adjustment has a reason, a count the counted quantity).
 */
public record Movement(Sku sku, MovementKind kind, int quantity, Optional<Integer> countedQuantity, Optional<String> reason,
                       Optional<Long> purchaseOrderLineId, Optional<Long> orderLineId, Instant occurredAt) {
    /** Reasons longer than this are refused where they enter (the ledger's column holds no more). */
    public static final int MAX_REASON_LENGTH = restock.common.TextLimit.STOCK_REASON.maxLength();

    public static Movement receipt(Sku sku, int quantity, long purchaseOrderLineId, Instant at) {
        requirePositive(quantity, "a receipt");
        return new Movement(sku, MovementKind.RECEIPT, quantity, Optional.empty(), Optional.empty(), Optional.of(purchaseOrderLineId),
                Optional.empty(), at);
    }

    public static Movement shipment(Sku sku, int quantity, long orderLineId, Instant at) {
        requirePositive(quantity, "a shipment");
        return new Movement(sku, MovementKind.SHIPMENT, -quantity, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(orderLineId), at);
    }

    public static Movement adjustment(Sku sku, int delta, String reason, Instant at) {
        if (delta == 0 || reason == null || reason.isBlank()) {
            throw new IllegalStateException("an adjustment of " + sku + " changes stock and says why: " + delta + ", '" + reason + "'");
        }
        return new Movement(sku, MovementKind.ADJUSTMENT, delta, Optional.empty(), Optional.of(reason), Optional.empty(), Optional.empty(), at);
    }

    public static Movement count(Sku sku, int difference, int counted, Optional<String> reason, Instant at) {
        if (counted < 0) {
            throw new IllegalStateException("a count of " + sku + " found " + counted + " units");
        }
        return new Movement(sku, MovementKind.COUNT, difference, Optional.of(counted), reason, Optional.empty(), Optional.empty(), at);
    }

    public static Movement stockReturn(Sku sku, int quantity, Optional<String> reason, Instant at) {
        requirePositive(quantity, "a return");
        return new Movement(sku, MovementKind.RETURN, quantity, Optional.empty(), reason, Optional.empty(), Optional.empty(), at);
    }

    private static void requirePositive(int quantity, String what) {
        if (quantity <= 0) {
            throw new IllegalStateException(what + " moves a positive quantity, not " + quantity);
        }
    }
}
