package restock.insight;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The classification rules on hand-written moments: ranking, and the edges of each rule. */
class RootCausesTest {
    private static final LocalDate DAY = LocalDate.of(2026, 3, 2);

    private static BackorderMoment moment(double[] baseline, int leadTimeDemand, int onHandAtWindowStart, int onHandAtEvent,
                                          int orderedInWindow, int openLines, List<BackorderMoment.DueSupply> due,
                                          List<BackorderMoment.CountLoss> losses) {
        return new BackorderMoment(1, 1, "SKU", BackorderMoment.Outcome.WAITED, 10, DAY, 14, baseline, leadTimeDemand,
                onHandAtWindowStart, onHandAtEvent, orderedInWindow, openLines, due, losses, 0, false);
    }

    private static double[] steady(double perDay, int days) {
        double[] baseline = new double[days];
        for (int i = 0; i < days; i++) {
            baseline[i] = perDay + (i % 2 == 0 ? -0.5 : 0.5);
        }
        return baseline;
    }

    @Test
    void causes_are_ranked_by_the_units_each_explains() {
        var late = new BackorderMoment.DueSupply(7, "Slow Ltd", DAY.minusDays(5), 80, 0, false);
        var moment = moment(steady(2, 56), 30, 40, 0, 80, 1, List.of(late), List.of(new BackorderMoment.CountLoss(DAY.minusDays(3), 12)));
        assertThat(RootCauses.classify(moment)).extracting(Cause::kind).containsExactly(CauseKind.SUPPLIER_LATE, CauseKind.RECORD_ERROR);
    }

    @Test
    void demand_within_the_upper_interval_is_no_spike_and_above_it_is() {
        assertThat(RootCauses.classify(moment(steady(2, 56), 30, 40, 0, 0, 1, List.of(), List.of())))
                .extracting(Cause::kind).containsExactly(CauseKind.UNKNOWN);
        assertThat(RootCauses.classify(moment(steady(2, 56), 60, 40, 0, 0, 1, List.of(), List.of())))
                .extracting(Cause::kind).containsExactly(CauseKind.DEMAND_SPIKE);
    }

    @Test
    void too_short_a_baseline_judges_no_spike() {
        assertThat(RootCauses.classify(moment(steady(2, RootCauses.MIN_BASELINE_DAYS - 1), 500, 40, 0, 0, 1, List.of(), List.of())))
                .extracting(Cause::kind).containsExactly(CauseKind.UNKNOWN);
    }

    @Test
    void stock_and_orders_below_lead_time_demand_within_the_forecast_interval_is_planning() {
        List<Cause> causes = RootCauses.classify(moment(steady(2, 56), 28, 5, 0, 10, 1, List.of(), List.of()));
        assertThat(causes).extracting(Cause::kind).containsExactly(CauseKind.PLANNING);
        assertThat(causes.get(0).unitsExplained()).isEqualTo(28.0 - 15.0);
        assertThat(RootCauses.classify(moment(steady(2, 56), 28, 20, 0, 10, 1, List.of(), List.of())))
                .extracting(Cause::kind).containsExactly(CauseKind.UNKNOWN);
    }

    @Test
    void a_partial_delivery_is_short_and_a_line_delivered_in_full_is_neither_late_nor_short() {
        var partial = new BackorderMoment.DueSupply(7, "Partial", DAY.minusDays(5), 80, 50, false);
        var full = new BackorderMoment.DueSupply(8, "Good", DAY.minusDays(5), 80, 80, false);
        assertThat(RootCauses.classify(moment(steady(2, 56), 28, 40, 0, 160, 1, List.of(partial, full), List.of())))
                .extracting(Cause::kind).containsExactly(CauseKind.SUPPLIER_SHORT);
    }
}
