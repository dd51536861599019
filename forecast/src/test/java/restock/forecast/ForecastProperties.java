package restock.forecast;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever demand history a SKU has, forecasting either gives finite numbers or refuses with a reason: the forecast
 * route maps an IllegalArgumentException to 400, anything else would be a 500.
 */
class ForecastProperties extends DemandHistories {
    @Property(tries = 300)
    void every_method_forecasts_finite_numbers_or_says_why_not(@ForAll("histories") double[] history,
                                                               @ForAll("periods") int period) {
        for (ForecastMethod method : ForecastMethod.values()) {
            try {
                Prediction p = method.predict(history, period, 8, new SplittableRandom(3));
                for (double[] values : List.of(p.mean(), p.band80().lower(), p.band80().upper(), p.band95().lower(), p.band95().upper())) {
                    for (double value : values) {
                        assertThat(Double.isFinite(value)).as(method.label() + " on " + java.util.Arrays.toString(history)).isTrue();
                    }
                }
            } catch (IllegalArgumentException refused) {
                // the only acceptable refusals are about the history being too short for the method
                assertThat(refused.getMessage()).as(method.label() + " on " + java.util.Arrays.toString(history))
                        .containsAnyOf("needs at least", "needs more observations than its lag", "seasonal model needs",
                                "too many parameters for");
            }
        }
    }
}
