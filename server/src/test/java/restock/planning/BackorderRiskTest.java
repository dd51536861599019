package restock.planning;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class BackorderRiskTest {
    private static BackorderRisk.Inputs inputs(double onHand, double incoming, Double supplierOnTime) {
        return new BackorderRisk.Inputs(onHand, incoming, 4.0, 30, new double[] {10, 10, 9, 11}, supplierOnTime);
    }

    @Test
    void more_stock_or_more_reliable_supply_means_less_risk() {
        double short_ = BackorderRisk.probability(inputs(5, 0, 0.9));
        double covered = BackorderRisk.probability(inputs(50, 0, 0.9));
        assertThat(short_).isGreaterThan(0.5);
        assertThat(covered).isLessThan(0.01);
        assertThat(BackorderRisk.probability(inputs(5, 20, 1.0))).isLessThan(BackorderRisk.probability(inputs(5, 20, 0.2)));
        assertThat(BackorderRisk.probability(inputs(-1, 100, 1.0))).as("already short").isEqualTo(1.0);
        assertThat(BackorderRisk.probability(new BackorderRisk.Inputs(0, 0, null, 0, new double[] {0, 0}, null))).as("no demand").isZero();
    }

    @Test
    void roc_auc_and_average_precision_on_known_cases() {
        boolean[] labels = {false, false, true, true};
        assertThat(BackorderRisk.rocAuc(new double[] {0.1, 0.2, 0.8, 0.9}, labels)).isEqualTo(1.0);
        assertThat(BackorderRisk.rocAuc(new double[] {0.9, 0.8, 0.2, 0.1}, labels)).isEqualTo(0.0);
        assertThat(BackorderRisk.rocAuc(new double[] {0.5, 0.5, 0.5, 0.5}, labels)).isEqualTo(0.5);
        assertThat(BackorderRisk.rocAuc(new double[] {0.1, 0.8, 0.2, 0.9}, labels)).isEqualTo(0.75);
        assertThat(BackorderRisk.averagePrecision(new double[] {0.1, 0.2, 0.8, 0.9}, labels)).isEqualTo(1.0);
        assertThat(BackorderRisk.averagePrecision(new double[] {0.9, 0.1, 0.8, 0.2}, new boolean[] {true, false, false, true}))
                .isCloseTo((1.0 / 1 + 2.0 / 3) / 2, within(1e-12));
    }
}
