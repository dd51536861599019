package restock.insight;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The overview's alerts on hand-checked figures. */
class AlertsTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 6);

    @Test
    void a_sku_that_runs_out_before_its_next_receipt_is_flagged_with_the_day_it_runs_out() {
        // 56 shipped in 28 days: 2 a day; 10 free last 5 days, to the 11th; the receipt is due on the 15th.
        var out = Alerts.stockOut(new Alerts.SkuCover("A", "Fan", 10, 56, Optional.of(TODAY.plusDays(9))), TODAY).orElseThrow();
        assertThat(out.runsOutOn()).isEqualTo(LocalDate.of(2026, 12, 11));
        assertThat(out.unitsPerDay()).isEqualTo(2.0);
    }

    @Test
    void a_sku_whose_stock_lasts_until_its_receipt_is_not_flagged() {
        // 10 free at 2 a day lasts to the 11th; the receipt comes on the 11th itself.
        assertThat(Alerts.stockOut(new Alerts.SkuCover("A", "Fan", 10, 56, Optional.of(TODAY.plusDays(5))), TODAY)).isEmpty();
        assertThat(Alerts.stockOut(new Alerts.SkuCover("A", "Fan", 10, 56, Optional.of(TODAY.plusDays(6))), TODAY)).isPresent();
    }

    @Test
    void with_nothing_on_order_a_sku_is_flagged_only_when_it_runs_out_within_the_horizon() {
        // 28 free at 2 a day: 14 days, the horizon's last day: flagged; 30 free: 15 days: not.
        assertThat(Alerts.stockOut(new Alerts.SkuCover("A", "Fan", 28, 56, Optional.empty()), TODAY)).isPresent();
        assertThat(Alerts.stockOut(new Alerts.SkuCover("A", "Fan", 30, 56, Optional.empty()), TODAY)).isEmpty();
    }

    @Test
    void a_sku_that_did_not_ship_or_has_nothing_free_is_not_flagged_here() {
        assertThat(Alerts.stockOut(new Alerts.SkuCover("A", "Fan", 10, 0, Optional.empty()), TODAY)).isEmpty();
        assertThat(Alerts.stockOut(new Alerts.SkuCover("A", "Fan", 0, 56, Optional.empty()), TODAY)).isEmpty();
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
