package restock.planning;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ChartDataTest {
    @Test
    void projects_stock_from_the_position_receipts_and_forecast_with_an_interval_around_it() {
        LocalDate firstHistoryWeek = LocalDate.parse("2026-09-07");
        List<DemandHistory.Period> weeks = new ArrayList<>();
        for (int w = 0; w < 12; w++) {
            weeks.add(new DemandHistory.Period(firstHistoryWeek.plusWeeks(w), 10, 0, 0, 0, 0, w == 3));
        }
        LocalDate next = firstHistoryWeek.plusWeeks(12);
        double[] daily = new double[12 * 7];
        java.util.Arrays.fill(daily, 10.0 / 7);
        DemandForecast.Forecast forecast = DemandForecast.of(daily, next, DemandForecast.Request.OF_RECORD, java.util.Optional.empty());
        ChartData.Chart chart = ChartData.build(weeks, forecast, next, 4, 50, Map.of(next.plusWeeks(2), 30, next.minusWeeks(1), 5), 25);

        assertThat(chart.history()).hasSize(12);
        assertThat(chart.history().get(3).censored()).isTrue();
        assertThat(chart.forecast()).extracting(ChartData.ForecastWeek::week)
                .containsExactly(next, next.plusWeeks(1), next.plusWeeks(2), next.plusWeeks(3));
        assertThat(chart.forecast()).allSatisfy(week -> {
            assertThat(week.forecast()).isCloseTo(10.0, org.assertj.core.api.Assertions.within(1e-9));
            assertThat(week.low()).isLessThanOrEqualTo(week.forecast());
            assertThat(week.high()).isGreaterThanOrEqualTo(week.forecast());
        });
        // 50 in position counts 35 incoming: 15 now, +5 overdue in week 1, +30 in week 3, 10 a week out.
        assertThat(chart.forecast().stream().mapToDouble(ChartData.ForecastWeek::projectedStock).toArray())
                .containsExactly(new double[] {10.0, 0.0, 20.0, 10.0}, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(chart.reorderPoint()).isEqualTo(25.0);
    }

    private static ChartData.Chart chartOf(double[] daily, LocalDate today) {
        DemandForecast.Forecast forecast = DemandForecast.of(daily, today, DemandForecast.Request.OF_RECORD, java.util.Optional.empty());
        return ChartData.build(List.of(), forecast, today, 12, 100, Map.of(), 20);
    }

    /** A slow mover's chart was labelled "(weekly)" though its forecast is made by months: the chart says which. */
    @Test
    void a_slow_movers_chart_says_its_forecast_is_made_by_months() {
        LocalDate today = LocalDate.parse("2026-12-07");
        double[] slow = new double[DemandForecast.HISTORY_DAYS];
        for (int d = 0; d < slow.length; d += 17) {
            slow[d] = 3;
        }
        double[] steady = new double[DemandForecast.HISTORY_DAYS];
        java.util.Arrays.fill(steady, 5);

        assertThat(chartOf(slow, today).forecastGrain()).isEqualTo("month");
        assertThat(chartOf(steady, today).forecastGrain()).isEqualTo("week");
    }
}
