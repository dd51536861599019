package restock.cli;

import org.junit.jupiter.api.Test;
import restock.catalog.Sku;
import restock.insight.Kpis;
import restock.planning.DemandForecast;
import restock.planning.DemandHistory;
import restock.planning.ForecastGrain;
import restock.planning.Planner;
import restock.service.PlanningQueries;
import restock.store.SqlPlanning;
import restock.service.InsightQueries;
import restock.service.Restock;
import restock.store.Database;
import restock.support.TestDatabases;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo a new user sees: a year of history in which forecasts, causes, KPIs and open supply are all non-empty. */
class DemoYearTest {
    /**
     * How far the demo's kept share may be from the stated probability, overall and per bucket of 100 promises or more.
     * Wide on purpose: outcomes are correlated (one late purchase order breaks every promise resting on it, 36 at once in
     * this year) and the year ends with a 12-day backlog of sea freight (two of the four suppliers) no record could foresee.
     */
    private static final double MAX_CALIBRATION_GAP = 0.08;
    private static final double MAX_BUCKET_GAP = 0.2;

    @Test
    void the_demo_year_gives_every_screen_real_figures() {
        Instant now = Instant.parse("2026-12-06T12:00:00Z");
        try (Database database = TestDatabases.targets().get(0).freshSchema()) {
            Restock restock = new Restock(database.jdbi(), Clock.fixed(now, ZoneOffset.UTC));
            long started = System.nanoTime();
            Demo.Loaded loaded = Demo.load(restock, Optional.empty()).orElseThrow();
            System.out.println("demo loaded in " + (System.nanoTime() - started) / 1_000_000 + " ms: " + loaded);
            assertThat(loaded.days()).isEqualTo(364);
            assertThat(loaded.orders()).isGreaterThan(1_000);
            assertThat(loaded.purchaseOrders()).isGreaterThan(100);
            assertThat(Demo.load(restock, Optional.empty())).as("loads once").isEmpty();
            java.util.List<restock.engagement.ListedOfferRule> rules = restock.read(h -> restock.offers().rules(h));
            assertThat(rules).as("offer rules to see and pause (a newcomer found none)").hasSize(2);

            Map<String, Long> causes = restock.read(h -> h.createQuery("select primary_cause, count(*) from backorder_causes group by 1")
                    .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2))).list()).stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            System.out.println("demo causes: " + causes);
            assertThat(causes.keySet()).contains("supplier_late", "supplier_short", "planning", "demand_spike", "record_error");

            var insight = new InsightQueries(restock);
            LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
            var kpis = insight.kpis(new InsightQueries.Period(today.minusDays(90), today), Kpis.By.SUPPLIER,
                    Kpis.Grain.WEEK, Optional.empty());
            System.out.println("demo KPIs by supplier: " + kpis.stream().map(r -> r.key() + " unit fill " + r.unitFillRate() + " OTIF "
                    + r.supplierOnTimeInFull()).toList());
            assertThat(kpis).hasSize(4);
            assertThat(kpis).allSatisfy(row -> assertThat(row.lines()).isPositive());

            long lateOpen = restock.read(h -> h.createQuery("""
                    select count(*) from purchase_order_lines l join purchase_orders o on o.id = l.purchase_order_id
                    where o.status = 'open' and l.original_expected_date < :today""").bind("today", today).mapTo(Long.class).one());
            long waiting = restock.read(h -> h.createQuery("select count(*) from order_lines where waiting > 0").mapTo(Long.class).one());
            System.out.println("demo: " + lateOpen + " open purchase order lines past their confirmed date, " + waiting + " lines waiting");
            assertThat(waiting).isPositive();
            assertThat(lateOpen).as("open purchase order lines past their confirmed date").isPositive();
            // Promises mean what they say on the demo's suppliers too, who move late lines on the day they are due. Learned
            // from the moved dates (every delivery "on time"), and with cancelled lines counted as broken, this year's
            // 849 first promises were stated at 0.915 on average and kept 0.618 of the time (0.85-0.90: 55% kept).
            var calibration = restock.read(h -> restock.availability().calibration(h));
            int promised = calibration.stream().mapToInt(b -> b.promises()).sum();
            double stated = calibration.stream().mapToDouble(b -> b.meanStated() * b.promises()).sum() / promised;
            double kept = calibration.stream().mapToDouble(b -> b.shareKept() * b.promises()).sum() / promised;
            System.out.printf("demo promises: %d settled, stated %.3f on average, kept %.3f; by bucket %s%n", promised, stated, kept,
                    calibration.stream().map(b -> "%.2f-%.2f: %d stated %.3f kept %.3f".formatted(b.from(), b.to(), b.promises(),
                            b.meanStated(), b.shareKept())).toList());
            assertThat(promised).isGreaterThan(300);
            assertThat(kept).as("share of first promises kept, against the mean stated probability %.3f", stated)
                    .isCloseTo(stated, org.assertj.core.data.Offset.offset(MAX_CALIBRATION_GAP));
            assertThat(calibration).filteredOn(b -> b.promises() >= 100).allSatisfy(b -> assertThat(b.shareKept())
                    .as("bucket %.2f-%.2f", b.from(), b.to()).isCloseTo(b.meanStated(), org.assertj.core.data.Offset.offset(MAX_BUCKET_GAP)));
            var planning = new PlanningQueries(restock);
            var plans = restock.read(h -> planning.plan(h, 0.95, done -> { }));
            assertThat(plans.stream().filter(p -> p.dailyDemand() > 0).count()).as("products with a forecast").isGreaterThan(30);
            theForecastOfRecordIsOne(restock, planning, plans, today);
        }
    }

    /**
     * One forecast per SKU: the plan's demand rate, the planning chart's line and the forecast route's default answer
     * come from the same forecast (an outside check found three figures for one demo SKU, 15036).
     */
    private static void theForecastOfRecordIsOne(Restock restock, PlanningQueries planning,
                                                 java.util.List<Planner.SkuPlan> plans, LocalDate today) {
        Map<String, Planner.Inputs> inputs = restock.read(h -> SqlPlanning.inputs(h, today,
                DemandForecast.HISTORY_DAYS, done -> { })).stream()
                .collect(Collectors.toMap(Planner.Inputs::sku, in -> in));
        LocalDate thisWeek = DemandHistory.Grain.WEEK.startOf(today);
        java.util.Set<ForecastGrain> grains = java.util.EnumSet.noneOf(ForecastGrain.class);
        for (var plan : plans) {
            Sku sku = Sku.of(plan.sku());
            var answered = restock.read(h -> planning.forecast(h, sku, "auto", Optional.empty(), Optional.empty(), Optional.empty()));
            var forecast = new DemandForecast.Forecast(answered.grain(), answered.period(), answered.firstPeriod(),
                    answered.prediction());
            grains.add(forecast.grain());
            var leadTimes = inputs.get(plan.sku()).leadTimesDays();
            double leadMean = Planner.meanLeadTimeDays(leadTimes);
            int days = (int) Math.ceil(leadMean) + Planner.REVIEW_PERIOD_DAYS;
            assertThat(plan.dailyDemand()).as("%s: the plan's rate against the forecast route's, over %d days", sku, days)
                    .isCloseTo(forecast.dailyRate(today, days), org.assertj.core.data.Offset.offset(1e-9));
            var chart = restock.read(h -> planning.chart(h, sku, 12));
            var weeks = forecast.weeks(thisWeek, 12);
            assertThat(chart.method()).as("%s: the chart's method", sku).isEqualTo(answered.prediction().method());
            for (int w = 0; w < 12; w++) {
                assertThat(new double[] {chart.forecast().get(w).forecast(), chart.forecast().get(w).low(), chart.forecast().get(w).high()})
                        .as("%s: the chart's week %s against the forecast route's", sku, weeks.get(w).start())
                        .containsExactly(new double[] {weeks.get(w).forecast(), weeks.get(w).low(), weeks.get(w).high()},
                                org.assertj.core.data.Offset.offset(1e-9));
            }
        }
        System.out.println("demo forecasts: plan, chart and route agree for " + plans.size() + " SKUs, grains " + grains);
        assertThat(grains).as("the demo has SKUs of both grains").hasSize(2);
    }
}
