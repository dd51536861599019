package restock.forecast;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ForecastMethodTest {
    private static final double[] INTERMITTENT = {0, 3, 0, 0, 1, 0, 0, 0, 4, 0, 2, 0, 0, 0, 5, 0, 0, 1, 0, 0, 3, 0, 0, 0};

    @Test
    void every_method_gives_bands_that_nest_around_or_beside_its_forecast() {
        double[] history = new double[40];
        for (int t = 0; t < history.length; t++) {
            history[t] = 10 + (t % 12 == 0 ? 6 : 0) + (t % 3);
        }
        for (ForecastMethod method : ForecastMethod.values()) {
            Prediction p = method.predict(history, 12, 6, new SplittableRandom(1));
            assertThat(p.mean()).as(method.label()).hasSize(6);
            for (int h = 0; h < 6; h++) {
                assertThat(p.band95().lower()[h]).as(method.label()).isLessThanOrEqualTo(p.band80().lower()[h] + 1e-9);
                assertThat(p.band95().upper()[h]).as(method.label()).isGreaterThanOrEqualTo(p.band80().upper()[h] - 1e-9);
                assertThat(p.band80().lower()[h]).as(method.label()).isLessThanOrEqualTo(p.band80().upper()[h]);
            }
        }
    }

    @Test
    void intermittent_methods_simulate_paths_whose_mean_is_the_point_forecast() {
        double[] forecast = IntermittentForecasts.tsb(INTERMITTENT, 4, 0.1, 0.1);
        double[][] paths = IntermittentPaths.simulate(INTERMITTENT, forecast, 20_000, new SplittableRandom(7));
        double mean = Arrays.stream(paths).mapToDouble(path -> path[0]).average().orElseThrow();
        assertThat(mean).isCloseTo(forecast[0], within(0.05));
        // every simulated demand is zero or a past size: nothing negative, nothing fractional here
        assertThat(Arrays.stream(paths).flatMapToDouble(Arrays::stream).allMatch(v -> v >= 0)).isTrue();
        Prediction tsb = ForecastMethod.TSB.predict(INTERMITTENT, 1, 4, new SplittableRandom(7));
        assertThat(tsb.band80().lower()[0]).isZero();
        assertThat(tsb.band95().upper()[0]).isPositive();
    }

    @Test
    void adida_spreads_its_bucket_forecast_over_the_bucket_and_the_level_follows_the_demand_interval() {
        assertThat(Adida.level(INTERMITTENT)).isEqualTo(3); // 24 periods, 8 demands
        double[] forecast = Adida.forecast(INTERMITTENT, 5);
        assertThat(forecast).containsOnly(forecast[0]);
        assertThat(forecast[0]).isBetween(0.3, 1.3); // about 23 units over 24 periods
    }

    @Test
    void a_method_that_cannot_forecast_a_history_says_why() {
        assertThatThrownBy(() -> ForecastMethod.SNAIVE.predict(new double[] {1, 2, 3}, 12, 3, new SplittableRandom(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lag 12");
        assertThatThrownBy(() -> ForecastMethod.ETS.predict(new double[] {1, 2}, 1, 3, new SplittableRandom(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 4");
        assertThat(ForecastMethod.byLabel("arima")).isEmpty();
        assertThat(ForecastMethod.byLabel("hw")).contains(ForecastMethod.HW);
    }
}
