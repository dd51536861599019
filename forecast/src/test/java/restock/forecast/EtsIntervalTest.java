package restock.forecast;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The analytic forecast variance of the linear ETS models agrees with paths simulated from the same model. */
class EtsIntervalTest {
    private static double[] seasonalSeries() {
        SplittableRandom random = new SplittableRandom(11);
        double[] y = new double[60];
        for (int t = 0; t < y.length; t++) {
            y[t] = 50 + 0.3 * t + 8 * Math.sin(2 * Math.PI * t / 12) + 3 * random.nextGaussian();
        }
        return y;
    }

    @Test
    void simulated_paths_reproduce_the_analytic_80_percent_bounds_past_one_season() {
        double[] y = seasonalSeries();
        int horizon = 15; // beyond one period, so the seasonal shock's return is in the variance
        Ets.Form dampedSeasonal = new Ets.Form(Ets.Component.ADDITIVE, Ets.Component.ADDITIVE, true, Ets.Component.ADDITIVE);
        Ets.Form levelSeasonal = new Ets.Form(Ets.Component.ADDITIVE, Ets.Component.NONE, false, Ets.Component.ADDITIVE);
        for (Ets.Form form : new Ets.Form[] {Ets.Form.SES, Ets.Form.HOLT, Ets.Form.DAMPED, Ets.Form.HOLT_WINTERS, dampedSeasonal, levelSeasonal}) {
            Ets.Model fitted = Ets.fit(y, 12, form, Ets.Criterion.MSE);
            // large smoothing constants, so every term of the variance matters at this tolerance
            Ets.Model model = new Ets.Model(form, fitted.period(), 0.4, form.trend() == Ets.Component.NONE ? 0 : 0.15,
                    form.season() == Ets.Component.NONE ? 0 : 0.45, form.damped() ? 0.85 : 1, fitted.initialState(), fitted.finalState(),
                    fitted.sigma2(), fitted.logLikelihood(), fitted.aic(), fitted.aicc(), fitted.bic(), fitted.observations(), fitted.parameters());
            Ets.Interval analytic = model.interval(horizon, 0.80, new SplittableRandom(1));
            double[][] paths = model.samplePaths(horizon, 40_000, new SplittableRandom(5));
            for (int h = 0; h < horizon; h++) {
                double[] column = new double[paths.length];
                for (int i = 0; i < paths.length; i++) {
                    column[i] = paths[i][h];
                }
                Arrays.sort(column);
                double width = analytic.upper()[h] - analytic.lower()[h];
                double simulatedWidth = Quantiles.type7(column, 0.9) - Quantiles.type7(column, 0.1);
                assertThat(simulatedWidth).as(form.name() + " h=" + (h + 1)).isCloseTo(width, within(0.03 * width));
                assertThat(Arrays.stream(column).average().orElseThrow()).as(form.name() + " mean h=" + (h + 1))
                        .isCloseTo(analytic.mean()[h], within(0.02 * width));
            }
        }
    }
}
