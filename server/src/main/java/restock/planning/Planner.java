package restock.planning;

import restock.forecast.AutomaticChoice;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What to order, from whom and by when, for one SKU: the demand rate ahead from the forecast of record
 * ({@link DemandForecast}), a lead-time demand distribution around that rate (normal when demand is
 * smooth, daily history bootstrapped and rescaled to the rate when intermittent), a reorder point for the service
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

    /** What the planner knows about a SKU: its demand before today ({@link DemandBuckets}), stock, supply and supplier. */
    public record Inputs(String sku, String name, Optional<String> supplier, DemandBuckets demand, List<Integer> leadTimesDays,
                         int onHand, int reserved, int backordered, int incoming, Optional<LocalDate> nextReceipt, int minimumOrder, int packSize,
                         int nextReceiptUnits) {
        /** Inputs that do not say how many units the next receipt brings (0: not known). */
        public Inputs(String sku, String name, Optional<String> supplier, DemandBuckets demand, List<Integer> leadTimesDays,
                      int onHand, int reserved, int backordered, int incoming, Optional<LocalDate> nextReceipt, int minimumOrder, int packSize) {
            this(sku, name, supplier, demand, leadTimesDays, onHand, reserved, backordered, incoming, nextReceipt, minimumOrder, packSize, 0);
        }
    }

    /**
     * The plan for a SKU, with the supply it was planned with: the units on order, when the first of them is due and how
     * many units that first delivery brings (0: not known, a run stored before it was kept), and the lead time planned
     * with ({@link SupplierLeadTime}), so that a page can say when it runs out against when an order placed now, or the
     * one already placed, would come.
     */
    public record SkuPlan(String sku, String name, String supplier, double dailyDemand, double reorderPoint, double safetyStock,
                          double orderUpTo, int inventoryPosition, int suggestedQuantity, Optional<LocalDate> orderBy, String reason,
                          double daysOfCover, boolean stocksOutBeforeNextReceipt, int incoming, Optional<LocalDate> nextReceipt,
                          double leadTimeDays, int nextReceiptUnits) {
        /** A plan that does not know how many units its next receipt brings. */
        public SkuPlan(String sku, String name, String supplier, double dailyDemand, double reorderPoint, double safetyStock,
                       double orderUpTo, int inventoryPosition, int suggestedQuantity, Optional<LocalDate> orderBy, String reason,
                       double daysOfCover, boolean stocksOutBeforeNextReceipt, int incoming, Optional<LocalDate> nextReceipt,
                       double leadTimeDays) {
            this(sku, name, supplier, dailyDemand, reorderPoint, safetyStock, orderUpTo, inventoryPosition, suggestedQuantity, orderBy,
                    reason, daysOfCover, stocksOutBeforeNextReceipt, incoming, nextReceipt, leadTimeDays, 0);
        }

        /** A plan stored before its supply was kept with it: nothing known on order, the default lead time. */
        public SkuPlan(String sku, String name, String supplier, double dailyDemand, double reorderPoint, double safetyStock,
                       double orderUpTo, int inventoryPosition, int suggestedQuantity, Optional<LocalDate> orderBy, String reason,
                       double daysOfCover, boolean stocksOutBeforeNextReceipt) {
            this(sku, name, supplier, dailyDemand, reorderPoint, safetyStock, orderUpTo, inventoryPosition, suggestedQuantity, orderBy,
                    reason, daysOfCover, stocksOutBeforeNextReceipt, 0, Optional.empty(), DEFAULT_LEAD_TIME_DAYS);
        }

        /** The day free stock runs out at the forecast rate, for a plan made on {@code plannedOn}; none while it lasts for ever. */
        public Optional<LocalDate> runsOutOn(LocalDate plannedOn) {
            return Double.isFinite(daysOfCover) ? Optional.of(plannedOn.plusDays((long) Math.floor(daysOfCover))) : Optional.empty();
        }

        /** The day an order placed on {@code day} is expected, at the lead time planned with. */
        public LocalDate orderArrives(LocalDate day) {
            return day.plusDays(Math.round(leadTimeDays));
        }
    }

    /** The supplier of a plan for a SKU that has none on record: the planning page asks whom to order from. */
    public static final String NO_SUPPLIER = "no supplier yet";

    /**
     * Days of the latest history the lead-time demand's spread is drawn from (the rate comes from the whole history,
     * {@link DemandForecast}).
     */
    public static final int SPREAD_DAYS = 182;

    /**
     * Demand per day over the next {@code daysAhead} days: the forecast of record ({@link DemandForecast}, the one the
     * planning chart and the forecast route show) averaged over those days, from its point alone (the plan needs no band).
     */
    public static double forecastDailyRate(DemandBuckets demand, int daysAhead, Optional<AutomaticChoice.Policy> policy) {
        return DemandForecast.dailyRateOfRecord(demand, daysAhead, policy);
    }

    /** The lead time planned with: the mean of the lead times given ({@link SupplierLeadTime}), {@link #DEFAULT_LEAD_TIME_DAYS} without any. */
    public static double meanLeadTimeDays(List<Integer> leadTimesDays) {
        return leadTimesDays.stream().mapToInt(Integer::intValue).average().orElse(DEFAULT_LEAD_TIME_DAYS);
    }

    /** The forecasting candidate per demand class for a whole catalogue ({@link DemandForecast#learnPolicy}). */
    public static AutomaticChoice.Policy learnPolicy(List<Inputs> catalogue) {
        return DemandForecast.learnPolicy(catalogue.stream().map(Inputs::demand).toList());
    }

    /** What the reorder point is set for. */
    public sealed interface ServiceTarget {
        /** Probability that a replenishment cycle has no stock-out. */
        record CycleService(double probability) implements ServiceTarget {
            public CycleService {
                requireBetweenHalfAndOne("cycle service level", probability);
            }
        }

        /** Share of demand met from stock; orders are the review period's demand (at least the MOQ, whole packs). */
        record FillRate(double share) implements ServiceTarget {
            public FillRate {
                requireBetweenHalfAndOne("fill rate", share);
            }
        }

        private static void requireBetweenHalfAndOne(String what, double value) {
            if (!(value > 0.5 && value < 1)) {
                throw new IllegalArgumentException(what + " must be between 0.5 and 1 (exclusive), was " + value);
            }
        }
    }

    public static SkuPlan plan(Inputs in, double cycleServiceLevel, LocalDate today, long seed) {
        return plan(in, new ServiceTarget.CycleService(cycleServiceLevel), today, seed, Optional.empty());
    }

    public static SkuPlan plan(Inputs in, double cycleServiceLevel, LocalDate today, long seed, Optional<AutomaticChoice.Policy> policy) {
        return plan(in, new ServiceTarget.CycleService(cycleServiceLevel), today, seed, policy);
    }

    /** Plans one SKU; with a catalogue policy, its demand rate comes from the candidate learned for its class. */
    public static SkuPlan plan(Inputs in, ServiceTarget target, LocalDate today, long seed, Optional<AutomaticChoice.Policy> policy) {
        if (!in.demand().today().equals(today)) {
            throw new IllegalArgumentException("SKU " + in.sku() + ": planning for " + today + " from demand read for " + in.demand().today());
        }
        double[] demand = in.demand().latestDays();
        double historyMean = Arrays.stream(demand).average().orElse(0);
        long demandDays = Arrays.stream(demand).filter(d -> d > 0).count();
        List<Integer> leadTimes = in.leadTimesDays().isEmpty() ? List.of(DEFAULT_LEAD_TIME_DAYS) : in.leadTimesDays();
        double leadMean = meanLeadTimeDays(leadTimes);
        double dailyMean = forecastDailyRate(in.demand(), (int) Math.ceil(leadMean) + REVIEW_PERIOD_DAYS, policy);
        boolean intermittent = demand.length == 0 || (double) demandDays / demand.length < INTERMITTENT_BELOW;
        LeadTimeDemand leadTimeDemand = intermittent && demandDays > 0
                ? LeadTimeDemand.EmpiricalDemand.bootstrap(rescaled(demand, historyMean, dailyMean), leadTimes, seed)
                : LeadTimeDemand.NormalDemand.of(dailyMean, variance(demand), leadMean, variance(leadTimes.stream().mapToDouble(Integer::doubleValue).toArray()));
        ReorderPolicy.Target policyTarget;
        String service;
        if (target instanceof ServiceTarget.CycleService cycle) {
            policyTarget = new ReorderPolicy.Target.CycleServiceLevel(cycle.probability());
            service = Math.round(cycle.probability() * 100) + "% service";
        } else {
            ServiceTarget.FillRate fill = (ServiceTarget.FillRate) target;
            double orderSize = Math.max(Math.max(dailyMean * REVIEW_PERIOD_DAYS, in.minimumOrder()), Math.max(1, in.packSize()));
            policyTarget = new ReorderPolicy.Target.FillRate(fill.share(), orderSize);
            service = Math.round(fill.share() * 1000) / 10.0 + "% fill rate on orders of " + Math.round(orderSize);
        }
        ReorderPolicy.Point point = ReorderPolicy.reorderPoint(leadTimeDemand, policyTarget);
        double orderUpTo = point.reorderPoint() + dailyMean * REVIEW_PERIOD_DAYS;
        int position = in.onHand() - in.reserved() - in.backordered() + in.incoming();
        int quantity = dailyMean == 0 && in.backordered() == 0 ? 0
                : ReorderPolicy.orderQuantity(position, point.reorderPoint(), orderUpTo, in.minimumOrder(), in.packSize());
        boolean noDemand = historyMean == 0 && in.backordered() == 0;
        int days = ReorderPolicy.daysUntilReorder(position, point.reorderPoint(), dailyMean);
        Optional<LocalDate> orderBy = noDemand || days == Integer.MAX_VALUE ? Optional.empty() : Optional.of(today.plusDays(days));
        double free = Math.max(0, in.onHand() - in.reserved());
        double cover = dailyMean == 0 ? Double.POSITIVE_INFINITY : free / dailyMean;
        boolean stockOut = dailyMean > 0 && in.nextReceipt().map(date -> cover < today.until(date).getDays())
                .orElse(cover < leadMean);
        String reason = noDemand ? "no demand in the history planned from"
                // Orders of a new product wait, but the history (up to yesterday) holds none of them yet.
                : historyMean == 0 && quantity == 0 ? "no demand in the history planned from yet (a day's orders count from the next day); the "
                + in.backordered() + (in.backordered() == 1 ? " unit waiting is" : " units waiting are") + " covered by the " + in.incoming() + " incoming"
                : dailyMean == 0 && quantity == 0 ? "demand has stopped: nothing is forecast over the lead time"
                : quantity == 0 && stockOut ? "nothing to order: the position " + position + " (free stock and what is on order, less units"
                + " waiting) is above the reorder point " + (int) point.reorderPoint() + runsOutFirst(cover, in, today, leadMean)
                : quantity == 0 ? "position " + position + " is above the reorder point " + (int) point.reorderPoint()
                : "position " + position + " is at or below the reorder point " + (int) point.reorderPoint() + " ("
                + (intermittent ? "bootstrapped" : "normal") + " lead-time demand, mean " + Math.round(leadTimeDemand.mean())
                + " over " + Math.round(leadMean) + " days, " + service + ", forecast in " + in.demand().grain().label() + "s)"
                + beforeSupply(cover, in, today, leadMean) + howMuch(quantity, position, point.reorderPoint(), dailyMean, orderUpTo, in);
        return new SkuPlan(in.sku(), in.name(), in.supplier().orElse(NO_SUPPLIER), dailyMean, point.reorderPoint(), point.safetyStock(),
                orderUpTo, position, quantity, orderBy, reason, cover, stockOut, in.incoming(), in.nextReceipt(), leadMean, in.nextReceiptUnits());
    }

    /**
     * Nothing to order (what is incoming covers the reorder point), but the shelf empties before that supply comes: the
     * plan says so, since the remedy is to bring the delivery forward, not to order more (an outside check found rows
     * with 0 days of cover and nothing suggested, explained only by the position).
     */
    private static String runsOutFirst(double cover, Inputs in, LocalDate today, double leadMean) {
        if (cover == 0) {
            // Nothing free is out already: "runs out in about 0 days" read as if some were left (an outside check).
            return "; but there is no free stock now" + in.nextReceipt().map(date -> ", and the next receipt is due " + date
                    + ": bring that delivery forward" + orderingNow(date, today, leadMean))
                    .orElse(", and nothing is due within the lead time of about " + Math.round(leadMean) + " days");
        }
        String runsOut = "; but free stock runs out in about " + Math.round(cover) + (Math.round(cover) == 1 ? " day" : " days");
        return in.nextReceipt().map(date -> runsOut + ", before the next receipt due " + date + ": bring that delivery forward"
                        + orderingNow(date, today, leadMean))
                .orElse(runsOut + ", within the lead time of about " + Math.round(leadMean) + " days");
    }

    /**
     * What ordering the quantity alone does not mend: free stock running out before an order placed now could arrive, and
     * units on order (counted in the position) due only after that; a suggestion said nothing of either (a newcomer's check).
     */
    private static String beforeSupply(double cover, Inputs in, LocalDate today, double leadMean) {
        if (!Double.isFinite(cover) || cover >= leadMean) {
            return "";
        }
        long lead = Math.round(leadMean);
        LocalDate runsOut = today.plusDays((long) Math.floor(cover));
        String said = "; free stock runs out about " + runsOut + ", before an order placed now could arrive (about " + today.plusDays(lead) + ")";
        return in.incoming() > 0 && in.nextReceipt().filter(runsOut::isBefore).isPresent()
                ? said + ", and the " + in.incoming() + " on order, counted in the position, are due from " + in.nextReceipt().get() + ", after it"
                : said;
    }

    /**
     * Whether a new order would help before the next receipt: the planning page listed run-outs with nothing suggested
     * and nothing said about why (an outside check).
     */
    private static String orderingNow(LocalDate nextReceipt, LocalDate today, double leadMean) {
        long lead = Math.round(leadMean);
        return today.plusDays(lead).isBefore(nextReceipt)
                ? " (an order placed now, at a lead time of about " + lead + " days, would come sooner, but what is on order already covers the reorder point)"
                : " (an order placed now, at a lead time of about " + lead + " days, would come after it)";
    }

    /**
     * How the suggested quantity was reached, in the order {@link ReorderPolicy#orderQuantity} takes: up to the
     * order-up-to level, less the position, raised to the minimum order, in whole packs (an outside check found the
     * reason said why to order but not why that many).
     */
    private static String howMuch(int quantity, int position, double reorderPoint, double dailyMean, double orderUpTo, Inputs in) {
        long upTo = Math.round(orderUpTo);
        long shortfall = Math.round(orderUpTo - position);
        StringBuilder said = new StringBuilder("; orders ").append(quantity).append(": up to ").append(upTo)
                .append(" (the reorder point ").append(Math.round(reorderPoint)).append(" and ").append(REVIEW_PERIOD_DAYS)
                .append(" days' forecast demand of ").append(Math.round(dailyMean * REVIEW_PERIOD_DAYS)).append(") less the position ")
                .append(position).append(" is ").append(shortfall);
        if (in.minimumOrder() > orderUpTo - position) {
            said.append(", raised to the minimum order of ").append(in.minimumOrder());
        }
        if (in.packSize() > 1) {
            said.append(", in whole packs of ").append(in.packSize());
        }
        return said.toString();
    }

    /** The daily history scaled so its mean is the forecast rate (its shape, e.g. lumpiness, kept). */
    private static double[] rescaled(double[] demand, double historyMean, double rate) {
        double factor = historyMean == 0 ? 0 : rate / historyMean;
        return Arrays.stream(demand).map(d -> d * factor).toArray();
    }

    private static double variance(double[] values) {
        if (values.length < 2) {
            return 0;
        }
        double mean = Arrays.stream(values).average().orElse(0);
        return Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum() / (values.length - 1);
    }
}
