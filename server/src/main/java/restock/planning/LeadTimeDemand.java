package restock.planning;

import restock.forecast.Normal;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Demand over a replenishment lead time, as a distribution: normal where demand is smooth (from the daily mean and
 * spread and the lead time's mean and spread), empirical where it is intermittent (a seeded bootstrap that draws a
 * lead time from history and that many days of demand).
 */
public sealed interface LeadTimeDemand {
    /** The smallest quantity q with P(demand <= q) >= probability. */
    double quantile(double probability);

    /** Expected units short when stocking q: E[(D - q)+]. */
    double expectedShortage(double q);

    double mean();

    /** Normal lead-time demand. */
    record NormalDemand(double mean, double standardDeviation) implements LeadTimeDemand {
        public static NormalDemand of(double dailyMean, double dailyVariance, double leadTimeMeanDays, double leadTimeVarianceDays) {
            double variance = leadTimeMeanDays * dailyVariance + dailyMean * dailyMean * leadTimeVarianceDays;
            return new NormalDemand(dailyMean * leadTimeMeanDays, Math.sqrt(Math.max(0, variance)));
        }

        public double quantile(double probability) {
            return standardDeviation == 0 ? mean : mean + Normal.quantile(probability) * standardDeviation;
        }

        public double expectedShortage(double q) {
            if (standardDeviation == 0) {
                return Math.max(0, mean - q);
            }
            return standardDeviation * Normal.loss((q - mean) / standardDeviation);
        }
    }

    /** Empirical lead-time demand from bootstrap samples. */
    record EmpiricalDemand(double[] sortedSamples) implements LeadTimeDemand {
        /** Samples drawn per distribution: enough for the 99th percentile to be stable to about a unit. */
        public static final int SAMPLES = 4_000;

        public static EmpiricalDemand bootstrap(double[] dailyDemand, List<Integer> leadTimesDays, long seed) {
            if (dailyDemand.length == 0 || leadTimesDays.isEmpty()) {
                throw new IllegalArgumentException("a bootstrap needs demand history and at least one lead time");
            }
            Random random = new Random(seed);
            double[] samples = new double[SAMPLES];
            for (int s = 0; s < SAMPLES; s++) {
                int leadTime = leadTimesDays.get(random.nextInt(leadTimesDays.size()));
                double total = 0;
                for (int day = 0; day < leadTime; day++) {
                    total += dailyDemand[random.nextInt(dailyDemand.length)];
                }
                samples[s] = total;
            }
            Arrays.sort(samples);
            return new EmpiricalDemand(samples);
        }

        public double quantile(double probability) {
            int index = (int) Math.ceil(probability * sortedSamples.length) - 1;
            return sortedSamples[Math.max(0, Math.min(sortedSamples.length - 1, index))];
        }

        public double expectedShortage(double q) {
            double shortage = 0;
            for (double sample : sortedSamples) {
                shortage += Math.max(0, sample - q);
            }
            return shortage / sortedSamples.length;
        }

        public double mean() {
            return Arrays.stream(sortedSamples).average().orElse(0);
        }
    }
}
