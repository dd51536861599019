package restock.forecast;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

import static org.assertj.core.api.Assertions.assertThat;

/** Whatever demand history a SKU has, the automatic choice forecasts finite, non-negative demand inside consistent bands. */
class AutomaticChoiceProperties extends DemandHistories {
    @Property(tries = 200)
    void the_automatic_choice_always_forecasts_finite_non_negative_demand(@ForAll("histories") double[] history) {
        AutomaticChoice.Choice choice = AutomaticChoice.forecast(history, 12, 6);
        for (int h = 0; h < 6; h++) {
            assertThat(choice.forecast()[h]).isFinite().isGreaterThanOrEqualTo(0.0);
            assertThat(choice.low()[h]).isFinite().isLessThanOrEqualTo(choice.forecast()[h]);
            assertThat(choice.high95()[h]).isFinite().isGreaterThanOrEqualTo(choice.high()[h]);
        }
    }
}
