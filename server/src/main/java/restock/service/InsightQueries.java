package restock.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jdbi.v3.core.Handle;
import restock.common.Paged;
import restock.common.InvalidInput;
import restock.insight.Alerts;
import restock.insight.CauseKind;
import restock.insight.KpiFacts;
import restock.insight.KpiRow;
import restock.insight.Kpis;
import restock.store.SqlAlerts;
import restock.store.SqlCauses;
import restock.store.SqlKpis;
import restock.views.ConsoleRows.CauseCount;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the insight routes and pages read: backorder causes (classifying what is pending first, so a reader never
 * sees an event without its cause) and the KPIs. Validates its arguments before it does any work.
 */
public final class InsightQueries {
    /** Most causes listed per page. */
    public static final int MAX_PAGE_SIZE = 500;
    /** Longest period a report covers. */
    public static final int MAX_PERIOD_DAYS = 3 * 366;
    /** Most pending events classified before a read answers; the background pass does the rest. */
    public static final int CATCH_UP_EVENTS = 2_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Restock restock;
    private final CauseAnalysis analysis;

    public InsightQueries(Restock restock) {
        this.restock = restock;
        this.analysis = new CauseAnalysis(restock, restock.clock());
    }

    public CauseAnalysis analysis() {
        return analysis;
    }

    /** A period of whole days, both ends included, checked against {@link #MAX_PERIOD_DAYS}. */
    public record Period(LocalDate from, LocalDate to) {
        public Period {
            if (to.isBefore(from)) {
                throw new InvalidInput("from", "from (" + from + ") must not be after to (" + to + ")");
            }
            if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_PERIOD_DAYS) {
                throw new InvalidInput("from", "a period may cover at most " + MAX_PERIOD_DAYS + " days, this one covers "
                        + (ChronoUnit.DAYS.between(from, to) + 1));
            }
        }

        public int days() {
            return (int) ChronoUnit.DAYS.between(from, to) + 1;
        }
    }

    /** One page of classified backorder events, newest first, and the cursor for the next. */
    public record CausePage(List<Map<String, Object>> items, Optional<Long> next) {
    }

    public CausePage causes(Optional<String> sku, Optional<String> cause, Period period, Optional<Long> before, int limit) {
        if (limit < 1 || limit > MAX_PAGE_SIZE) {
            throw new InvalidInput("limit", "limit must be between 1 and " + MAX_PAGE_SIZE + ", was " + limit);
        }
        if (cause.isPresent() && CauseKind.byCode(cause.get()).isEmpty()) {
            throw new InvalidInput("cause", "cause must be one of demand_spike, supplier_late, supplier_short, planning, record_error, "
                    + "policy, unknown; was '" + cause.get() + "'");
        }
        if (before.isPresent() && before.get() <= 0) {
            throw new InvalidInput("before", "before must be a positive event id, was " + before.get());
        }
        analysis.classifyPending(CATCH_UP_EVENTS);
        Paged<SqlCauses.StoredCauses> rows = Paged.of(restock.read(h -> SqlCauses.list(h, sku, cause,
                period.from(), period.to(), before.orElse(Long.MAX_VALUE), Paged.rowsToRead(limit))), limit);
        List<Map<String, Object>> items = rows.items().stream().map(InsightQueries::view).toList();
        return new CausePage(items, rows.next(SqlCauses.StoredCauses::eventId));
    }

    /** Events and units per period and primary cause. */
    public List<Map<String, Object>> causeSummary(Period period, String grain) {
        if (!List.of("day", "week", "month").contains(grain)) {
            throw new InvalidInput("grain", "grain must be day, week or month, was '" + grain + "'");
        }
        analysis.classifyPending(CATCH_UP_EVENTS);
        return restock.read(h -> SqlCauses.summary(h, period.from(), period.to(), grain)).stream().map(row -> {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("start", row.get("period").toString());
            view.put("cause", row.get("cause"));
            view.put("events", ((Number) row.get("events")).intValue());
            view.put("units", ((Number) row.get("units")).intValue());
            return view;
        }).toList();
    }

    /** The main causes of the backorder events of the last days, the cause that explains the most units first. */
    public List<CauseCount> mainCauses(int days) {
        LocalDate today = restock.books().today();
        Map<String, int[]> byCause = new LinkedHashMap<>();
        analysis.classifyRecent(CATCH_UP_EVENTS);
        Period period = new Period(today.minusDays(days - 1L), today);
        for (Map<String, Object> row : restock.read(h -> SqlCauses.summary(h, period.from(), period.to(), "month"))) {
            int[] sums = byCause.computeIfAbsent((String) row.get("cause"), cause -> new int[2]);
            sums[0] += ((Number) row.get("events")).intValue();
            sums[1] += ((Number) row.get("units")).intValue();
        }
        return byCause.entrySet().stream()
                .map(e -> new CauseCount(e.getKey(), e.getValue()[0], e.getValue()[1]))
                .sorted(java.util.Comparator.comparingInt(CauseCount::units).reversed())
                .toList();
    }

    /** Most SKU-days (products times days) one KPI request reads; past it, narrow the period or name a SKU. */
    public static final long MAX_SKU_DAYS = 2_000_000;

    /** The KPIs of a period, grouped; optionally for one SKU. */
    public List<KpiRow> kpis(Period period, Kpis.By by, Kpis.Grain grain, Optional<String> sku) {
        LocalDate today = restock.books().today();
        return restock.read(h -> Kpis.compute(facts(h, period, today, sku), by, grain));
    }

    /**
     * The KPIs of the last days in one row: the console overview's figures, as {@link #kept} gives them (empty while a
     * large shop's first reading is still under way).
     */
    public Optional<KpiRow> overall(int days) {
        return overallAsOf(days).map(AsOf::figures);
    }

    /** {@link #overall} with the moment its figures were read, for a page that says how fresh they are. */
    public Optional<AsOf<KpiRow>> overallAsOf(int days) {
        LocalDate today = restock.books().today();
        return kept(List.of("overall", days, today),
                () -> restock.read(h -> Kpis.overall(facts(h, new Period(today.minusDays(days - 1L), today), today, Optional.empty()))));
    }

    /** Figures and when they were read: kept figures can be up to {@link #OVERVIEW_KEPT_FOR} old, and a page says so. */
    public record AsOf<T>(T figures, java.time.Instant readAt) {
    }

    /**
     * The weekly KPIs of the last {@code weeks} weeks (this one included), read a week at a time so that each read
     * stays within {@link #MAX_SKU_DAYS} however large the catalogue (12 weeks of 50,000 SKUs are 4,200,000 SKU-days):
     * the same rows as {@code kpis(period, PERIOD, WEEK)} gives, as {@link #kept} gives them.
     */
    public Optional<List<KpiRow>> weeklyTrend(int weeks) {
        LocalDate today = restock.books().today();
        LocalDate first = weeksBack(weeks);
        return kept(List.<Object>of("trend", weeks, today), () -> {
            List<KpiRow> rows = new java.util.ArrayList<>();
            for (LocalDate week = first; !week.isAfter(today); week = week.plusWeeks(1)) {
                Period period = new Period(week, week.plusDays(6).isAfter(today) ? today : week.plusDays(6));
                rows.addAll(kpis(period, Kpis.By.PERIOD, Kpis.Grain.WEEK, Optional.empty()));
            }
            return List.copyOf(rows);
        }).map(AsOf::figures);
    }

    /** How long the overview's KPI figures are reused before they are read again. */
    public static final java.time.Duration OVERVIEW_KEPT_FOR = java.time.Duration.ofMinutes(10);
    /**
     * How long a page waits for figures being read before it answers without them: at 50,000 SKUs a 30-day reading
     * takes longer than the request deadline, so it goes on in the background and a later request finds it.
     */
    public static final java.time.Duration OVERVIEW_WAIT = java.time.Duration.ofSeconds(3);

    private final java.util.concurrent.ConcurrentHashMap<List<Object>, AsOf<Object>> kept = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<List<Object>, java.util.concurrent.CompletableFuture<AsOf<Object>>> reading = new java.util.HashMap<>();
    private java.util.concurrent.ExecutorService reader;

    /**
     * Figures that read every SKU-day of their period: the last reading, and a new one started in the background
     * (one at a time) when that is {@link #OVERVIEW_KEPT_FOR} old; with no reading yet, the request that starts it
     * waits for it up to {@link #OVERVIEW_WAIT}, and every request gets nothing while it goes on.
     */
    @SuppressWarnings("unchecked")
    private <T> Optional<AsOf<T>> kept(List<Object> key, java.util.function.Supplier<T> read) {
        AsOf<Object> found = kept.get(key);
        if (found != null) {
            if (!restock.clock().instant().isBefore(found.readAt().plus(OVERVIEW_KEPT_FOR))) {
                reading(key, read);
            }
            return Optional.of((AsOf<T>) found);
        }
        Reading started = reading(key, read);
        if (!started.now()) {
            return Optional.empty();  // another request started it and waits for it; this one answers at once
        }
        try {
            AsOf<Object> figures = started.future().get(OVERVIEW_WAIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            kept.put(key, figures);
            return Optional.of((AsOf<T>) figures);
        } catch (java.util.concurrent.TimeoutException stillReading) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
    }

    /** A reading under way, and whether this call started it. */
    private record Reading(java.util.concurrent.CompletableFuture<AsOf<Object>> future, boolean now) {
    }

    private synchronized Reading reading(List<Object> key, java.util.function.Supplier<?> read) {
        java.util.concurrent.CompletableFuture<AsOf<Object>> running = reading.get(key);
        boolean startedNow = running == null || running.isDone();
        if (startedNow) {
            if (reader == null) {
                reader = java.util.concurrent.Executors.newSingleThreadExecutor(task -> {
                    Thread thread = new Thread(task, "overview-kpis");
                    thread.setDaemon(true);
                    return thread;
                });
            }
            java.time.Instant now = restock.clock().instant();
            kept.values().removeIf(old -> !now.isBefore(old.readAt().plus(OVERVIEW_KEPT_FOR.multipliedBy(6))));
            reading.values().removeIf(java.util.concurrent.CompletableFuture::isDone);
            running = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                java.time.Instant readAt = restock.clock().instant();
                return new AsOf<Object>(read.get(), readAt);
            }, reader);
            running.thenAccept(figures -> kept.put(key, figures));
            reading.put(key, running);
        }
        return new Reading(running, startedNow);
    }

    /** The first day of the week {@code weeks - 1} weeks before this one: the start of a trend of that many weeks. */
    public LocalDate weeksBack(int weeks) {
        return restock.books().today().with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY))
                .minusWeeks(weeks - 1L);
    }

    /**
     * The overview's alerts: the SKUs the latest plan sees running out before their next receipt (the soonest
     * {@code limit}, of {@code stockOutCount}, planned at {@code plannedAt}), and suppliers slipping.
     */
    public record OverviewAlerts(List<Alerts.StockOut> stockOuts, long stockOutCount, java.time.Instant plannedAt,
                                 restock.planning.PlanningRun.MadeBy plannedBy, List<Alerts.Slipping> slipping) {
    }

    /**
     * The overview's alerts, as {@link #kept} gives them: the run-outs of the latest stored plan ({@code plans}, the
     * planning page's), and suppliers slipping over 118 days of receipts.
     */
    public Optional<OverviewAlerts> alerts(int limit, java.util.function.Supplier<PlanningQueries.StoredPlans> plans, Optional<Long> latestRunId) {
        LocalDate today = restock.books().today();
        // Kept per stored run too: a plan made again now showed on the planning page while the overview kept the one before.
        return kept(List.<Object>of("alerts", limit, today, latestRunId.orElse(0L)), () -> readAlerts(limit, today, plans.get())).map(AsOf::figures);
    }

    private OverviewAlerts readAlerts(int limit, LocalDate today, PlanningQueries.StoredPlans plans) {
        java.time.Instant dayStart = today.atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        LocalDate plannedOn = LocalDate.ofInstant(plans.ranAt(), java.time.ZoneOffset.UTC);
        return restock.read(h -> new OverviewAlerts(Alerts.stockOuts(plans.plans(), plannedOn, limit), Alerts.stockOutCount(plans.plans()),
                plans.ranAt(), plans.madeBy(),
                SqlAlerts.supplierReceipts(h, dayStart.minus(java.time.Duration.ofDays(Alerts.RECENT_DAYS + Alerts.EARLIER_DAYS)),
                        dayStart.minus(java.time.Duration.ofDays(Alerts.RECENT_DAYS))).stream()
                        .map(Alerts::slipping).flatMap(Optional::stream).toList()));
    }

    private KpiFacts facts(Handle h, Period period, LocalDate today, Optional<String> sku) {
        long skuDays = SqlKpis.skuDays(h, period.from(), period.to(), sku);
        if (skuDays > MAX_SKU_DAYS) {
            throw new InvalidInput("from", "this report would read " + skuDays + " SKU-days, over the limit of " + MAX_SKU_DAYS
                    + ": shorten the period or name a sku");
        }
        return SqlKpis.facts(h, period.from(), period.to(), today, restock.books().settingsToday().handlingDays(), sku);
    }

    private static Map<String, Object> view(SqlCauses.StoredCauses row) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("eventId", row.eventId());
        view.put("orderId", row.orderId());
        view.put("lineId", row.lineId());
        view.put("sku", row.sku());
        view.put("outcome", row.outcome());
        view.put("quantity", row.quantity());
        view.put("occurredAt", row.occurredAt().toString());
        view.put("primaryCause", row.primaryCause());
        try {
            view.put("causes", JSON.readValue(row.causesJson(), JsonNode.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored causes of event " + row.eventId() + " are not JSON", e);
        }
        return view;
    }
}
