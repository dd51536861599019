package restock.insight;

import org.junit.jupiter.api.Test;

import restock.planning.Planner;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The overview's alerts on hand-checked figures. */
class AlertsTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 6);

    private static Planner.SkuPlan plan(String sku, double dailyDemand, double daysOfCover, boolean stocksOut) {
        return new Planner.SkuPlan(sku, "Product " + sku, "Acme", dailyDemand, 0, 0, 0, 0, 0, Optional.empty(), "", daysOfCover, stocksOut);
    }

    @Test
    void the_run_outs_are_the_plans_soonest_first_with_the_day_they_run_out() {
        List<Planner.SkuPlan> plans = List.of(plan("A", 2.0, 5.5, true), plan("B", 1.0, 30, false), plan("C", 0.333, 2.25, true),
                plan("D", 4.0, 5.5, true));

        List<Alerts.StockOut> outs = Alerts.stockOuts(plans, TODAY, 10);

        assertThat(outs).extracting(Alerts.StockOut::sku).containsExactly("C", "A", "D");
        assertThat(outs.get(0).runsOutOn()).isEqualTo(TODAY.plusDays(2));
        assertThat(outs.get(0).daysOfCover()).isEqualTo(2.3);
        assertThat(outs.get(0).unitsPerDay()).isEqualTo(0.33);
        assertThat(outs.get(1).runsOutOn()).isEqualTo(TODAY.plusDays(5));
        assertThat(Alerts.stockOutCount(plans)).isEqualTo(3);
    }

    @Test
    void the_overview_shows_the_first_rows_of_the_planning_pages_list() {
        List<Planner.SkuPlan> plans = List.of(plan("A", 2.0, 5.5, true), plan("C", 0.333, 2.25, true), plan("D", 4.0, 5.5, true));

        assertThat(Alerts.stockOuts(plans, TODAY, 2)).isEqualTo(Alerts.stockOuts(plans, TODAY, 50).subList(0, 2));
    }

    @Test
    void a_supplier_slips_when_its_recent_receipts_are_two_days_later_than_before() {
        assertThat(Alerts.slipping(new Alerts.SupplierReceipts("Acme", 3, 4.0, 5, 1.5))).hasValueSatisfying(slip -> {
            assertThat(slip.recentDaysLate()).isEqualTo(4.0);
            assertThat(slip.earlierDaysLate()).isEqualTo(1.5);
        });
        assertThat(Alerts.slipping(new Alerts.SupplierReceipts("Acme", 3, 3.4, 5, 1.5))).as("1.9 days later").isEmpty();
    }

    @Test
    void one_recent_receipt_or_no_earlier_one_is_no_trend() {
        assertThat(Alerts.slipping(new Alerts.SupplierReceipts("Acme", 1, 9.0, 5, 0.0))).isEmpty();
        assertThat(Alerts.slipping(new Alerts.SupplierReceipts("Acme", 4, 9.0, 0, 0.0))).isEmpty();
    }
}
