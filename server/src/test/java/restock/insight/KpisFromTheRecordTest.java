package restock.insight;

import restock.orders.CancellationChannel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import restock.catalog.BackorderPolicy;
import restock.catalog.Money;
import restock.catalog.Product;
import restock.catalog.Sku;
import restock.orders.Order;
import restock.orders.OrderRequest;
import restock.purchasing.PurchaseOrder;
import restock.purchasing.PurchaseOrderRequest;
import restock.purchasing.ReceiptPlan;
import restock.service.InsightQueries;
import restock.service.Restock;
import restock.store.Database;
import restock.support.TestClock;
import restock.support.TestDatabases;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The KPIs read from a small history made through the real commands, worked out by hand: five days, one SKU, three
 * orders (one served from stock, one partly waiting and then filled by a delivery two days late, one waiting and
 * cancelled), one purchase order line.
 */
class KpisFromTheRecordTest {
    private Database database;
    private TestClock clock;
    private Restock restock;

    @BeforeEach
    void open() {
        database = TestDatabases.targets().get(0).freshSchema();
        clock = new TestClock(Instant.parse("2026-03-02T09:00:00Z"));
        restock = new Restock(database.jdbi(), clock);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private Order place(Sku sku, int units) {
        return restock.inTransaction(h -> restock.orders().place(h, new OrderRequest("c@example.com", true, 0,
                List.of(new OrderRequest.Line(sku, units)))));
    }

    @Test
    void the_overview_trend_read_a_week_at_a_time_equals_the_weekly_report_and_its_figures_are_read_again_after_ten_minutes() {
        Sku sku = Sku.of("FAN");
        restock.inTransaction(h -> restock.catalog().create(h, new Product(sku, "Silk Fan", new Money(900, "GBP"),
                new BackorderPolicy.Always(java.util.OptionalInt.empty()))));
        restock.inTransaction(h -> restock.stock().count(h, sku, 4, "opening"));
        for (int day = 0; day < 20; day++) {                                                           // sold out by day 4, then waiting
            Order order = place(sku, 1);
            if (order.lines().get(0).quantities().reserved() > 0) {
                restock.inTransaction(h -> restock.orders().ship(h, order.id()));
            }
            clock.advance(Duration.ofDays(1));
        }
        InsightQueries insight = new InsightQueries(restock);
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        List<KpiRow> report = insight.kpis(new InsightQueries.Period(insight.weeksBack(4), today), Kpis.By.PERIOD, Kpis.Grain.WEEK,
                Optional.empty());
        assertThat(insight.weeklyTrend(4)).as("a week at a time").contains(report);
        assertThat(report.stream().mapToInt(KpiRow::lines).sum()).isEqualTo(20);

        java.time.Instant firstRead = clock.instant();
        KpiRow before = insight.overall(30).orElseThrow();
        place(sku, 1);                                                                                 // one more waiting line
        clock.advance(Duration.ofMinutes(4));
        assertThat(insight.overallAsOf(30)).as("within ten minutes, the figures read before, with when they were read")
                .contains(new InsightQueries.AsOf<>(before, firstRead));
        clock.advance(InsightQueries.OVERVIEW_KEPT_FOR);
        java.time.Instant secondRead = clock.instant();
        assertThat(insight.overall(30)).as("after ten minutes, the older figures while a new reading goes on").contains(before);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            InsightQueries.AsOf<KpiRow> renewed = insight.overallAsOf(30).orElseThrow();
            assertThat(renewed.figures().lines()).as("then the new reading").isEqualTo(before.lines() + 1);
            assertThat(renewed.readAt()).as("as of the moment it began").isEqualTo(secondRead);
        });
    }

    @Test
    void the_record_s_facts_give_the_hand_worked_figures() {
        Sku sku = Sku.of("FAN");
        restock.inTransaction(h -> restock.catalog().create(h, new Product(sku, "Silk Fan", new Money(900, "GBP"),
                new BackorderPolicy.Always(java.util.OptionalInt.empty()))));
        restock.inTransaction(h -> restock.stock().count(h, sku, 5, "opening"));                      // day 1 (2 March)
        PurchaseOrder po = restock.inTransaction(h -> restock.purchasing().create(h, new PurchaseOrderRequest("Fan Works", true,
                List.of(new PurchaseOrderRequest.Line(sku, 10, LocalDate.of(2026, 3, 3))))));
        Order first = place(sku, 3);                                                                   // 3 from stock
        restock.inTransaction(h -> restock.orders().ship(h, first.id()));
        Order second = place(sku, 4);                                                                  // 2 reserved, 2 wait
        Order third = place(sku, 1);                                                                   // 1 waits
        clock.advance(Duration.ofDays(1));                                                             // day 2
        restock.inTransaction(h -> restock.orders().cancel(h, third.id(), "took too long", CancellationChannel.API));
        clock.advance(Duration.ofDays(2));                                                             // day 4: 1 day late
        restock.inTransaction(h -> restock.purchasing().receive(h, po.id(), List.of(new ReceiptPlan.Received(sku, 10))));
        restock.inTransaction(h -> restock.orders().ship(h, second.id()));
        clock.advance(Duration.ofDays(1));                                                             // day 5 (6 March)

        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        KpiRow row = new InsightQueries(restock).kpis(new InsightQueries.Period(today.minusDays(4), today), Kpis.By.SKU, Kpis.Grain.WEEK,
                Optional.empty()).get(0);
        assertThat(row.lines()).isEqualTo(3);
        assertThat(row.unitsOrdered()).isEqualTo(8);
        assertThat(row.unitFillRate()).isEqualTo(0.625);          // 3 + 2 of 8 from stock
        assertThat(row.lineFillRate()).isEqualTo(0.3333);         // the first line only
        assertThat(row.backorderRate()).isEqualTo(0.6667);        // the second and third waited
        assertThat(row.averageWaitDays()).isEqualTo(3.0);         // the second: placed day 1, filled day 4
        assertThat(row.cancelledWhileWaiting()).containsExactly(Map.entry("took too long", 1));
        assertThat(row.lostSalesUnits()).isEqualTo(1);
        assertThat(row.lostSalesValueMinor()).isEqualTo(900L);
        assertThat(row.supplierLinesDue()).isEqualTo(1);
        assertThat(row.supplierOnTimeInFull()).isEqualTo(0.0);    // due the 3rd, came the 5th
        assertThat(row.leadTimeMeanDays()).isEqualTo(3.0);        // ordered day 1, received day 4
        // Closing stock: day 1 5 - 3 shipped = 2; days 2 and 3: 2; day 4: 12 - 4 shipped = 8; day 5: 8.
        assertThat(row.averageOnHand()).isEqualTo(4.4);
        assertThat(row.unitsShipped()).isEqualTo(7);
        assertThat(row.stockOutDays()).isZero();
        assertThat(row.daysOfCover()).isEqualTo(5.0);             // 8 on hand over 8 units / 5 days

        // From day 2 the period opens with day 1's closing stock (2), read for one SKU or for every SKU alike.
        InsightQueries.Period fromDay2 = new InsightQueries.Period(today.minusDays(3), today);
        KpiRow named = new InsightQueries(restock).kpis(fromDay2, Kpis.By.SKU, Kpis.Grain.WEEK, Optional.of(sku.code())).get(0);
        KpiRow all = new InsightQueries(restock).kpis(fromDay2, Kpis.By.SKU, Kpis.Grain.WEEK, Optional.empty()).get(0);
        assertThat(named.averageOnHand()).isEqualTo(5.0);         // 2, 2, 8, 8
        assertThat(named).isEqualTo(all);
    }
}
