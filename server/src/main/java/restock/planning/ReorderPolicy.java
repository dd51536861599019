package restock.planning;

/**
 * When and how much to order: the reorder point for a target cycle service level (probability of no stock-out in a
 * cycle) or fill rate (share of demand met from stock), the safety stock it implies, and the order that brings the
 * inventory position up to the order-up-to level, respecting the supplier's minimum order and pack size.
 */
public final class ReorderPolicy {
    private ReorderPolicy() {
    }

    /** A service target. */
    public sealed interface Target {
        /** Probability that a replenishment cycle has no stock-out. */
        record CycleServiceLevel(double probability) implements Target {
        }

        /** Share of demand met from stock, for orders of a given size. */
        record FillRate(double share, double orderQuantity) implements Target {
        }
    }

    /** The reorder point and the safety stock above mean lead-time demand. */
    public record Point(double reorderPoint, double safetyStock) {
    }

    public static Point reorderPoint(LeadTimeDemand demand, Target target) {
        double point;
        if (target instanceof Target.CycleServiceLevel level) {
            point = demand.quantile(level.probability());
        } else {
            Target.FillRate fill = (Target.FillRate) target;
            double allowedShortage = (1 - fill.share()) * fill.orderQuantity();
            double low = 0;
            double high = Math.max(1, demand.quantile(0.9999) * 2);
            for (int i = 0; i < 100; i++) {
                double mid = (low + high) / 2;
                if (demand.expectedShortage(mid) > allowedShortage) {
                    low = mid;
                } else {
                    high = mid;
                }
            }
            point = high;
        }
        double rounded = Math.ceil(point - 1e-9) + 0.0; // + 0.0 turns -0.0 into 0.0
        return new Point(rounded, rounded - demand.mean());
    }

    /**
     * The units to order now: nothing while the inventory position is above the reorder point; otherwise up to
     * the order-up-to level, at least the minimum order, in whole packs.
     */
    public static int orderQuantity(double inventoryPosition, double reorderPoint, double orderUpTo, int minimumOrder, int packSize) {
        if (packSize < 1 || minimumOrder < 0) {
            throw new IllegalArgumentException("pack size must be at least 1 and minimum order not negative");
        }
        if (inventoryPosition > reorderPoint) {
            return 0;
        }
        double needed = Math.max(orderUpTo - inventoryPosition, minimumOrder);
        return (int) (Math.ceil(needed / packSize) * packSize);
    }

    /** Days until the inventory position falls to the reorder point at a daily demand rate (0 = order today). */
    public static int daysUntilReorder(double inventoryPosition, double reorderPoint, double dailyDemand) {
        if (inventoryPosition <= reorderPoint) {
            return 0;
        }
        if (dailyDemand <= 0) {
            return Integer.MAX_VALUE;
        }
        return (int) Math.floor((inventoryPosition - reorderPoint) / dailyDemand);
    }
}
