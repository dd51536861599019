package restock.forecast;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

import static org.assertj.core.api.Assertions.assertThat;

/** The point forecast alone (the plan's) is the point of the forecast with its bands (the chart's and the route's). */
class PointForecastProperties extends DemandHistories {
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
}
