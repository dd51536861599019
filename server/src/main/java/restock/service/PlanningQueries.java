package restock.service;

import restock.forecast.AutomaticChoice;
import restock.forecast.ForecastMethod;
import restock.forecast.Prediction;
import org.jdbi.v3.core.Handle;
import restock.catalog.Sku;
import restock.common.InvalidInput;
import restock.planning.DemandBuckets;
import restock.planning.DemandHistory;
import restock.planning.ChartData;
import restock.planning.DemandForecast;
import restock.planning.ForecastGrain;
import restock.planning.Planner;
import restock.planning.PlanningRun;
import restock.planning.SupplierLeadTime;
import restock.store.SqlCatalog;
import restock.store.SqlCatalogEdits;
import restock.store.SqlDemand;
import restock.store.SqlPlanning;
import restock.store.SqlPlanningRuns;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** What planners read: the demand history of a SKU (more of issue #6 builds on it). */
public final class PlanningQueries {
    private final Restock restock;

    public PlanningQueries(Restock restock) {
        this.restock = restock;
    }

    /** The latest stored planning run (the nightly one, or the first plan a page needed), if there was one. */
    public java.util.Optional<restock.planning.PlanningRun> latestRun(Handle handle) {
        return SqlPlanningRuns.latest(handle);
    }

    /**
     * A stored run's plans as the planning page shows them: when it ran, at what service level, every SKU's plan, and
     * whether it was the nightly run (false: made when a page first needed a plan, as none was stored yet).
     */
    public record StoredPlans(long runId, java.time.Instant ranAt, double serviceLevel, List<Planner.SkuPlan> plans, PlanningRun.MadeBy madeBy) {
    }

    /** The latest stored run read back (kept: a stored run never changes, and reading 50,000 SKUs' plans takes a while). */
    private volatile StoredPlans lastRead;

    /**
     * The latest stored run's plans (the nightly run's, or a manual one's), read once per run; when no run is stored
     * yet (a new shop, started since its last night), plans every SKU now and stores that run, as the nightly run would.
     */
    public StoredPlans latestPlans() {
        long id = restock.read(SqlPlanningRuns::latestId).orElseGet(() -> runAndStore(DEFAULT_SERVICE_LEVEL, PlanCsv::write,
                PlanningRun.MadeBy.FIRST_NEED, done -> { }));
        StoredPlans cached = lastRead;
        if (cached != null && cached.runId() == id) {
            return cached;
        }
        PlanningRun run = restock.read(h -> SqlPlanningRuns.find(h, id));
        // Runs stored before who made them was kept: the nightly run's is the one stored inside its claim.
        PlanningRun.MadeBy madeBy = run.madeBy().orElseGet(() -> restock.read(h -> SqlPlanningRuns.storedByScheduledRun(h, id, NightlyPlan.JOB))
                ? PlanningRun.MadeBy.NIGHTLY : PlanningRun.MadeBy.FIRST_NEED);
        StoredPlans read = new StoredPlans(run.id(), run.ranAt(), run.serviceLevel(), PlanCsv.read(run.planCsv()), madeBy);
        lastRead = read;
        return read;
    }

    /** The latest stored run's id, without reading its plan; none before the first run. */
    public Optional<Long> latestRunId() {
        return restock.read(SqlPlanningRuns::latestId);
    }

    /** SKUs named on the planning page as changed since its plan was made; the rest are counted. */
    public static final int CHANGED_SKUS_SHOWN = 20;

    /**
     * What changed since a plan was made that it did not know of: the SKUs whose stock was counted, adjusted, received or
     * returned (the latest {@link #CHANGED_SKUS_SHOWN}, and how many in all). A count that set a SKU to 100 left the page
     * showing the night's plan while the API's plan said it ran out (an outside tester's check).
     */
    public record ChangedSince(List<SqlPlanningRuns.StockChange> stock, int stockSkus) {
    }

    public ChangedSince changedSince(java.time.Instant planned) {
        return restock.read(h -> new ChangedSince(SqlPlanningRuns.stockChangesSince(h, planned, CHANGED_SKUS_SHOWN),
                SqlPlanningRuns.stockChangedSkusSince(h, planned)));
    }

    /** SKUs ordered (on purchase orders still open) since a plan was made: its suggestions for them are done. */
    public java.util.Set<String> orderedSince(java.time.Instant planned) {
        return restock.read(h -> SqlPlanningRuns.skusOrderedSince(h, planned));
    }

    public static final double DEFAULT_SERVICE_LEVEL = 0.95;

    /** The lead time the plan uses for a supplier's orders, and whence ({@link restock.planning.SupplierLeadTime}). */
    public restock.planning.SupplierLeadTime leadTime(Handle handle, restock.catalog.Supplier supplier) {
        return SqlPlanning.leadTime(handle, supplier);
    }

    /**
     * The lead time of the supplier of this name ({@link #leadTime}); {@link SupplierLeadTime#UNKNOWN}
     * for a name not on record (a supplier a purchase order adds).
     */
    public SupplierLeadTime leadTimeNamed(Handle handle, String name) {
        return SqlCatalog.findSupplierId(handle, name).flatMap(id -> SqlCatalogEdits.supplier(handle, id, false))
                .map(supplier -> leadTime(handle, supplier)).orElse(SupplierLeadTime.UNKNOWN);
    }

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
        List<Planner.Inputs> catalogue = SqlPlanning.inputs(handle, today, DemandForecast.HISTORY_DAYS, progress);
        java.util.Optional<AutomaticChoice.Policy> policy = java.util.Optional.of(
                restock.cataloguePolicy().remember(today, Planner.learnPolicy(catalogue)));
        return catalogue.stream()
                .map(inputs -> Planner.plan(inputs, target, today, inputs.sku().hashCode(), policy))
                .toList();
    }

    /** Weeks of history a chart shows. */
    public static final int CHART_HISTORY_WEEKS = 26;

    /**
     * A SKU's planning chart: weekly history, the forecast of record with its interval (the plan's and the forecast
     * route's, {@link DemandForecast}), reorder point and projected stock.
     */
    public ChartData.Chart chart(Handle handle, Sku sku, int weeksAhead) {
        requireWeeksAhead(weeksAhead);
        restock.catalog().find(handle, sku);
        LocalDate today = restock.books().today();
        LocalDate thisWeek = DemandHistory.Grain.WEEK.startOf(today);
        // One read of the SKU's daily demand serves both the past weeks drawn and the forecast (the busiest SKUs'
        // history is the page's cost).
        LocalDate firstDay = SqlDemand.firstDay(handle, sku);
        List<DemandHistory.Period> days = dailyPeriods(handle, sku, firstDay, today);
        DemandBuckets demand = DemandBuckets.of(days.stream().mapToDouble(DemandHistory.Period::demand).toArray(), today);
        List<DemandHistory.Period> weeks = chartHistory(days, firstDay, thisWeek);
        Optional<AutomaticChoice.Policy> policy = Optional.of(policy(handle, today));
        Planner.SkuPlan plan = SqlPlanning.inputsFor(handle, sku, demand)
                .map(inputs -> Planner.plan(inputs, new Planner.ServiceTarget.CycleService(DEFAULT_SERVICE_LEVEL), today, sku.code().hashCode(), policy))
                .orElseThrow(() -> new restock.common.Conflict("sku", "product " + sku + " is discontinued: it has no forecast or "
                        + "reorder plan to chart; its demand history is at /api/planning/demand/" + sku));
        DemandForecast.Forecast forecast = DemandForecast.of(demand, DemandForecast.Request.OF_RECORD, policy);
        int bucketsNeeded = forecast.grain() == ForecastGrain.WEEK ? weeksAhead : weeksAhead / 4 + 2;
        if (bucketsNeeded > forecast.prediction().mean().length) {
            forecast = DemandForecast.of(demand, new DemandForecast.Request(Optional.of(forecast.grain()), Optional.empty(),
                    Optional.of(Math.min(bucketsNeeded, forecast.grain().maxHorizon())), Optional.empty()), policy);
        }
        java.util.Map<LocalDate, Integer> incoming = new java.util.HashMap<>();
        SqlPlanning.incomingByDate(handle, sku).forEach((date, units) ->
                incoming.merge(DemandHistory.Grain.WEEK.startOf(date), units, Integer::sum));
        return ChartData.build(weeks, forecast, thisWeek, weeksAhead, plan.inventoryPosition(), incoming, plan.reorderPoint());
    }

    /**
     * The weeks a chart draws: the latest {@link #CHART_HISTORY_WEEKS} before this week, none before the SKU's first day
     * (a product created today showed 26 weeks, every one out of stock, before it existed: an outside check).
     */
    private static List<DemandHistory.Period> chartHistory(List<DemandHistory.Period> days, LocalDate firstDay, LocalDate thisWeek) {
        LocalDate weeksFrom = thisWeek.minusWeeks(CHART_HISTORY_WEEKS);
        LocalDate from = firstDay.isAfter(weeksFrom) ? firstDay : weeksFrom;
        if (!from.isBefore(thisWeek)) {
            return List.of();
        }
        return DemandHistory.rollUp(days.stream().filter(day -> !day.start().isBefore(from) && day.start().isBefore(thisWeek)).toList(),
                from, thisWeek.minusDays(1), DemandHistory.Grain.WEEK);
    }

    /**
     * A SKU's demand on each of the {@link DemandForecast#HISTORY_DAYS} days before today since its first day, oldest
     * first: the days the plan reads too ({@link DemandBuckets#daysSince}).
     */
    private static List<DemandHistory.Period> dailyPeriods(Handle handle, Sku sku, LocalDate firstDay, LocalDate today) {
        int days = DemandBuckets.daysSince(firstDay, today, DemandForecast.HISTORY_DAYS);
        if (days == 0) {
            return List.of();
        }
        LocalDate from = today.minusDays(days);
        return DemandHistory.rollUp(SqlDemand.days(handle, sku, from, today.minusDays(1)), from, today.minusDays(1), DemandHistory.Grain.DAY);
    }

    private static double[] dailyDemand(Handle handle, Sku sku, LocalDate today) {
        return dailyPeriods(handle, sku, SqlDemand.firstDay(handle, sku), today).stream().mapToDouble(DemandHistory.Period::demand).toArray();
    }

    /** The policy the plan forecasts with today: learned by today's plan, or now from every SKU's history. */
    private AutomaticChoice.Policy policy(Handle handle, LocalDate today) {
        return restock.cataloguePolicy().today(today,
                () -> Planner.learnPolicy(SqlPlanning.inputs(handle, today, DemandForecast.HISTORY_DAYS, done -> { })));
    }

    private static void requireWeeksAhead(int weeksAhead) {
        if (weeksAhead < 1 || weeksAhead > ChartData.MAX_WEEKS_AHEAD) {
            throw new InvalidInput("weeks", "weeks must be between 1 and " + ChartData.MAX_WEEKS_AHEAD + ", was " + weeksAhead);
        }
    }

    /** A SKU's forecast: the grain and season length used, the start of the first bucket ahead, and the prediction. */
    public record SkuForecast(ForecastGrain grain, int period, LocalDate firstPeriod, Prediction prediction) {
    }

    /**
     * A SKU's demand forecast in weeks or months by a named method ({@link ForecastMethod}) or "auto", with 80% and 95%
     * intervals ({@link DemandForecast}): without a grain, the one that suits the SKU's volume; without a period, a
     * year of buckets; without a horizon, the grain's default. Auto without a grain or period is the forecast of record,
     * the one the plan orders on and the chart draws.
     */
    public SkuForecast forecast(Handle handle, Sku sku, String method, Optional<ForecastGrain> granularity, Optional<Integer> period,
                                Optional<Integer> horizon) {
        Optional<ForecastMethod> named = ForecastMethod.byLabel(method);
        if (named.isEmpty() && !method.equals("auto")) {
            throw new InvalidInput("method", "method must be auto or one of " + ForecastMethod.labels() + ", was '" + method + "'");
        }
        period.filter(p -> p < 1 || p > ForecastGrain.MAX_PERIOD).ifPresent(p -> {
            throw new InvalidInput("period", "period must be between 1 and " + ForecastGrain.MAX_PERIOD + " buckets, was " + p);
        });
        restock.catalog().find(handle, sku);
        LocalDate today = restock.books().today();
        DemandBuckets demand = DemandBuckets.of(dailyDemand(handle, sku, today), today);
        Optional<AutomaticChoice.Policy> policy = named.isEmpty() ? Optional.of(policy(handle, today)) : Optional.empty();
        DemandForecast.Request request = new DemandForecast.Request(granularity, period, horizon, named);
        ForecastGrain grain = granularity.orElseGet(demand::grain);
        int steps = horizon.orElse(grain.defaultHorizon());
        if (steps < 1 || steps > grain.maxHorizon()) {
            throw new InvalidInput("horizon", "horizon must be between 1 and " + grain.maxHorizon() + " " + grain.label() + "s, was " + steps);
        }
        try {
            DemandForecast.Forecast forecast = DemandForecast.of(demand, request, policy);
            return new SkuForecast(forecast.grain(), forecast.period(), forecast.firstPeriod(), forecast.prediction());
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("method", method + " cannot forecast this SKU's history in " + grain.label() + "s with period "
                    + period.orElse(grain.periodsPerYear()) + ": " + e.getMessage());
        }
    }

    /** Plans every SKU and stores the result as CSV, saying of no one that they made it; returns the stored run's id. */
    public long runAndStore(double serviceLevel, java.util.function.Function<List<Planner.SkuPlan>, String> toCsv) {
        java.time.Instant planned = restock.clock().instant();
        return store(restock.read(h -> plan(h, serviceLevel, done -> { })), planned, serviceLevel, toCsv, Optional.empty());
    }

    /**
     * Plans every SKU and stores the result as CSV (the nightly run, staff's "Plan again now", or the first plan a page
     * needs), saying who made it; progress counts SKUs gathered. Returns the stored run's id.
     */
    public long runAndStore(double serviceLevel, java.util.function.Function<List<Planner.SkuPlan>, String> toCsv, PlanningRun.MadeBy madeBy,
                            java.util.function.IntConsumer progress) {
        java.time.Instant planned = restock.clock().instant();
        return store(restock.read(h -> plan(h, serviceLevel, progress)), planned, serviceLevel, toCsv, Optional.of(madeBy));
    }

    /**
     * Stores plans already made (those `restock plan` printed), as the nightly run stores its own; returns the run's id. A
     * run is stored as made when its planning began ({@code planned}): what changed while it read is "changed since" it.
     */
    public long store(List<Planner.SkuPlan> plans, java.time.Instant planned, double serviceLevel,
                      java.util.function.Function<List<Planner.SkuPlan>, String> toCsv, Optional<PlanningRun.MadeBy> madeBy) {
        int suggested = (int) plans.stream().filter(p -> p.suggestedQuantity() > 0).count();
        return restock.inTransaction(h -> SqlPlanningRuns.store(h, planned, serviceLevel, plans.size(), suggested,
                toCsv.apply(plans), madeBy));
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
