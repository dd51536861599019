package restock.insight;

import restock.planning.Planner;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The overview's warnings: the SKUs the latest plan sees running out before their next receipt (the planning page's
 * list, soonest first, so the two pages never differ), and a supplier whose recent receipts came later than its
 * earlier ones (slipping).
 */
public final class Alerts {
    /** Receipts in this many recent days are compared with those of the {@link #EARLIER_DAYS} before them. */
    public static final int RECENT_DAYS = 28;
    public static final int EARLIER_DAYS = 90;
    /** A supplier slips when its recent receipts are on average at least this many days later than its earlier ones. */
    public static final double SLIP_DAYS = 2.0;
    /** Fewer recent receipts than this say nothing about a trend. */
    public static final int MIN_RECENT_RECEIPTS = 2;

    private Alerts() {
    }

    /**
     * A SKU that the plan made on {@code plannedOn} sees running out on {@code runsOutOn}, before its next receipt; one
     * {@code outNow} has no cover: nothing free already (it was listed as running out that day with "0 days of cover", an
     * outside check). A stored plan keeps cover to a tenth of a day, so there it also means less than that is left.
     */
    public record StockOut(String sku, String name, double daysOfCover, double unitsPerDay, LocalDate runsOutOn, boolean outNow) {
    }

    /** A supplier's lines first received recently and earlier, with their average days late (early counts as on time). */
    public record SupplierReceipts(String supplier, int recentLines, double recentDaysLate, int earlierLines, double earlierDaysLate) {
    }

    /** A supplier whose recent receipts came later than before. */
    public record Slipping(String supplier, int recentLines, double recentDaysLate, double earlierDaysLate) {
    }

    /**
     * The plan's run-outs ({@link Planner.SkuPlan#stocksOutBeforeNextReceipt}: free stock at the forecast rate does not
     * last until the next receipt, or through the lead time with nothing on order), fewest days of cover first.
     */
    public static List<StockOut> stockOuts(List<Planner.SkuPlan> plans, LocalDate plannedOn, int limit) {
        return plans.stream().filter(Planner.SkuPlan::stocksOutBeforeNextReceipt)
                .sorted(Comparator.comparingDouble(Planner.SkuPlan::daysOfCover).thenComparing(Planner.SkuPlan::sku))
                .limit(limit)
                .map(plan -> new StockOut(plan.sku(), plan.name(), restock.planning.PlanFigures.level(plan.daysOfCover()),
                        restock.planning.PlanFigures.unitsADay(plan.dailyDemand()),
                        plan.runsOutOn(plannedOn).orElseThrow(), plan.daysOfCover() == 0))
                .toList();
    }

    /** How many SKUs the plan sees running out before their next receipt. */
    public static long stockOutCount(List<Planner.SkuPlan> plans) {
        return plans.stream().filter(Planner.SkuPlan::stocksOutBeforeNextReceipt).count();
    }

    /** Whether a supplier's recent receipts were later, on average, than its earlier ones by {@link #SLIP_DAYS} or more. */
    public static Optional<Slipping> slipping(SupplierReceipts receipts) {
        if (receipts.recentLines() < MIN_RECENT_RECEIPTS || receipts.earlierLines() == 0
                || receipts.recentDaysLate() < receipts.earlierDaysLate() + SLIP_DAYS) {
            return Optional.empty();
        }
        return Optional.of(new Slipping(receipts.supplier(), receipts.recentLines(), round(receipts.recentDaysLate()),
                round(receipts.earlierDaysLate())));
    }

    private static double round(double days) {
        return Math.round(days * 10) / 10.0;
    }
}
