package restock.forecast;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class MedianCombinationBandsTest {
    private static final double Z80 = Normal.quantile(0.90);
    private static final double Z95 = Normal.quantile(0.975);

    /** A normal member forecast one step ahead. */
    private static Prediction member(double mean, double sd) {
        return new Prediction("member", new double[] {mean},
                new Prediction.Band(0.80, new double[] {mean - Z80 * sd}, new double[] {mean + Z80 * sd}),
                new Prediction.Band(0.95, new double[] {mean - Z95 * sd}, new double[] {mean + Z95 * sd}));
    }

    private static double ratioOfWidths(Prediction p, int h) {
        return (p.band95().upper()[h] - p.band95().lower()[h]) / (p.band80().upper()[h] - p.band80().lower()[h]);
    }

    @Test
    void two_sure_members_far_apart_do_not_leave_the_95_band_barely_wider_than_the_80_band() {
        // the median of each bound alone gave 47.7-73.3 at 80% and 46.1-73.96 at 95%: a 95% band 7% wider (a normal one is 53%)
        Prediction combined = Candidate.Average.MEDIAN.of("combo", List.of(member(49, 1), member(72, 1), member(60, 20)), 1);

        assertThat(combined.mean()[0]).isEqualTo(60);
        assertThat(ratioOfWidths(combined, 0)).isGreaterThanOrEqualTo(1.5);
        assertThat(combined.band80().lower()[0]).isLessThan(49).isGreaterThan(combined.band95().lower()[0]);
        assertThat(combined.band80().upper()[0]).isGreaterThan(72).isLessThan(combined.band95().upper()[0]);
    }

    @Test
    void a_median_of_members_that_agree_keeps_their_bands() {
        Prediction combined = Candidate.Average.MEDIAN.of("combo", List.of(member(50, 5), member(50, 5), member(50, 5)), 1);

        assertThat(combined.band80().lower()[0]).isCloseTo(50 - Z80 * 5, within(1e-6));
        assertThat(combined.band95().upper()[0]).isCloseTo(50 + Z95 * 5, within(1e-6));
    }

    @Test
    void combo_on_a_seasonal_36_month_series_gives_a_95_band_plausibly_wider_than_its_80_band() {
        double[] season = {40, 42, 50, 58, 66, 72, 75, 70, 62, 54, 46, 41};
        double[] history = new double[36];
        for (int t = 0; t < history.length; t++) {
            history[t] = season[t % 12] * (1 + t / 36.0) + (t % 5) - 2;
        }

        Prediction p = ForecastMethod.COMBO.predict(history, 12, 12, new SplittableRandom(1));

        for (int h = 0; h < 12; h++) {
            // a normal band's ratio is 1.53; a pool of members that disagree may hold less in its tails, not much less
            assertThat(ratioOfWidths(p, h)).as("step %d", h + 1).isBetween(1.3, 2.5);
            assertThat(p.band80().lower()[h]).isLessThanOrEqualTo(p.mean()[h]);
            assertThat(p.band80().upper()[h]).isGreaterThanOrEqualTo(p.mean()[h]);
        }
    }
}
