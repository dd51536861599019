package restock.bench;

import org.junit.jupiter.api.Test;
import restock.forecast.ForecastMethod;
import restock.support.SharedData;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** M1: Restock's R-equivalent methods give R's figures, and auto meets the targets in every period class. */
class M1BenchTest {
    private static final Path DATA = Path.of("..", "shared", "data", "m1");
    private static final Map<String, String> COLUMNS = Map.of("ALL", "all", "YEARLY", "yearly", "QUARTERLY", "quarterly", "MONTHLY", "monthly");

    @Test
    void the_methods_r_also_ran_give_rs_smape_and_auto_beats_the_best_of_theta_and_ets_in_every_class() throws Exception {
        SharedData.require(DATA.resolve("m1_train_long.csv"));
        List<M1Bench.Series> series = M1Bench.load(DATA);
        Map<String, Map<String, Double>> r = M1Bench.reference(DATA);
        assertThat(series).hasSize(1001);
        for (ForecastMethod method : List.of(ForecastMethod.NAIVE, ForecastMethod.SNAIVE, ForecastMethod.SES, ForecastMethod.THETA)) {
            M1Bench.Score score = M1Bench.score(series, s -> method.point(s.training(), s.frequency(), s.test().length), 2);
            COLUMNS.forEach((ours, theirs) -> assertThat(score.smape().get(ours)).as(method.label() + " " + theirs)
                    .isCloseTo(r.get(method.label()).get(theirs), within(1e-6)));
        }
        M1Bench.Score auto = M1Bench.score(series, M1Bench.methods().get("auto"), 2);
        COLUMNS.forEach((ours, theirs) -> {
            double best = Math.min(r.get("theta").get(theirs), r.get("ets").get(theirs));
            assertThat(auto.smape().get(ours)).as("auto " + theirs).isLessThanOrEqualTo(best).isLessThanOrEqualTo(r.get("naive").get(theirs));
        });
    }
}
