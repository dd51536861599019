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

    /** 29 observations, the first {@code first}: the shape of an outside check's series. */
    private static double[] spiked(double first) {
        double[] history = new double[29];
        for (int t = 0; t < history.length; t++) {
            history[t] = t == 0 ? first : 10 + (t * 7) % 13;
        }
        return history;
    }

    @Test
    void an_observation_past_the_limit_is_refused_with_the_limit_named() {
        // An outside check: a first value of 1.13e19 ended in a NullPointerException inside the ETS recursion. The fit's
        // mean squared error passed the 1e35 its minimiser (as R's optim) gives parameters it cannot evaluate, so those
        // looked best, and the model came out without a state to forecast from.
        double[] history = spiked(1.13e19);
        String limit = "between -1000000000000 and 1000000000000";
        for (ForecastMethod method : ForecastMethod.values()) {
            assertThatThrownBy(() -> method.predict(history, 1, 3, new SplittableRandom(1))).as(method.label())
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(limit).hasMessageContaining("1.13E19");
        }
        assertThatThrownBy(() -> AutomaticChoice.forecast(history, 1, 3)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(limit);
        assertThatThrownBy(() -> AutomaticChoice.pointForecast(history, 1, 3)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(limit);

        double[] atTheLimit = spiked(-ForecastMethod.MAX_ABSOLUTE_OBSERVATION);
        atTheLimit[20] = ForecastMethod.MAX_ABSOLUTE_OBSERVATION;
        assertThat(Arrays.stream(AutomaticChoice.forecast(atTheLimit, 4, 8).forecast()).allMatch(Double::isFinite)).isTrue();
        for (ForecastMethod method : ForecastMethod.values()) {
            for (int period : new int[] {1, 4}) {
                try {
                    double[] mean = method.predict(atTheLimit, period, 8, new SplittableRandom(1)).mean();
                    assertThat(Arrays.stream(mean).allMatch(Double::isFinite)).as(method.label() + " at period " + period).isTrue();
                } catch (IllegalArgumentException refused) {
                    assertThat(refused.getMessage()).as(method.label()).contains("seasonal model needs");
                }
            }
        }
    }

    @Test
    void an_ets_fit_left_without_a_finite_state_is_refused_not_returned() {
        // The same fault below the limit's check (a seasonal adjustment divides by indices down to 1e-4): the fit says
        // why, where its model's forecast failed on a missing state.
        assertThatThrownBy(() -> Ets.fit(spiked(1.13e19), 1, Ets.Form.SES, Ets.Criterion.MSE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ETS(A,N,N) could not be fitted to these observations: its states are not finite at the best parameters found");
    }

    @Test
    void a_refusal_during_cross_validation_says_how_many_observations_the_method_was_given() {
        // An outside check read "ETS(A,N,N) has too many parameters for 19 observations" for a series of 29: the 19 were
        // the training part of a cross-validation origin.
        double[] history = spiked(1e13);
        assertThatThrownBy(() -> CrossValidation.run(history, 1, 3, java.util.List.of(Candidate.of(ForecastMethod.SES)), 8))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("ses, cross-validated on the first 19 of the 29 observations: ");
    }
}
