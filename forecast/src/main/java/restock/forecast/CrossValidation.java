package restock.forecast;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rolling-origin cross-validation of candidates: every candidate forecasts the next {@code horizon} periods from
 * every origin the history allows (at least {@link AutomaticChoice#MIN_HISTORY} periods of training, at most
 * {@code maxOrigins} latest origins). Each member method forecasts once per origin and every combination averages
 * those forecasts. A member that cannot forecast the training part yet (too short for it) stands in as naive.
 */
final class CrossValidation {
    private CrossValidation() {
    }

    /**
     * Mean scaled squared error per candidate over the origins whose training mean was not zero, the count of those
     * origins, and every candidate's errors ({@code residuals[candidate][h][origin]}, actual minus forecast).
     */
    record Errors(double[] meanScaledError, int origins, double[][][] residuals) {
    }

    static Errors run(double[] history, int period, int horizon, List<Candidate> candidates, int maxOrigins) {
        int[] origins = origins(history.length, horizon, maxOrigins);
        Set<ForecastMethod> members = new LinkedHashSet<>();
        candidates.forEach(candidate -> members.addAll(candidate.members()));
        double[] sum = new double[candidates.size()];
        double[][][] residuals = new double[candidates.size()][horizon][origins.length];
        int scored = 0;
        for (int k = 0; k < origins.length; k++) {
            int origin = origins[k];
            double[] training = Arrays.copyOf(history, origin);
            double scale = Math.abs(Arrays.stream(training).average().orElse(0));
            Map<ForecastMethod, double[]> forecasts = new EnumMap<>(ForecastMethod.class);
            for (ForecastMethod member : members) {
                forecasts.put(member, memberForecast(member, training, period, horizon, history.length));
            }
            for (int c = 0; c < candidates.size(); c++) {
                double[] f = AutomaticChoice.floored(training, candidates.get(c).fromMembers(forecasts, horizon));
                double squared = 0;
                for (int h = 0; h < horizon; h++) {
                    double error = history[origin + h] - f[h];
                    residuals[c][h][k] = error;
                    squared += error * error;
                }
                if (scale > 0) {
                    sum[c] += squared / horizon / (scale * scale);
                }
            }
            if (scale > 0) {
                scored++;
            }
        }
        if (scored > 0) {
            for (int c = 0; c < sum.length; c++) {
                sum[c] /= scored;
            }
        }
        return new Errors(sum, scored, residuals);
    }

    /**
     * Errors (actual minus forecast) of one candidate at each step ahead ({@code [step][origin]}): step k's from the
     * latest {@code maxOrigins} origins that can score step k (k periods before the end or earlier, after at least
     * {@link AutomaticChoice#MIN_HISTORY} of training), for the first {@link AutomaticChoice#MAX_VALIDATED_STEPS} steps
     * (none after). So step k's errors are the same whatever the horizon asked for: taken from the origins a horizon h
     * left room for, week 1's band moved when one asked 3 weeks ahead or 6 (an outside check).
     */
    static double[][] stepErrors(double[] history, int period, int horizon, Candidate candidate, int maxOrigins) {
        int n = history.length;
        int steps = Math.min(horizon, AutomaticChoice.MAX_VALIDATED_STEPS);
        double[][] errors = new double[horizon][0];
        int[] firstOrigin = new int[steps];
        for (int k = 1; k <= steps; k++) {
            firstOrigin[k - 1] = Math.max(AutomaticChoice.MIN_HISTORY, n - k - maxOrigins + 1);
            errors[k - 1] = new double[Math.max(0, n - k - firstOrigin[k - 1] + 1)];
        }
        Set<ForecastMethod> members = new LinkedHashSet<>(candidate.members());
        for (int origin = steps == 0 ? n : firstOrigin[steps - 1]; origin < n; origin++) {
            double[] training = Arrays.copyOf(history, origin);
            Map<ForecastMethod, double[]> forecasts = new EnumMap<>(ForecastMethod.class);
            for (ForecastMethod member : members) {
                forecasts.put(member, memberForecast(member, training, period, steps, n));
            }
            double[] f = AutomaticChoice.floored(training, candidate.fromMembers(forecasts, steps));
            for (int k = 1; k <= Math.min(steps, n - origin); k++) {
                if (origin >= firstOrigin[k - 1]) {
                    errors[k - 1][origin - firstOrigin[k - 1]] = history[origin + k - 1] - f[k - 1];
                }
            }
        }
        return errors;
    }

    /**
     * One member's forecast from an origin; a refusal says it was given the first part of the history only (an outside
     * check read "ETS(A,N,N) has too many parameters for 19 observations" for a series of 29).
     */
    private static double[] memberForecast(ForecastMethod member, double[] training, int period, int horizon, int observations) {
        ForecastMethod usable = training.length >= member.minimumObservations(period) ? member : ForecastMethod.NAIVE;
        try {
            return usable.point(training, period, horizon);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(usable.label() + ", cross-validated on the first " + training.length + " of the " + observations
                    + " observations: " + e.getMessage(), e);
        }
    }

    static int[] origins(int length, int horizon, int maxOrigins) {
        int last = length - horizon;
        int first = Math.max(AutomaticChoice.MIN_HISTORY, last - maxOrigins + 1);
        if (last < first) {
            return new int[0];
        }
        int[] origins = new int[last - first + 1];
        for (int i = 0; i < origins.length; i++) {
            origins[i] = first + i;
        }
        return origins;
    }

    static int argmin(double[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] < values[best] - 1e-12) {
                best = i;
            }
        }
        return best;
    }
}
