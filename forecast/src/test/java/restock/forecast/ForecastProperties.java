package restock.forecast;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever demand history a SKU has, forecasting either gives finite numbers or refuses with a reason: the forecast
 * route maps an IllegalArgumentException to 400, anything else would be a 500.
 */
class ForecastProperties {
    @Provide
    Arbitrary<double[]> histories() {
        Arbitrary<Double> demand = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.just(0.0)),
                net.jqwik.api.Tuple.of(3, Arbitraries.integers().between(1, 20).map(Integer::doubleValue)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(1, 100_000).map(Integer::doubleValue)));
        Arbitrary<double[]> random = demand.list().ofMinSize(1).ofMaxSize(120).map(list -> list.stream().mapToDouble(Double::doubleValue).toArray());
        // seasonal spikes that stop: strong seasonal autocorrelation with whole years of zeros (a zero trend)
        Arbitrary<double[]> seasonalThenDead = Arbitraries.integers().between(30, 110).flatMap(length ->
                Arbitraries.integers().between(13, length - 1).map(stop -> {
                    double[] y = new double[length];
                    for (int t = 0; t < stop; t++) {
                        y[t] = t % 12 == 0 ? 50 : (t % 12 == 6 ? 5 : 0);
                    }
                    return y;
                }));
        return Arbitraries.oneOf(random, seasonalThenDead);
    }

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

    @Property(tries = 200)
    void the_automatic_choice_always_forecasts_finite_non_negative_demand(@ForAll("histories") double[] history) {
        AutomaticChoice.Choice choice = AutomaticChoice.forecast(history, 12, 6);
        for (int h = 0; h < 6; h++) {
            assertThat(choice.forecast()[h]).isFinite().isGreaterThanOrEqualTo(0.0);
            assertThat(choice.low()[h]).isFinite().isLessThanOrEqualTo(choice.forecast()[h]);
            assertThat(choice.high95()[h]).isFinite().isGreaterThanOrEqualTo(choice.high()[h]);
        }
    }

    /**
     * The plan needs only the point forecast and takes it without the bands' cross-validation; the chart and the forecast
     * route show the forecast with its bands. One forecast of record: both paths give the same point.
     */
    @Property(tries = 200)
    void the_point_alone_is_the_point_of_the_forecast_with_its_bands(@ForAll("histories") double[] history,
                                                                    @ForAll("periods") int period) {
        int horizon = 12;
        assertThat(AutomaticChoice.pointForecast(history, period, horizon))
                .containsExactly(AutomaticChoice.forecast(history, period, horizon).forecast());
        AutomaticChoice.Policy policy = new AutomaticChoice.Policy(java.util.Map.of(
                SeriesProfile.Pattern.SMOOTH, Candidate.of(ForecastMethod.DAMPED), SeriesProfile.Pattern.ERRATIC, Candidate.of(ForecastMethod.THETA),
                SeriesProfile.Pattern.INTERMITTENT, AutomaticChoice.INTERMITTENT_DEFAULT, SeriesProfile.Pattern.LUMPY, AutomaticChoice.INTERMITTENT_DEFAULT,
                SeriesProfile.Pattern.SPARSE, Candidate.of(ForecastMethod.ZERO)));
        assertThat(policy.pointForecast(history, period, horizon)).containsExactly(policy.forecast(history, period, horizon).forecast());
    }

    @Provide
    Arbitrary<Integer> periods() {
        return Arbitraries.of(1, 4, 7, 12, 52);
    }
}
