package restock.planning;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ReorderPolicyTest {
    @Test
    void a_cycle_service_level_sets_the_reorder_point_from_lead_time_demand_and_its_spread() {
        LeadTimeDemand demand = LeadTimeDemand.NormalDemand.of(10, 4, 5, 1);
        assertThat(demand.mean()).isEqualTo(50.0);
        ReorderPolicy.Point point = ReorderPolicy.reorderPoint(demand, new ReorderPolicy.Target.CycleServiceLevel(0.95));
        assertThat(point.reorderPoint()).isEqualTo(69.0);
        assertThat(point.safetyStock()).isEqualTo(19.0);
    }

    @Test
    void a_fill_rate_target_allows_the_expected_shortage_per_order_cycle() {
        LeadTimeDemand demand = LeadTimeDemand.NormalDemand.of(10, 4, 5, 1);
        ReorderPolicy.Point point = ReorderPolicy.reorderPoint(demand, new ReorderPolicy.Target.FillRate(0.99, 100));
        assertThat(demand.expectedShortage(point.reorderPoint())).isLessThanOrEqualTo(1.0);
        assertThat(demand.expectedShortage(point.reorderPoint() - 1)).isGreaterThan(1.0);
    }

    @Test
    void intermittent_demand_uses_a_seeded_bootstrap_whose_quantiles_hold_their_level() {
        double[] daily = {0, 0, 0, 5, 0, 0, 0, 0, 3, 0, 0, 1, 0, 0};
        LeadTimeDemand.EmpiricalDemand demand = LeadTimeDemand.EmpiricalDemand.bootstrap(daily, List.of(7, 7, 14), 42);
        LeadTimeDemand.EmpiricalDemand again = LeadTimeDemand.EmpiricalDemand.bootstrap(daily, List.of(7, 7, 14), 42);
        assertThat(demand.sortedSamples()).containsExactly(again.sortedSamples());
        double point = ReorderPolicy.reorderPoint(demand, new ReorderPolicy.Target.CycleServiceLevel(0.9)).reorderPoint();
        long covered = java.util.Arrays.stream(demand.sortedSamples()).filter(sample -> sample <= point).count();
        assertThat((double) covered / demand.sortedSamples().length).isGreaterThanOrEqualTo(0.9);
        assertThat(demand.quantile(0.5)).isLessThanOrEqualTo(demand.quantile(0.9));
    }

    @Test
    void orders_reach_the_order_up_to_level_in_whole_packs_and_at_least_the_minimum() {
        assertThat(ReorderPolicy.orderQuantity(20, 30, 100, 50, 12)).isEqualTo(84);
        assertThat(ReorderPolicy.orderQuantity(40, 30, 100, 50, 12)).isZero();
        assertThat(ReorderPolicy.orderQuantity(28, 30, 38, 50, 12)).isEqualTo(60);
        assertThat(ReorderPolicy.daysUntilReorder(100, 30, 7)).isEqualTo(10);
        assertThat(ReorderPolicy.daysUntilReorder(20, 30, 7)).isZero();
    }
}
