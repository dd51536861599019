package restock.forecast;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class AutomaticChoiceTest {
    @Test
    void a_product_that_stopped_selling_is_forecast_from_its_recent_past_not_its_long_history() {
        double[] history = new double[50];
        Arrays.fill(history, 0, 30, 5.0);

        AutomaticChoice.Choice choice = AutomaticChoice.forecast(history, 6);

        assertThat(choice.forecast()).containsOnly(0.0);
        assertThat(choice.low()).containsOnly(0.0);
    }

    @Test
    void steady_intermittent_demand_keeps_a_positive_forecast_inside_its_interval() {
        double[] history = new double[48];
        for (int t = 0; t < history.length; t += 3) {
            history[t] = 2;
        }
        AutomaticChoice.Choice choice = AutomaticChoice.forecast(history, 6);
        assertThat(choice.forecast()[0]).isBetween(0.4, 1.0);
        for (int h = 0; h < 6; h++) {
            assertThat(choice.low()[h]).isBetween(0.0, choice.forecast()[h]);
            assertThat(choice.high()[h]).isGreaterThanOrEqualTo(choice.forecast()[h]);
        }
        assertThat(choice.high()[0]).isGreaterThan(choice.low()[0]);
    }

    @Test
    void short_histories_use_the_default_candidate() {
        assertThat(AutomaticChoice.forecast(new double[] {0, 1, 0, 2}, 3).method()).isEqualTo(AutomaticChoice.DEFAULT);
    }

    @Test
    void a_catalogue_learns_one_candidate_per_demand_class_from_pooled_errors() {
        SplittableRandom random = new SplittableRandom(3);
        List<double[]> catalogue = new ArrayList<>();
        for (int s = 0; s < 30; s++) {
            double[] smooth = new double[40];
            double[] intermittent = new double[40];
            for (int t = 0; t < 40; t++) {
                smooth[t] = 20 + random.nextInt(5);
                intermittent[t] = random.nextDouble() < 0.2 ? 1 + random.nextInt(3) : 0;
            }
            catalogue.add(smooth);
            catalogue.add(intermittent);
        }
        AutomaticChoice.Policy policy = AutomaticChoice.learn(catalogue, 6);

        assertThat(policy.byClass()).containsKeys("SMOOTH", "INTERMITTENT");
        assertThat(AutomaticChoice.CANDIDATES).contains(policy.byClass().get("SMOOTH"), policy.byClass().get("INTERMITTENT"));
        // stationary smooth demand: a long-memory candidate wins, never the zero forecast or the last value
        assertThat(policy.byClass().get("SMOOTH")).isNotEqualTo("zero");
        double[] forecast = policy.forecast(catalogue.get(0), 6).forecast();
        assertThat(forecast[0]).isBetween(20.0, 25.0);
    }

    @Test
    void every_candidate_forecasts_and_none_goes_below_zero() {
        double[] falling = new double[30];
        for (int t = 0; t < falling.length; t++) {
            falling[t] = Math.max(0, 30 - 2 * t);
        }
        for (String candidate : AutomaticChoice.CANDIDATES) {
            double[] forecast = AutomaticChoice.forecastWith(candidate, falling, 6);
            assertThat(forecast).as(candidate).hasSize(6);
            assertThat(Arrays.stream(forecast).min().orElseThrow()).as(candidate).isGreaterThanOrEqualTo(0.0);
        }
    }
}
