package restock.forecast;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class AutomaticChoiceTest {
    @Test
    void a_product_that_stopped_selling_is_forecast_from_its_recent_past_not_its_long_history() {
        double[] history = new double[50];
        Arrays.fill(history, 0, 30, 5.0);

        AutomaticChoice.Choice choice = AutomaticChoice.forecast(history, 12, 6);

        assertThat(choice.forecast()).containsOnly(0.0);
        assertThat(choice.low()).containsOnly(0.0);
    }

    @Test
    void steady_intermittent_demand_keeps_a_positive_forecast_inside_its_interval() {
        double[] history = new double[48];
        for (int t = 0; t < history.length; t += 3) {
            history[t] = 2;
        }
        AutomaticChoice.Choice choice = AutomaticChoice.forecast(history, 12, 6);
        assertThat(choice.profile().pattern().intermittent()).isTrue();
        assertThat(choice.forecast()[0]).isBetween(0.4, 1.0);
        for (int h = 0; h < 6; h++) {
            assertThat(choice.low()[h]).isBetween(0.0, choice.forecast()[h]);
            assertThat(choice.high()[h]).isGreaterThanOrEqualTo(choice.forecast()[h]);
        }
        assertThat(choice.high()[0]).isGreaterThan(choice.low()[0]);
    }

    @Test
    void a_short_intermittent_history_uses_the_intermittent_default() {
        assertThat(AutomaticChoice.forecast(new double[] {0, 1, 0, 0, 2, 0}, 1, 3).candidate()).isEqualTo(AutomaticChoice.INTERMITTENT_DEFAULT);
    }

    @Test
    void a_short_trending_yearly_series_is_never_given_an_intermittent_method() {
        double[] yearly = {100, 112, 119, 133, 141, 150, 166, 171};

        AutomaticChoice.Choice choice = AutomaticChoice.forecast(yearly, 1, 6);

        assertThat(choice.profile().pattern().intermittent()).isFalse();
        assertThat(choice.candidate().members()).noneMatch(m -> m.suits() == ForecastMethod.Suits.INTERMITTENT);
        // the trend goes on: the forecast is above the last value, not a flat average of the past
        assertThat(choice.forecast()[5]).isGreaterThan(171);
    }

    @Test
    void no_smooth_candidate_is_an_intermittent_method() {
        assertThat(AutomaticChoice.SMOOTH_CANDIDATES).allSatisfy(candidate ->
                assertThat(candidate.members()).noneMatch(m -> m.suits() == ForecastMethod.Suits.INTERMITTENT));
        assertThat(AutomaticChoice.candidatesFor(SeriesProfile.Pattern.ERRATIC)).isEqualTo(AutomaticChoice.SMOOTH_CANDIDATES);
        assertThat(AutomaticChoice.candidatesFor(SeriesProfile.Pattern.LUMPY)).isEqualTo(AutomaticChoice.INTERMITTENT_CANDIDATES);
    }

    @Test
    void a_monthly_seasonal_series_is_forecast_with_its_season() {
        double[] monthly = seasonal(60, 12, 100, 0.4, 1);

        AutomaticChoice.Choice choice = AutomaticChoice.forecast(monthly, 12, 12);

        assertThat(choice.profile().seasonal()).isTrue();
        assertThat(choice.profile().seasonalStrength()).isGreaterThan(0.8);
        // the forecast peaks where the history peaks (month 0 of each cycle: history length 60 is a whole number of years)
        int peak = 0;
        for (int h = 1; h < 12; h++) {
            peak = choice.forecast()[h] > choice.forecast()[peak] ? h : peak;
        }
        assertThat(peak).isZero();
    }

    @Test
    void weekly_seasonality_at_period_52_is_taken_out_and_put_back() {
        double[] all = seasonal(208, 52, 50, 0.5, 7);
        double[] weekly = Arrays.copyOf(all, 156);

        double[] forecast = ForecastMethod.COMBO.point(weekly, 52, 52);
        double[] flat = ForecastMethod.COMBO.point(weekly, 1, 52);

        assertThat(SeasonalAdjustment.detect(weekly, 52)).isTrue();
        double seasonalError = 0;
        double flatError = 0;
        for (int h = 0; h < 52; h++) {
            double expected = all[156 + h];
            seasonalError += Math.abs(forecast[h] - expected);
            flatError += Math.abs(flat[h] - expected);
        }
        assertThat(seasonalError).isLessThan(flatError / 3);
    }

    @Test
    void a_catalogue_learns_one_candidate_per_pattern_from_pooled_errors() {
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
        AutomaticChoice.Policy policy = AutomaticChoice.learn(catalogue, 1, 6);

        assertThat(policy.byPattern()).containsKeys(SeriesProfile.Pattern.SMOOTH);
        assertThat(AutomaticChoice.SMOOTH_CANDIDATES).contains(policy.byPattern().get(SeriesProfile.Pattern.SMOOTH));
        assertThat(policy.byPattern().entrySet()).allSatisfy(entry ->
                assertThat(AutomaticChoice.candidatesFor(entry.getKey())).contains(entry.getValue()));
        double[] forecast = policy.forecast(catalogue.get(0), 1, 6).forecast();
        assertThat(forecast[0]).isBetween(20.0, 25.0);

        // what it chose on: each pattern's candidate has the least pooled error of that pattern's candidates
        Map<SeriesProfile.Pattern, double[]> pooled = AutomaticChoice.pooledErrors(catalogue, 1, 6);
        assertThat(pooled.keySet()).isEqualTo(policy.byPattern().keySet());
        pooled.forEach((pattern, errors) -> {
            List<Candidate> candidates = AutomaticChoice.candidatesFor(pattern);
            assertThat(errors).hasSize(candidates.size());
            double chosen = errors[candidates.indexOf(policy.byPattern().get(pattern))];
            assertThat(Arrays.stream(errors).min().orElseThrow()).isEqualTo(chosen);
        });
    }

    @Test
    void every_candidate_forecasts_and_none_goes_below_zero() {
        double[] falling = new double[30];
        for (int t = 0; t < falling.length; t++) {
            falling[t] = Math.max(0, 30 - 2 * t);
        }
        List<Candidate> all = new ArrayList<>(AutomaticChoice.INTERMITTENT_CANDIDATES);
        all.addAll(AutomaticChoice.SMOOTH_CANDIDATES);
        for (Candidate candidate : all) {
            AutomaticChoice.Choice choice = AutomaticChoice.choose(falling, 12, 6, SeriesProfile.of(falling, 12), candidate);
            assertThat(choice.forecast()).as(candidate.label()).hasSize(6);
            assertThat(Arrays.stream(choice.forecast()).min().orElseThrow()).as(candidate.label()).isGreaterThanOrEqualTo(0.0);
        }
    }

    @Test
    void weekly_noise_has_no_season() {
        SplittableRandom random = new SplittableRandom(11);
        int seasonal = 0;
        for (int s = 0; s < 50; s++) {
            double[] noise = new double[156];
            for (int t = 0; t < noise.length; t++) {
                noise[t] = 20 + 4 * random.nextGaussian();
            }
            seasonal += SeasonalAdjustment.detect(noise, 52) ? 1 : 0;
        }
        assertThat(seasonal).isLessThanOrEqualTo(5);
    }

    @Test
    void combinations_are_named_from_their_members() {
        assertThat(Candidate.mean(ForecastMethod.TSB, ForecastMethod.SES).label()).isEqualTo("tsb+ses");
        assertThat(Candidate.median(ForecastMethod.ETS, ForecastMethod.THETA, ForecastMethod.DAMPED).label())
                .isEqualTo("median(ets,theta,damped)");
    }

    /** A positive series with a multiplicative season: level, relative amplitude, peak in the first period of each cycle. */
    private static double[] seasonal(int length, int period, double level, double amplitude, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] y = new double[length];
        for (int t = 0; t < length; t++) {
            y[t] = level * (1 + amplitude * Math.cos(2 * Math.PI * t / period)) * (1 + 0.03 * random.nextGaussian()) + 0.05 * t;
        }
        return y;
    }

    /** The demo's SKU 15036, 26 complete weeks of demand (an outside check: its 80% upper bound was the forecast itself). */
    private static final double[] FALLING_WEEKS = {938, 1214, 166, 1997, 211, 418, 266, 684, 953, 222, 60, 132, 126, 238, 69, 40, 723,
            126, 220, 113, 150, 62, 141, 123, 215, 60};

    @Test
    void an_interval_is_never_collapsed_onto_its_forecast_and_never_narrows_further_ahead() {
        for (int horizon : new int[] {3, 8, 12}) {
            AutomaticChoice.Choice choice = AutomaticChoice.forecast(FALLING_WEEKS, 52, horizon);
            double[] f = choice.forecast();
            for (int h = 0; h < horizon; h++) {
                String step = "horizon " + horizon + ", step " + (h + 1);
                assertThat(choice.high()[h]).as(step + ": 80% upper bound above the forecast").isGreaterThan(f[h]);
                assertThat(choice.low95()[h]).as(step).isLessThanOrEqualTo(choice.low()[h]);
                assertThat(choice.low()[h]).as(step).isBetween(0.0, f[h]);
                assertThat(choice.high95()[h]).as(step).isGreaterThanOrEqualTo(choice.high()[h]);
                if (h > 0) {
                    assertThat(choice.high()[h] - f[h]).as(step + ": not narrower than the step before")
                            .isGreaterThanOrEqualTo(choice.high()[h - 1] - f[h - 1] - 1e-9);
                    assertThat(choice.high95()[h] - f[h]).as(step).isGreaterThanOrEqualTo(choice.high95()[h - 1] - f[h - 1] - 1e-9);
                }
            }
        }
    }

    @Test
    void a_series_whose_errors_were_all_zero_still_gets_an_interval_around_its_forecast() {
        // An outside check: a weekly series got lo80 = forecast = hi80 = 0.18: every cross-validation origin forecast
        // zero and saw zero, so every error was zero, and the band was the forecast itself.
        double[] history = new double[44];
        history[43] = 1;
        AutomaticChoice.Choice choice = AutomaticChoice.forecast(history, 52, 8);
        assertThat(choice.forecast()[0]).isPositive();
        for (int h = 0; h < 8; h++) {
            String step = "step " + (h + 1);
            assertThat(choice.low()[h]).as(step + ": most weeks sell nothing, so the 80% band reaches zero").isLessThan(choice.forecast()[h]);
            assertThat(choice.high95()[h]).as(step).isGreaterThan(choice.forecast()[h]);
        }
    }
}
