package restock.service;

import restock.forecast.AutomaticChoice;
import restock.forecast.ForecastMethod;
import restock.forecast.Prediction;
import org.jdbi.v3.core.Handle;
import restock.catalog.Sku;
import restock.common.InvalidInput;
import restock.planning.DemandHistory;
import restock.planning.ChartData;
import restock.planning.Planner;
import restock.store.SqlDemand;
import restock.store.SqlPlanning;
import restock.store.SqlPlanningRuns;

import java.time.LocalDate;
import java.util.List;

/** What planners read: the demand history of a SKU (more of issue #6 builds on it). */
public final class PlanningQueries {
    private final Restock restock;

    public PlanningQueries(Restock restock) {
        this.restock = restock;
    }

    /** The latest nightly (or manual) planning run, if there was one. */
    public java.util.Optional<restock.planning.PlanningRun> latestRun(Handle handle) {
        return SqlPlanningRuns.latest(handle);
    }

    /** Days of demand history the plan learns from. */
    public static final int HISTORY_DAYS = 182;
    public static final double DEFAULT_SERVICE_LEVEL = 0.95;

    /** Plans every active SKU; progress counts SKUs gathered (for a progress bar). */
    public List<Planner.SkuPlan> plan(Handle handle, double serviceLevel, java.util.function.IntConsumer progress) {
        if (!(serviceLevel > 0.5 && serviceLevel < 1)) {
            throw new InvalidInput("serviceLevel", "serviceLevel must be between 0.5 and 1 (exclusive), was " + serviceLevel);
        }
        return plan(handle, new Planner.ServiceTarget.CycleService(serviceLevel), progress);
    }

    /** Plans every active SKU for a cycle service level or a fill rate; progress counts SKUs gathered. */
    public List<Planner.SkuPlan> plan(Handle handle, Planner.ServiceTarget target, java.util.function.IntConsumer progress) {
        LocalDate today = restock.books().today();
        List<Planner.Inputs> catalogue = SqlPlanning.inputs(handle, today, HISTORY_DAYS, progress);
        java.util.Optional<AutomaticChoice.Policy> policy = java.util.Optional.of(Planner.learnPolicy(catalogue));
        return catalogue.stream()
                .map(inputs -> Planner.plan(inputs, target, today, inputs.sku().hashCode(), policy))
                .toList();
    }

    /** Weeks of history a chart shows. */
    public static final int CHART_HISTORY_WEEKS = 26;

    /** A SKU's planning chart: weekly history, forecast with interval, reorder point and projected stock. */
    public ChartData.Chart chart(Handle handle, Sku sku, int weeksAhead) {
        requireWeeksAhead(weeksAhead);
        restock.catalog().find(handle, sku);
        LocalDate today = restock.books().today();
        LocalDate thisWeek = DemandHistory.Grain.WEEK.startOf(today);
        List<DemandHistory.Period> weeks = completeWeeks(handle, sku, CHART_HISTORY_WEEKS);
        Planner.SkuPlan plan = SqlPlanning.inputsFor(handle, sku, today, HISTORY_DAYS)
                .map(inputs -> Planner.plan(inputs, DEFAULT_SERVICE_LEVEL, today, sku.code().hashCode()))
                .orElseThrow(() -> new restock.common.Conflict("sku", "product " + sku + " is discontinued: it has no forecast or "
                        + "reorder plan to chart; its demand history is at /api/planning/demand/" + sku));
        java.util.Map<LocalDate, Integer> incoming = new java.util.HashMap<>();
        SqlPlanning.incomingByDate(handle, sku).forEach((date, units) ->
                incoming.merge(DemandHistory.Grain.WEEK.startOf(date), units, Integer::sum));
        return ChartData.build(weeks, thisWeek, weeksAhead, plan.inventoryPosition(), incoming, plan.reorderPoint());
    }

    /** The latest {@code weeks} complete weeks (the current week is still open), oldest first. */
    private List<DemandHistory.Period> completeWeeks(Handle handle, Sku sku, int weeks) {
        LocalDate thisWeek = DemandHistory.Grain.WEEK.startOf(restock.books().today());
        LocalDate from = thisWeek.minusWeeks(weeks);
        return DemandHistory.rollUp(SqlDemand.days(handle, sku, from, thisWeek.minusDays(1)), from, thisWeek.minusDays(1), DemandHistory.Grain.WEEK);
    }

    private static void requireWeeksAhead(int weeksAhead) {
        if (weeksAhead < 1 || weeksAhead > ChartData.MAX_WEEKS_AHEAD) {
            throw new InvalidInput("weeks", "weeks must be between 1 and " + ChartData.MAX_WEEKS_AHEAD + ", was " + weeksAhead);
        }
    }

    /** Weeks of history a forecast is made from: two years, so weekly seasonal methods have two cycles. */
    public static final int FORECAST_HISTORY_WEEKS = 104;

    /**
     * A SKU's weekly demand forecast by a named method ({@link ForecastMethod}, or "auto"), from
     * its complete weeks since its first demand (at most {@link #FORECAST_HISTORY_WEEKS}), with 80% and 95% intervals.
     */
    public Prediction forecast(Handle handle, Sku sku, String method, int weeksAhead) {
        requireWeeksAhead(weeksAhead);
        java.util.Optional<ForecastMethod> named = ForecastMethod.byLabel(method);
        if (named.isEmpty() && !method.equals("auto")) {
            throw new InvalidInput("method", "method must be auto or one of " + java.util.Arrays.stream(ForecastMethod.values())
                    .map(ForecastMethod::label).toList() + ", was '" + method + "'");
        }
        restock.catalog().find(handle, sku);
        double[] weekly = completeWeeks(handle, sku, FORECAST_HISTORY_WEEKS).stream().mapToDouble(DemandHistory.Period::demand).toArray();
        int first = 0;
        while (first < weekly.length - 1 && weekly[first] == 0) {
            first++;
        }
        double[] history = java.util.Arrays.copyOfRange(weekly, first, weekly.length);
        if (named.isEmpty()) {
            return AutomaticChoice.forecast(history, weeksAhead).prediction();
        }
        try {
            return named.get().predict(history, WEEKS_PER_YEAR, weeksAhead, new java.util.SplittableRandom(sku.code().hashCode()));
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("method", method + " cannot forecast this SKU's " + history.length + " weeks of history: " + e.getMessage());
        }
    }

    /** The seasonal period of weekly data. */
    static final int WEEKS_PER_YEAR = 52;

    /** The nightly run: plans every SKU and stores the result as CSV; returns the stored run's id. */
    public long runAndStore(double serviceLevel, java.util.function.Function<List<Planner.SkuPlan>, String> toCsv) {
        List<Planner.SkuPlan> plans = restock.read(h -> plan(h, serviceLevel, done -> { }));
        int suggested = (int) plans.stream().filter(p -> p.suggestedQuantity() > 0).count();
        return restock.inTransaction(h -> SqlPlanningRuns.store(h, restock.clock().instant(), serviceLevel, plans.size(), suggested,
                toCsv.apply(plans)));
    }

    public int skuCount(Handle handle) {
        return SqlPlanning.count(handle);
    }

    public List<DemandHistory.Period> demand(Handle handle, Sku sku, LocalDate from, LocalDate to, DemandHistory.Grain grain) {
        if (to.isBefore(from)) {
            throw new InvalidInput("from", "from (" + from + ") must not be after to (" + to + ")");
        }
        if (from.plusDays(DemandHistory.MAX_DAYS).isBefore(to)) {
            throw new InvalidInput("to", "a demand history may span at most " + DemandHistory.MAX_DAYS + " days");
        }
        restock.catalog().find(handle, sku);
        return DemandHistory.rollUp(SqlDemand.days(handle, sku, from, to), from, to, grain);
    }
}
