package restock.planning;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class AutomaticChoiceTest {
    @Test
    void a_product_that_stopped_selling_is_forecast_from_its_recent_past_not_its_long_history() {
        double[] history = new double[50];
        Arrays.fill(history, 0, 30, 5.0);

        AutomaticChoice.Choice choice = AutomaticChoice.forecast(history, 6);

        assertThat(choice.method()).isIn("recent-mean", "zero");
        assertThat(choice.forecast()).containsOnly(0.0);
    }

    @Test
    void steady_intermittent_demand_keeps_a_positive_forecast() {
        double[] history = new double[48];
        for (int t = 0; t < history.length; t += 3) {
            history[t] = 2;
        }
        AutomaticChoice.Choice choice = AutomaticChoice.forecast(history, 6);
        assertThat(choice.forecast()[0]).isBetween(0.4, 1.0);
    }

    @Test
    void short_histories_use_the_first_candidate() {
        assertThat(AutomaticChoice.forecast(new double[] {0, 1, 0, 2}, 3).method()).isEqualTo("tsb");
    }
}
