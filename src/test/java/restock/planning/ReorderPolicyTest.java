package restock.planning;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ReorderPolicyTest {
    @Test
    void the_normal_quantile_and_loss_function_match_their_tables() {
        assertThat(Normal.quantile(0.95)).isCloseTo(1.6448536, within(1e-6));
        assertThat(Normal.quantile(0.99)).isCloseTo(2.3263479, within(1e-6));
        assertThat(Normal.quantile(0.5)).isCloseTo(0.0, within(1e-7));
        assertThat(Normal.quantile(0.01)).isCloseTo(-2.3263479, within(1e-6));
        // R 4.2.2's qnorm and qt, to the last digits printed
        assertThat(Normal.quantile(0.975)).isCloseTo(1.95996398454005361, within(1e-15));
        assertThat(Normal.quantile(0.9)).isCloseTo(1.28155156554460081, within(1e-15));
        assertThat(Normal.quantile(0.3)).isCloseTo(-0.52440051270804067, within(1e-15));
        assertThat(Normal.quantile(1e-12)).isCloseTo(-7.03448382530113214, within(1e-13));
        assertThat(Normal.quantile(1e-300)).isCloseTo(-37.04709629936120052, within(1e-11));
        assertThat(StudentT.quantile(0.975, 44)).isCloseTo(2.0153675744437636, within(1e-6));
        assertThat(StudentT.quantile(0.9, 44)).isCloseTo(1.3010900596888004, within(1e-6));
        assertThat(StudentT.quantile(0.975, 20)).isCloseTo(2.0859634472658648, within(1e-4));
        assertThat(StudentT.quantile(0.975, 3)).isCloseTo(3.1824463052837078, within(5e-3));
        assertThat(Normal.loss(0)).isCloseTo(0.3989423, within(1e-6));
        assertThat(Normal.loss(1)).isCloseTo(0.0833155, within(1e-6));
    }

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
