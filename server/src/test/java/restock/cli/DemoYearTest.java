package restock.cli;

import org.junit.jupiter.api.Test;
import restock.insight.Kpis;
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
            var plans = restock.read(h -> new restock.service.PlanningQueries(restock).plan(h, 0.95, done -> { }));
            assertThat(plans.stream().filter(p -> p.dailyDemand() > 0).count()).as("products with a forecast").isGreaterThan(30);
        }
    }
}
