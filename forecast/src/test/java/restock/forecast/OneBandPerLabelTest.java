package restock.forecast;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A label means one band: {@code auto} answering a method gives the band that method gives when asked for by name, and
 * step k's band is the same whatever the horizon asked for (an outside check found three different 80% bands for M1's
 * MRF1 month 1 under the one label "combo", and MRM1's month-1 95% band moving between horizons 3 and 6).
 */
class OneBandPerLabelTest {
    /** A positive monthly series with a season that grows with its level, so ETS may choose a simulated (multiplicative) form. */
    private static double[] monthly(int length, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] y = new double[length];
        for (int t = 0; t < length; t++) {
            y[t] = (100 + 2 * t) * (1 + 0.3 * Math.cos(2 * Math.PI * t / 12)) * (1 + 0.08 * random.nextGaussian());
        }
        return y;
    }

    private static double[][] bands(Prediction p) {
        return new double[][] {p.mean(), p.band80().lower(), p.band80().upper(), p.band95().lower(), p.band95().upper()};
    }

    private static double[][] firstSteps(Prediction p, int steps) {
        return Arrays.stream(bands(p)).map(b -> Arrays.copyOf(b, steps)).toArray(double[][]::new);
    }

    @Test
    void auto_and_the_method_it_names_give_the_same_forecast_and_bands() {
        for (long seed = 1; seed <= 3; seed++) {
            double[] history = monthly(60, seed);
            Prediction auto = AutomaticChoice.forecast(history, 12, 18).prediction();
            ForecastMethod chosen = ForecastMethod.byLabel(auto.method()).orElseThrow();

            Prediction named = AutomaticChoice.named(chosen, history, 12, 18);

            assertThat(named.method()).isEqualTo(auto.method());
            assertThat(bands(named)).as("seed " + seed).isDeepEqualTo(bands(auto));
        }
    }

    @Test
    void every_named_method_gives_step_k_the_same_band_at_any_horizon() {
        double[] history = monthly(72, 7);
        for (ForecastMethod method : ForecastMethod.values()) {
            Prediction short3 = AutomaticChoice.named(method, history, 12, 3);
            Prediction long18 = AutomaticChoice.named(method, history, 12, 18);
            assertThat(bands(short3)).as(method.label()).isDeepEqualTo(firstSteps(long18, 3));
        }
    }

    @Test
    void auto_gives_step_k_the_same_band_at_any_horizon() {
        for (long seed = 1; seed <= 3; seed++) {
            double[] history = monthly(109, seed);
            Prediction short3 = AutomaticChoice.forecast(history, 12, 3).prediction();
            Prediction long6 = AutomaticChoice.forecast(history, 12, 6).prediction();
            assertThat(bands(short3)).as("seed " + seed).isDeepEqualTo(firstSteps(long6, 3));
        }
    }

    @Test
    void a_combination_and_a_simulated_ets_give_step_one_the_same_band_at_any_horizon() {
        double[] history = monthly(48, 5);
        Candidate combination = Candidate.mean(ForecastMethod.TSB, ForecastMethod.SES);
        Prediction short2 = combination.predict(history, 12, 2, new SplittableRandom(1));
        Prediction long9 = combination.predict(history, 12, 9, new SplittableRandom(1));
        assertThat(bands(short2)).isDeepEqualTo(firstSteps(long9, 2));

        Ets.Model multiplicative = Ets.fit(history, 12, new Ets.Form(Ets.Component.MULTIPLICATIVE, Ets.Component.NONE, false,
                Ets.Component.NONE), Ets.Criterion.MSE);
        Ets.Interval[] at2 = multiplicative.intervals(2, new SplittableRandom(3), 0.80, 0.95);
        Ets.Interval[] at9 = multiplicative.intervals(9, new SplittableRandom(3), 0.80, 0.95);
        for (int level = 0; level < 2; level++) {
            assertThat(at2[level].lower()).isEqualTo(Arrays.copyOf(at9[level].lower(), 2));
            assertThat(at2[level].upper()).isEqualTo(Arrays.copyOf(at9[level].upper(), 2));
        }
    }

    /** z(0.975) / z(0.90): 1.53. */
    private static final double RATIO = Normal.quantile(0.975) / Normal.quantile(0.90);

    @Test
    void the_95_band_is_at_least_as_much_wider_than_the_80_band_as_a_normal_band() {
        for (long seed = 1; seed <= 3; seed++) {
            double[] history = monthly(129, seed);
            AutomaticChoice.Choice choice = AutomaticChoice.forecast(history, 12, 18);
            double[] f = choice.forecast();
            for (int h = 0; h < f.length; h++) {
                String step = "seed " + seed + ", step " + (h + 1);
                assertThat(choice.high95()[h] - f[h]).as(step).isGreaterThanOrEqualTo(RATIO * (choice.high()[h] - f[h]) - 1e-9);
                if (choice.low95()[h] > 0) {
                    assertThat(f[h] - choice.low95()[h]).as(step).isGreaterThanOrEqualTo(RATIO * (f[h] - choice.low()[h]) - 1e-9);
                }
            }
        }
    }
}
