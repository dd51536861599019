package restock.planning;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What to order, from whom and by when, for one SKU: demand per day from its truthful history, a lead-time demand
 * distribution (normal when demand is smooth, bootstrapped when intermittent), a reorder point for the service
 * target, and the inventory position (on hand - reserved - backordered + incoming).
 */
public final class Planner {
    /** Demand is intermittent when fewer than this share of days have any. */
    public static final double INTERMITTENT_BELOW = 0.5;
    /** Without lead-time history, assume two weeks. */
    public static final int DEFAULT_LEAD_TIME_DAYS = 14;
    /** Orders cover the lead time plus this review period. */
    public static final int REVIEW_PERIOD_DAYS = 7;

    private Planner() {
    }

    /** What the planner knows about a SKU. */
    public record Inputs(String sku, String name, Optional<String> supplier, double[] dailyDemand, List<Integer> leadTimesDays,
                         int onHand, int reserved, int backordered, int incoming, Optional<LocalDate> nextReceipt, int minimumOrder, int packSize) {
    }

    /** The plan for a SKU. */
    public record SkuPlan(String sku, String name, String supplier, double dailyDemand, double reorderPoint, double safetyStock,
                          double orderUpTo, int inventoryPosition, int suggestedQuantity, Optional<LocalDate> orderBy, String reason,
                          double daysOfCover, boolean stocksOutBeforeNextReceipt) {
    }

    public static SkuPlan plan(Inputs in, double cycleServiceLevel, LocalDate today, long seed) {
        double[] demand = in.dailyDemand();
        double dailyMean = Arrays.stream(demand).average().orElse(0);
        long demandDays = Arrays.stream(demand).filter(d -> d > 0).count();
        List<Integer> leadTimes = in.leadTimesDays().isEmpty() ? List.of(DEFAULT_LEAD_TIME_DAYS) : in.leadTimesDays();
        double leadMean = leadTimes.stream().mapToInt(Integer::intValue).average().orElse(DEFAULT_LEAD_TIME_DAYS);
        boolean intermittent = demand.length == 0 || (double) demandDays / demand.length < INTERMITTENT_BELOW;
        LeadTimeDemand leadTimeDemand = intermittent && demandDays > 0
                ? LeadTimeDemand.EmpiricalDemand.bootstrap(demand, leadTimes, seed)
                : LeadTimeDemand.NormalDemand.of(dailyMean, variance(demand), leadMean, variance(leadTimes.stream().mapToDouble(Integer::doubleValue).toArray()));
        ReorderPolicy.Point point = ReorderPolicy.reorderPoint(leadTimeDemand, new ReorderPolicy.Target.CycleServiceLevel(cycleServiceLevel));
        double orderUpTo = point.reorderPoint() + dailyMean * REVIEW_PERIOD_DAYS;
        int position = in.onHand() - in.reserved() - in.backordered() + in.incoming();
        int quantity = dailyMean == 0 && in.backordered() == 0 ? 0
                : ReorderPolicy.orderQuantity(position, point.reorderPoint(), orderUpTo, in.minimumOrder(), in.packSize());
        boolean noDemand = dailyMean == 0 && in.backordered() == 0;
        int days = ReorderPolicy.daysUntilReorder(position, point.reorderPoint(), dailyMean);
        Optional<LocalDate> orderBy = noDemand || days == Integer.MAX_VALUE ? Optional.empty() : Optional.of(today.plusDays(days));
        double free = Math.max(0, in.onHand() - in.reserved());
        double cover = dailyMean == 0 ? Double.POSITIVE_INFINITY : free / dailyMean;
        boolean stockOut = dailyMean > 0 && in.nextReceipt().map(date -> cover < today.until(date).getDays())
                .orElse(cover < leadMean);
        String reason = noDemand ? "no demand in the history planned from"
                : quantity == 0 ? "position " + position + " is above the reorder point " + (int) point.reorderPoint()
                : "position " + position + " is at or below the reorder point " + (int) point.reorderPoint() + " ("
                + (intermittent ? "bootstrapped" : "normal") + " lead-time demand, mean " + Math.round(leadTimeDemand.mean())
                + " over " + Math.round(leadMean) + " days, " + Math.round(cycleServiceLevel * 100) + "% service)";
        return new SkuPlan(in.sku(), in.name(), in.supplier().orElse("no supplier yet"), dailyMean, point.reorderPoint(), point.safetyStock(),
                orderUpTo, position, quantity, orderBy, reason, cover, stockOut);
    }

    private static double variance(double[] values) {
        if (values.length < 2) {
            return 0;
        }
        double mean = Arrays.stream(values).average().orElse(0);
        return Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum() / (values.length - 1);
    }
}
