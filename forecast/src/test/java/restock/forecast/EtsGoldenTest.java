package restock.forecast;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * SES and automatic ETS against R's forecast 8.20 on every complete carparts series (../shared/data/carparts/
 * r_forecasts_h6.csv). Both are estimated by Nelder-Mead; R_BASELINE.md asks for about 1e-4 on SES and aggregate
 * agreement for ETS. Following R's optimiser step by step gets far closer: every forecast, model choice included.
 */
class EtsGoldenTest {
    private static final Path DATA = Path.of("..", "shared", "data", "carparts");
    private static final int TRAIN = 45;
    private static final int HORIZON = 6;

    @Test
    void ses_and_automatic_ets_match_r_on_every_series() throws IOException {
        assumeTrue(Files.exists(DATA.resolve("r_forecasts_h6.csv")), "../shared/data/carparts is not beside the project");
        Map<String, double[]> training = GoldenForecastTest.training();
        Map<String, double[]> ses = new HashMap<>();
        Map<String, double[]> ets = new HashMap<>();
        Map<String, double[]> screenedEts = new HashMap<>();
        double worstSes = 0;
        List<String> sesMismatches = new ArrayList<>();
        int etsAgree = 0;
        int screenedAgree = 0;
        double worstEts = 0;
        int etsCompared = 0;
        double sumR = 0;
        double sumJava = 0;
        List<String> golden = Files.readAllLines(DATA.resolve("r_forecasts_h6.csv"));
        for (String line : golden.subList(1, golden.size())) {
            String[] cells = line.replace("\"", "").split(",");
            String method = cells[0];
            String series = cells[1];
            int step = Integer.parseInt(cells[2]);
            double expected = Double.parseDouble(cells[3]);
            if (method.equals("ses")) {
                double[] forecast = ses.computeIfAbsent(series, id -> Ets.fit(training.get(id), 12, Ets.Form.SES, Ets.Criterion.MSE).forecast(HORIZON));
                double difference = Math.abs(forecast[step - 1] - expected);
                worstSes = Math.max(worstSes, difference);
                if (difference > 1e-4 && sesMismatches.size() < 10) {
                    sesMismatches.add(series + " h=" + step + ": R " + expected + ", Restock " + forecast[step - 1]);
                }
            } else if (method.equals("ets")) {
                double[] forecast = ets.computeIfAbsent(series, id -> Ets.automatic(training.get(id), 12).forecast(HORIZON));
                etsCompared++;
                sumR += expected;
                sumJava += forecast[step - 1];
                double[] screened = screenedEts.computeIfAbsent(series, id -> Ets.automatic(training.get(id), 12, Ets.Search.SCREENED).forecast(HORIZON));
                if (Math.abs(screened[step - 1] - expected) / Math.max(1, Math.abs(expected)) <= 1e-6) {
                    screenedAgree++;
                }
                double relative = Math.abs(forecast[step - 1] - expected) / Math.max(1, Math.abs(expected));
                worstEts = Math.max(worstEts, relative);
                if (relative <= 1e-6) {
                    etsAgree++;
                }
            }
        }
        System.out.printf("screened ets: %d of %d forecasts within 1e-6%n", screenedAgree, etsCompared);
        System.out.printf("ses: %d series, largest difference from R %.3g; ets: %d of %d forecasts within 1e-6 (largest relative difference %.3g), sum %.4f vs R %.4f%n",
                ses.size(), worstSes, etsAgree, etsCompared, worstEts, sumJava, sumR);
        assertThat(sesMismatches).isEmpty();
        assertThat(ses).hasSize(2_509);
        assertThat(etsCompared).isEqualTo(2_509 * HORIZON);
        assertThat(etsAgree).isEqualTo(etsCompared);
        // screening out seasonal forms where the seasonal autocorrelation is not significant changes no forecast here
        assertThat(screenedAgree).isEqualTo(etsCompared);
        assertThat(sumJava / sumR).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-6));
    }
}
