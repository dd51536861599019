package restock.promise;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SupplierReliabilityTest {
    private static final long PUNCTUAL = 1;
    private static final long NEW = 2;

    private static List<SupplierReliability.Observation> punctualHistory(int lines, double fill) {
        List<SupplierReliability.Observation> history = new ArrayList<>();
        for (int i = 0; i < lines; i++) {
            history.add(new SupplierReliability.Observation(PUNCTUAL, "SKU-" + i, 0, fill));
        }
        return history;
    }

    @Test
    void a_supplier_without_history_gets_the_cautious_prior_not_another_suppliers_punctuality() {
        ArrivalOdds odds = new SupplierReliability(punctualHistory(50, 1.0)).oddsFor(NEW, "SKU-1");

        assertThat(odds.basis()).isEqualTo(SupplierReliability.priorOdds().basis());
        // Borrowed, 50 on-time deliveries would say 98% by the confirmed date; the prior says 4 in 11.
        assertThat(odds.lateness().probabilityAtMost(0)).isCloseTo(4.0 / 11, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void a_supplier_without_history_may_borrow_other_suppliers_fills() {
        ArrivalOdds odds = new SupplierReliability(punctualHistory(10, 0.5)).oddsFor(NEW, "SKU-1");

        assertThat(odds.fill().probabilityAtLeast(0.9)).isZero();
    }

    @Test
    void the_suppliers_own_history_is_used_from_five_observations() {
        List<SupplierReliability.Observation> history = new ArrayList<>(punctualHistory(50, 1.0));
        for (int i = 0; i < 5; i++) {
            history.add(new SupplierReliability.Observation(NEW, "SKU-" + i, 10, 1.0));
        }

        ArrivalOdds odds = new SupplierReliability(history).oddsFor(NEW, "OTHER");

        assertThat(odds.basis()).isEqualTo("supplier history");
        assertThat(odds.lateness().probabilityAtMost(9)).isZero();
    }
}
