package restock.insight;

import org.junit.jupiter.api.Test;
import restock.promise.FirstPromise;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every KPI on a small history worked out by hand: ten days of March 2026 (today is the 10th), two SKUs of one
 * category from two suppliers, six order lines, three purchase order lines, each SKU's closing stock per day.
 * The expected figures are in the comments, computed on paper from the facts.
 */
class KpisTest {
    private static final LocalDate FROM = LocalDate.of(2026, 3, 1);
    private static final LocalDate TO = LocalDate.of(2026, 3, 10);

    private static Instant at(String dayAndTime) {
        return Instant.parse("2026-03-" + dayAndTime + ":00Z");
    }

    private static LocalDate day(int dayOfMarch) {
        return LocalDate.of(2026, 3, dayOfMarch);
    }

    private static KpiFacts facts() {
        List<KpiFacts.LineFact> lines = List.of(
                // order 1: A served in full, B one of two (filled on the 3rd, promised by the 4th: kept)
                new KpiFacts.LineFact(1, "A", at("01T10:00"), 4, 4, 0, 0, Optional.empty(), Optional.empty(), 0, Optional.empty(), 0),
                new KpiFacts.LineFact(1, "B", at("01T10:00"), 2, 1, 1, 0, Optional.of(at("03T10:00")), promise(day(4), Optional.of(day(3)), Optional.empty(), false), 0, Optional.empty(), 0),
                // order 2: A waits 6 days, promised by the 5th, filled on the 8th: broken
                new KpiFacts.LineFact(2, "A", at("02T12:00"), 3, 0, 3, 0, Optional.of(at("08T12:00")), promise(day(5), Optional.of(day(8)), Optional.empty(), false), 0, Optional.empty(), 0),
                // order 3: A refused
                new KpiFacts.LineFact(3, "A", at("05T09:00"), 2, 0, 0, 2, Optional.empty(), Optional.empty(), 0, Optional.empty(), 0),
                // order 4: B still waiting, 4 days old, promised by the 8th: broken
                new KpiFacts.LineFact(4, "B", at("06T09:00"), 5, 0, 5, 0, Optional.empty(), promise(day(8), Optional.empty(), Optional.empty(), true), 0,
                        Optional.empty(), 5),
                // order 5: A cancelled while waiting, on the 9th, before its promise's last day (the 12th): withdrawn, not judged
                new KpiFacts.LineFact(5, "A", at("07T09:00"), 1, 0, 1, 0, Optional.empty(), promise(day(12), Optional.empty(), Optional.of(day(9)), false), 1,
                        Optional.of("found elsewhere"), 0));
        List<KpiFacts.SupplyFact> supply = List.of(
                new KpiFacts.SupplyFact("Acme", "A", LocalDate.of(2026, 2, 20), day(3), 10, 10, Optional.of(day(3))),
                new KpiFacts.SupplyFact("Acme", "A", LocalDate.of(2026, 2, 25), day(6), 10, 4, Optional.of(day(6))),
                new KpiFacts.SupplyFact("Bolt", "B", LocalDate.of(2026, 2, 28), day(9), 6, 0, Optional.empty()));
        int[] onHandA = {10, 10, 20, 20, 0, 0, 4, 4, 4, 4};
        int[] shippedA = {4, 0, 0, 0, 0, 0, 0, 3, 0, 0};
        int[] onHandB = {1, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        int[] shippedB = {1, 0, 1, 0, 0, 0, 0, 0, 0, 0};
        List<KpiFacts.StockDay> days = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            days.add(new KpiFacts.StockDay("A", day(i + 1), onHandA[i], shippedA[i]));
            days.add(new KpiFacts.StockDay("B", day(i + 1), onHandB[i], shippedB[i]));
        }
        List<KpiFacts.SkuFact> skus = List.of(new KpiFacts.SkuFact("A", Optional.of("Acme"), Optional.of("Fans"), 1000, "GBP"),
                new KpiFacts.SkuFact("B", Optional.of("Bolt"), Optional.of("Fans"), 500, "GBP"));
        return new KpiFacts(FROM, TO, TO, HANDLING_DAYS, lines, supply, days, skus);
    }

    private static final int HANDLING_DAYS = 1;

    private static Optional<FirstPromise> promise(LocalDate by, Optional<LocalDate> filledOn, Optional<LocalDate> cancelledOn, boolean waiting) {
        return Optional.of(new FirstPromise(0.9, by, filledOn, cancelledOn, waiting));
    }

    private static KpiRow row(List<KpiRow> rows, String key) {
        return rows.stream().filter(r -> r.key().equals(key)).findFirst().orElseThrow();
    }

    @Test
    void per_sku_fill_rates_backorders_waits_promises_cancellations_and_lost_sales() {
        KpiRow a = row(Kpis.compute(facts(), Kpis.By.SKU, Kpis.Grain.WEEK), "A");
        assertThat(a.lines()).isEqualTo(4);
        assertThat(a.unitsOrdered()).isEqualTo(10);
        assertThat(a.lineFillRate()).isEqualTo(0.25);        // 1 of 4 lines in full
        assertThat(a.unitFillRate()).isEqualTo(0.4);         // 4 of 10 units
        assertThat(a.orderFillRate()).isEqualTo(0.25);       // order 1 of orders 1, 2, 3, 5
        assertThat(a.backorderRate()).isEqualTo(0.5);        // orders 2 and 5 waited
        assertThat(a.refusedUnits()).isEqualTo(2);
        assertThat(a.averageWaitDays()).isEqualTo(6.0);
        assertThat(a.p90WaitDays()).isEqualTo(6.0);
        assertThat(a.promiseKeptRate()).isEqualTo(0.0);
        assertThat(a.promisesSettled()).isEqualTo(1);
        assertThat(a.cancelledWhileWaiting()).containsExactly(Map.entry("found elsewhere", 1));
        assertThat(a.lostSalesUnits()).isEqualTo(3);         // 2 refused + 1 cancelled while waiting
        assertThat(a.lostSalesValueMinor()).isEqualTo(3000L);
        assertThat(a.currency()).isEqualTo("GBP");
    }

    @Test
    void per_sku_supplier_delivery_stock_outs_cover_and_turns() {
        KpiRow a = row(Kpis.compute(facts(), Kpis.By.SKU, Kpis.Grain.WEEK), "A");
        assertThat(a.supplierLinesDue()).isEqualTo(2);
        assertThat(a.supplierOnTimeInFull()).isEqualTo(0.5);  // the second line came 4 of 10
        assertThat(a.leadTimeMeanDays()).isEqualTo(10.0);     // 11 and 9 days
        assertThat(a.leadTimeP10Days()).isEqualTo(9.0);
        assertThat(a.leadTimeP90Days()).isEqualTo(11.0);
        assertThat(a.leadTimeSdDays()).isEqualTo(1.4142);     // sqrt(2)
        assertThat(a.stockOutDays()).isEqualTo(2);            // the 5th and the 6th
        assertThat(a.skuDays()).isEqualTo(10);
        assertThat(a.averageOnHand()).isEqualTo(7.6);         // 76 unit-days over 10 days
        assertThat(a.unitsShipped()).isEqualTo(7);
        assertThat(a.inventoryTurns()).isEqualTo(0.9211);     // 7 / 7.6
        assertThat(a.daysOfCover()).isEqualTo(4.0);           // 4 on hand at the end, 1 unit a day ordered

        KpiRow b = row(Kpis.compute(facts(), Kpis.By.SKU, Kpis.Grain.WEEK), "B");
        assertThat(b.unitFillRate()).isEqualTo(0.1429);       // 1 of 7
        assertThat(b.lineFillRate()).isEqualTo(0.0);
        assertThat(b.backorderRate()).isEqualTo(1.0);
        assertThat(b.linesWaitingNow()).isEqualTo(1);
        assertThat(b.aging()).containsExactly(Map.entry("0-7", 1), Map.entry("8-14", 0), Map.entry("15-30", 0), Map.entry("31+", 0));
        assertThat(b.averageWaitDays()).isEqualTo(2.0);
        assertThat(b.promiseKeptRate()).isEqualTo(0.5);       // order 1 kept, order 4 broken
        assertThat(b.supplierOnTimeInFull()).isEqualTo(0.0);
        assertThat(b.leadTimeMeanDays()).isNull();            // nothing received: no lead time, not zero
        assertThat(b.stockOutDays()).isEqualTo(9);
        assertThat(b.inventoryTurns()).isEqualTo(20.0);       // 2 shipped over 0.1 on hand
        assertThat(b.daysOfCover()).isEqualTo(0.0);
        assertThat(b.lostSalesValueMinor()).isEqualTo(0L);
    }

    /** An operations check saw this week's on-time-in-full at 0% on a Monday morning: lines due today are not late yet. */
    @Test
    void a_line_due_today_counts_once_it_is_in_or_its_day_is_over() {
        LocalDate today = day(9);
        List<KpiFacts.SupplyFact> supply = List.of(
                new KpiFacts.SupplyFact("Acme", "A", day(1), today, 10, 0, Optional.empty()),
                new KpiFacts.SupplyFact("Acme", "A", day(1), today, 5, 5, Optional.of(today)),
                new KpiFacts.SupplyFact("Acme", "A", day(1), day(8), 4, 0, Optional.empty()));
        KpiFacts facts = new KpiFacts(FROM, TO, today, HANDLING_DAYS, List.of(), supply, List.of(),
                List.of(new KpiFacts.SkuFact("A", Optional.of("Acme"), Optional.of("Fans"), 1000, "GBP")));
        KpiRow a = row(Kpis.compute(facts, Kpis.By.SKU, Kpis.Grain.WEEK), "A");
        assertThat(a.supplierLinesDue()).as("the one due yesterday and the one in today; not the one still coming today").isEqualTo(2);
        assertThat(a.supplierOnTimeInFull()).isEqualTo(0.5);
    }

    @Test
    void per_category_the_two_skus_combine() {
        List<KpiRow> rows = Kpis.compute(facts(), Kpis.By.CATEGORY, Kpis.Grain.WEEK);
        assertThat(rows).extracting(KpiRow::key).containsExactly("Fans");
        KpiRow fans = rows.get(0);
        assertThat(fans.lines()).isEqualTo(6);
        assertThat(fans.orders()).isEqualTo(5);
        assertThat(fans.unitFillRate()).isEqualTo(0.2941);    // 5 of 17
        assertThat(fans.lineFillRate()).isEqualTo(0.1667);    // 1 of 6
        assertThat(fans.orderFillRate()).isEqualTo(0.0);      // order 1 waited for its B
        assertThat(fans.backorderRate()).isEqualTo(0.6667);   // 4 of 6
        assertThat(fans.averageWaitDays()).isEqualTo(4.0);    // 2 and 6
        assertThat(fans.p90WaitDays()).isEqualTo(6.0);
        assertThat(fans.promiseKeptRate()).isEqualTo(0.3333);
        assertThat(fans.supplierOnTimeInFull()).isEqualTo(0.3333);
        assertThat(fans.stockOutDays()).isEqualTo(11);
        assertThat(fans.skuDays()).isEqualTo(20);
        assertThat(fans.inventoryTurns()).isEqualTo(1.1688);  // 9 / 7.7
        assertThat(fans.daysOfCover()).isEqualTo(2.3529);     // 4 / 1.7
    }

    @Test
    void overall_is_the_whole_period_in_one_row_as_a_category_holding_every_sku_would_be() {
        KpiRow overall = Kpis.overall(facts());
        assertThat(overall.key()).isEqualTo(Kpis.OVERALL);
        assertThat(overall.unitFillRate()).isEqualTo(0.2941);   // 5 of 17, as above
        assertThat(overall.stockOutDays()).isEqualTo(11);
        assertThat(overall).usingRecursiveComparison().ignoringFields("key")
                .isEqualTo(Kpis.compute(facts(), Kpis.By.CATEGORY, Kpis.Grain.WEEK).get(0));
    }

    @Test
    void per_supplier_the_supplier_s_purchase_order_lines_and_its_skus_lines() {
        List<KpiRow> rows = Kpis.compute(facts(), Kpis.By.SUPPLIER, Kpis.Grain.WEEK);
        assertThat(rows).extracting(KpiRow::key).containsExactly("Acme", "Bolt");
        assertThat(rows.get(0).supplierLinesDue()).isEqualTo(2);
        assertThat(rows.get(0).lines()).isEqualTo(4);
        assertThat(rows.get(1).supplierOnTimeInFull()).isEqualTo(0.0);
    }

    @Test
    void per_week_rows_cover_only_the_days_of_the_period_in_them() {
        List<KpiRow> rows = Kpis.compute(facts(), Kpis.By.PERIOD, Kpis.Grain.WEEK);
        // 1 March 2026 is a Sunday: its week began on 23 February; the period ends on Tuesday the 10th.
        assertThat(rows).extracting(KpiRow::key).containsExactly("2026-02-23", "2026-03-02", "2026-03-09");
        assertThat(rows).extracting(KpiRow::lines).containsExactly(2, 4, 0);
        assertThat(rows.get(0).averageOnHand()).isEqualTo(11.0);  // one day: 10 + 1
        assertThat(rows.get(2).averageOnHand()).isEqualTo(4.0);   // two days of 4
        assertThat(rows.get(2).supplierLinesDue()).isEqualTo(1);
        assertThat(rows.get(2).lineFillRate()).isNull();          // no lines: no rate, not zero
        assertThat(rows.get(0).daysOfCover()).isEqualTo(1.8333); // 11 on hand over 6 units a day
    }

    @Test
    void lost_sales_in_two_currencies_have_units_but_no_single_value() {
        List<KpiFacts.LineFact> lines = List.of(
                new KpiFacts.LineFact(1, "A", at("01T10:00"), 2, 0, 0, 2, Optional.empty(), Optional.empty(), 0, Optional.empty(), 0),
                new KpiFacts.LineFact(2, "B", at("01T10:00"), 1, 0, 0, 1, Optional.empty(), Optional.empty(), 0, Optional.empty(), 0));
        List<KpiFacts.SkuFact> skus = List.of(new KpiFacts.SkuFact("A", Optional.empty(), Optional.of("Fans"), 1000, "GBP"),
                new KpiFacts.SkuFact("B", Optional.empty(), Optional.of("Fans"), 500, "EUR"));
        KpiRow fans = Kpis.compute(new KpiFacts(FROM, TO, TO, HANDLING_DAYS, lines, List.of(), List.of(), skus), Kpis.By.CATEGORY, Kpis.Grain.WEEK).get(0);
        assertThat(fans.lostSalesUnits()).isEqualTo(3);
        assertThat(fans.lostSalesValueMinor()).isNull();
        assertThat(fans.currency()).isNull();
        assertThat(fans.averageOnHand()).isEqualTo(0.0);
        assertThat(fans.inventoryTurns()).isNull();
    }
}
