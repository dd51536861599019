package restock.planning;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StockForTargetTest {
    @Test
    void steady_demand_needs_exactly_its_total() {
        double[] history = new double[24];
        java.util.Arrays.fill(history, 2);
        assertThat(StockForTarget.stock(history, 6, 0.95, 1)).isEqualTo(12.0);
    }

    @Test
    void a_higher_target_never_stocks_less_and_no_demand_stocks_nothing() {
        double[] lumpy = {0, 0, 9, 0, 0, 0, 4, 0, 0, 12, 0, 0, 0, 3, 0, 0};
        double previous = 0;
        for (double target : new double[] {0.5, 0.8, 0.9, 0.95, 0.99}) {
            double stock = StockForTarget.stock(lumpy, 6, target, 7);
            assertThat(stock).isGreaterThanOrEqualTo(previous);
            previous = stock;
        }
        assertThat(StockForTarget.stock(new double[12], 6, 0.9, 1)).isZero();
    }
}
