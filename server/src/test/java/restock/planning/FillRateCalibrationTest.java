package restock.planning;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class FillRateCalibrationTest {
    @Test
    void the_factor_meets_the_target_on_the_backtest_and_a_higher_target_needs_more() {
        // forecasts of 10 each; demands 5, 10, 20: stocking 10 fills 5 + 10 + 10 = 25 of 35
        List<FillRateCalibration.Window> backtest = List.of(new FillRateCalibration.Window(10, 5),
                new FillRateCalibration.Window(10, 10), new FillRateCalibration.Window(10, 20));
        assertThat(FillRateCalibration.outcome(backtest, 1.0).fillRate()).isCloseTo(25.0 / 35, within(1e-12));
        assertThat(FillRateCalibration.outcome(backtest, 1.0).excess()).isCloseTo(5.0 / 35, within(1e-12));
        double factor90 = FillRateCalibration.factorFor(backtest, 0.9);
        // 0.9 * 35 = 31.5 = 5 + 10 + 16.5: stock 16.5 = 1.65 x forecast
        assertThat(factor90).isCloseTo(1.65, within(1e-9));
        assertThat(FillRateCalibration.outcome(backtest, factor90).fillRate()).isCloseTo(0.9, within(1e-9));
        assertThat(FillRateCalibration.factorFor(backtest, 0.99)).isGreaterThan(factor90);
        assertThat(FillRateCalibration.factorFor(backtest, 0.5)).isLessThan(1.0);
    }

    @Test
    void demand_that_was_never_forecast_cannot_be_met_and_the_search_says_so_with_its_limit() {
        List<FillRateCalibration.Window> backtest = List.of(new FillRateCalibration.Window(0, 8), new FillRateCalibration.Window(1, 1));
        assertThat(FillRateCalibration.factorFor(backtest, 0.5)).isEqualTo(FillRateCalibration.MAX_FACTOR);
    }
}
