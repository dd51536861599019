package restock.forecast;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static restock.forecast.ForecastMethod.ADIDA;
import static restock.forecast.ForecastMethod.ADJUSTED_ETS;
import static restock.forecast.ForecastMethod.COMBO;
import static restock.forecast.ForecastMethod.DAMPED;
import static restock.forecast.ForecastMethod.MEAN;
import static restock.forecast.ForecastMethod.NAIVE;
import static restock.forecast.ForecastMethod.RECENT;
import static restock.forecast.ForecastMethod.SBA;
import static restock.forecast.ForecastMethod.SES;
import static restock.forecast.ForecastMethod.SNAIVE;
import static restock.forecast.ForecastMethod.THETA;
import static restock.forecast.ForecastMethod.TSB;
import static restock.forecast.ForecastMethod.ZERO;

/**
 * Chooses how to forecast a series by first classifying it ({@link SeriesProfile}): intermittent demand (intermittent,
 * lumpy, or fewer than two demands) is forecast by the intermittent candidates, every other series by the candidates
 * for ordinary series, seasonal at the series' own period. No intermittent method is ever chosen for a smooth series.
 *
 * <p>Among a class's candidates the choice is made by rolling-origin cross-validation where the history allows it (at
 * least {@link #MIN_HISTORY} periods of training before the first origin), scored by the scaled squared error (MSE
 * over the squared mean of the training part, as the benchmark's sMSE). Where it does not, the class's default
 * stands: {@link ForecastMethod#TSB} for intermittent demand, and for ordinary series {@link ForecastMethod#COMBO},
 * whose ETS member is itself chosen by the information criterion (AICc).
 *
 * <p>A single ordinary series keeps {@code combo}: one series' few origins choose less well than the combination
 * forecasts (on M1 the per-series choice scored 16.46 sMAPE against combo's 15.73 overall, 16.14 against 14.85 on
 * monthly series, docs/BENCHMARKS.md). Over a catalogue ({@link #learn}) the errors are pooled per pattern (at most
 * {@link #MAX_ORIGINS} origins per intermittent series, {@link #MAX_SMOOTH_ORIGINS} per ordinary one), so each pattern
 * gets the candidate that did best across all its series.
 *
 * <p>Intervals: at each step ahead, percentiles of the chosen candidate's cross-validation errors at that step when it
 * has at least {@link #MIN_ORIGINS_FOR_INTERVALS} origins, never narrower than the candidate's own model-based band;
 * otherwise that band alone. A band does not narrow further ahead, its 95% band is at least 1.53 times as wide as its
 * 80% band, and step k's band is the same whatever the horizon. A method asked for by name gets the same rule
 * ({@link #named}), so a label means one band.
 */
public final class AutomaticChoice {
    /** Origins need at least this much training history. */
    public static final int MIN_HISTORY = 12;
    /** At most this many (latest) origins per intermittent series, so long weekly histories cost a bounded time. */
    public static final int MAX_ORIGINS = 60;
    /** At most this many (latest) origins for ordinary series: each refits ETS, Theta and a damped trend. */
    public static final int MAX_SMOOTH_ORIGINS = 8;
    /** Fewer origins than this give too few errors for empirical intervals. */
    public static final int MIN_ORIGINS_FOR_INTERVALS = 8;
    /**
     * Steps ahead whose band takes in cross-validation errors (two years of months; after it, the model's own band, never
     * narrower than at this step). Each validated step needs origins of its own, so a horizon of h costs h - 1 more
     * fits than the {@link #MAX_SMOOTH_ORIGINS} alone; the limit bounds that for long horizons (up to
     * {@link IntermittentForecasts#MAX_HORIZON}).
     */
    public static final int MAX_VALIDATED_STEPS = 24;

    /** The candidate for intermittent demand when nothing could be cross-validated. */
    public static final Candidate INTERMITTENT_DEFAULT = Candidate.of(TSB);
    /** The candidate for ordinary series when nothing could be cross-validated. */
    public static final Candidate SMOOTH_DEFAULT = Candidate.of(COMBO);

    /** Candidates for intermittent demand, simplest first (ties go to the first). */
    public static final List<Candidate> INTERMITTENT_CANDIDATES = List.of(Candidate.of(TSB), Candidate.of(SBA), Candidate.of(SES),
            Candidate.of(THETA), Candidate.of(ADIDA), Candidate.of(RECENT), Candidate.of(MEAN), Candidate.of(ZERO),
            Candidate.mean(TSB, SES), Candidate.mean(TSB, THETA), Candidate.mean(TSB, RECENT), Candidate.mean(TSB, ADIDA),
            Candidate.mean(SES, THETA), Candidate.mean(TSB, THETA, RECENT), Candidate.mean(TSB, SES, THETA),
            Candidate.mean(TSB, SES, THETA, ADIDA));

    /** Candidates for ordinary (smooth or erratic) series: none of them an intermittent method. */
    public static final List<Candidate> SMOOTH_CANDIDATES = List.of(Candidate.of(COMBO), Candidate.of(THETA),
            Candidate.of(ADJUSTED_ETS), Candidate.of(SES), Candidate.of(DAMPED), Candidate.of(NAIVE), Candidate.of(SNAIVE),
            Candidate.mean(COMBO, NAIVE));

    static {
        for (Candidate candidate : SMOOTH_CANDIDATES) {
            if (candidate.members().stream().anyMatch(m -> m.suits() == ForecastMethod.Suits.INTERMITTENT)) {
                throw new AssertionError("an intermittent method among the smooth candidates: " + candidate.label());
            }
        }
    }

    private AutomaticChoice() {
    }

    /** The chosen candidate, the profile it was chosen for, its forecast and 80% and 95% intervals. */
    public record Choice(Candidate candidate, SeriesProfile profile, double[] forecast, double[] low, double[] high,
                         double[] low95, double[] high95) {
        /** The chosen candidate's label. */
        public String method() {
            return candidate.label();
        }

        /** The choice as a prediction with its 80% and 95% bands. */
        public Prediction prediction() {
            return new Prediction(method(), forecast, new Prediction.Band(0.80, low, high), new Prediction.Band(0.95, low95, high95));
        }
    }

    /** Which candidate forecasts each demand pattern, learned over a catalogue. */
    public record Policy(Map<SeriesProfile.Pattern, Candidate> byPattern) {
        public Policy {
            byPattern = Map.copyOf(byPattern);
        }

        /** Forecasts one series with the candidate learned for its pattern, with intervals. */
        public Choice forecast(double[] history, int period, int horizon) {
            SeriesProfile profile = SeriesProfile.of(history, period);
            return choose(history, period, horizon, profile, candidateFor(profile));
        }

        /** The point forecast alone, for callers that need no interval (it skips the cross-validation pass). */
        public double[] pointForecast(double[] history, int period, int horizon) {
            if (history.length == 0) {
                return new double[horizon];
            }
            return pointOf(history, period, horizon, candidateFor(SeriesProfile.of(history, period)));
        }

        /** Pattern by pattern, the chosen candidate's label, e.g. {@code SMOOTH=damped, LUMPY=tsb+theta}. */
        public String describe() {
            return byPattern.entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .map(entry -> entry.getKey() + "=" + entry.getValue().label()).collect(java.util.stream.Collectors.joining(", "));
        }

        Candidate candidateFor(SeriesProfile profile) {
            return byPattern.getOrDefault(profile.pattern(), defaultFor(profile.pattern()));
        }
    }

    /** The candidates suited to a pattern. */
    public static List<Candidate> candidatesFor(SeriesProfile.Pattern pattern) {
        return pattern.intermittent() ? INTERMITTENT_CANDIDATES : SMOOTH_CANDIDATES;
    }

    static Candidate defaultFor(SeriesProfile.Pattern pattern) {
        return pattern.intermittent() ? INTERMITTENT_DEFAULT : SMOOTH_DEFAULT;
    }

    /** Learns one candidate per pattern from the pooled cross-validation errors of all histories. */
    public static Policy learn(Collection<double[]> histories, int period, int horizon) {
        Map<SeriesProfile.Pattern, Candidate> byPattern = new EnumMap<>(SeriesProfile.Pattern.class);
        pooledErrors(histories, period, horizon).forEach((pattern, sum) ->
                byPattern.put(pattern, candidatesFor(pattern).get(CrossValidation.argmin(sum))));
        return new Policy(byPattern);
    }

    /**
     * What {@link #learn} chooses on: per pattern, each of its candidates' ({@link #candidatesFor}, same order) mean
     * scaled cross-validation error summed over the pattern's series that have an origin.
     */
    public static Map<SeriesProfile.Pattern, double[]> pooledErrors(Collection<double[]> histories, int period, int horizon) {
        Map<SeriesProfile.Pattern, double[]> pooled = new EnumMap<>(SeriesProfile.Pattern.class);
        for (double[] history : histories) {
            SeriesProfile.Pattern pattern = SeriesProfile.pattern(history);
            CrossValidation.Errors errors = CrossValidation.run(history, period, horizon, candidatesFor(pattern), maxOrigins(pattern));
            if (errors.origins() == 0) {
                continue;
            }
            double[] sum = pooled.computeIfAbsent(pattern, key -> new double[candidatesFor(key).size()]);
            for (int c = 0; c < sum.length; c++) {
                sum[c] += errors.meanScaledError()[c];
            }
        }
        return pooled;
    }

    /** Chooses for a single series: intermittent demand on its own cross-validation errors, ordinary series {@code combo}. */
    public static Choice forecast(double[] history, int period, int horizon) {
        ForecastMethod.requireObservations(history);
        if (history.length == 0) {
            return zeroChoice(period, horizon);
        }
        SeriesProfile profile = SeriesProfile.of(history, period);
        if (!profile.pattern().intermittent()) {
            return choose(history, period, horizon, profile, SMOOTH_DEFAULT);
        }
        CrossValidation.Errors errors = CrossValidation.run(history, period, horizon, INTERMITTENT_CANDIDATES, MAX_ORIGINS);
        if (errors.origins() == 0) {
            return choose(history, period, horizon, profile, INTERMITTENT_DEFAULT);
        }
        int best = CrossValidation.argmin(errors.meanScaledError());
        return withIntervals(history, period, horizon, profile, INTERMITTENT_CANDIDATES.get(best), MAX_ORIGINS);
    }

    /** The point forecast of {@link #forecast} without its intervals (no second cross-validation pass). */
    public static double[] pointForecast(double[] history, int period, int horizon) {
        ForecastMethod.requireObservations(history);
        if (history.length == 0) {
            return new double[horizon];
        }
        SeriesProfile.Pattern pattern = SeriesProfile.pattern(history);
        if (!pattern.intermittent()) {
            return pointOf(history, period, horizon, SMOOTH_DEFAULT);
        }
        CrossValidation.Errors errors = CrossValidation.run(history, period, horizon, INTERMITTENT_CANDIDATES, MAX_ORIGINS);
        Candidate candidate = errors.origins() == 0 ? INTERMITTENT_DEFAULT
                : INTERMITTENT_CANDIDATES.get(CrossValidation.argmin(errors.meanScaledError()));
        return pointOf(history, period, horizon, candidate);
    }

    /**
     * The candidate with the least cross-validation error on this series alone (at most {@code maxOrigins} latest
     * origins), or empty when no origin fits: for comparing per-series selection with the defaults.
     */
    public static java.util.Optional<Candidate> validated(double[] history, int period, int horizon, List<Candidate> candidates,
                                                           int maxOrigins) {
        CrossValidation.Errors errors = CrossValidation.run(history, period, horizon, candidates, maxOrigins);
        return errors.origins() == 0 ? java.util.Optional.empty()
                : java.util.Optional.of(candidates.get(CrossValidation.argmin(errors.meanScaledError())));
    }

    private static int maxOrigins(SeriesProfile.Pattern pattern) {
        return pattern.intermittent() ? MAX_ORIGINS : MAX_SMOOTH_ORIGINS;
    }

    /** One candidate's forecast with intervals: from its cross-validation errors where there are enough, else its own. */
    static Choice choose(double[] history, int period, int horizon, SeriesProfile profile, Candidate candidate) {
        if (history.length == 0) {
            return zeroChoice(period, horizon);
        }
        return withIntervals(history, period, horizon, profile, candidate, maxOrigins(profile.pattern()));
    }

    /**
     * Every candidate that can be asked for by name: each registered method, then each combination automatic selection
     * may choose (and so may write as its method), in the order of {@link #INTERMITTENT_CANDIDATES} and
     * {@link #SMOOTH_CANDIDATES}. A combination's name is its members joined by {@code +} (their mean, step by step).
     */
    public static final List<Candidate> NAMED = named();

    private static List<Candidate> named() {
        LinkedHashMap<String, Candidate> byLabel = new LinkedHashMap<>();
        for (ForecastMethod method : ForecastMethod.values()) {
            byLabel.put(method.label(), Candidate.of(method));
        }
        for (List<Candidate> candidates : List.of(INTERMITTENT_CANDIDATES, SMOOTH_CANDIDATES)) {
            candidates.forEach(candidate -> byLabel.putIfAbsent(candidate.label(), candidate));
        }
        return List.copyOf(byLabel.values());
    }

    /** The candidate of {@link #NAMED} with this label ({@code tsb}, {@code tsb+theta}), if any. */
    public static java.util.Optional<Candidate> byLabel(String label) {
        return NAMED.stream().filter(candidate -> candidate.label().equals(label)).findFirst();
    }

    /** The label of every candidate of {@link #NAMED}, for help and error messages. */
    public static List<String> labels() {
        return NAMED.stream().map(Candidate::label).toList();
    }

    /**
     * A candidate's forecast asked for by name, with its intervals made as {@link #forecast} makes the intervals of the
     * candidate it chooses, so one label gives one answer: {@code auto} answering "combo" and {@code combo} asked for by
     * name gave one point and two different 80% bands (an outside check).
     *
     * @throws IllegalArgumentException when one of its methods cannot forecast this history (too short for it)
     */
    public static Prediction named(Candidate candidate, double[] history, int period, int horizon) {
        for (ForecastMethod member : candidate.members()) {
            if (history.length < member.minimumObservations(period)) {
                member.point(history, period, horizon); // throws, saying how many observations the method needs
            }
        }
        ForecastMethod.requireObservations(history);
        SeriesProfile profile = SeriesProfile.of(history, period);
        return withIntervals(history, period, horizon, profile, candidate, maxOrigins(profile.pattern())).prediction();
    }

    /** {@link #named(Candidate, double[], int, int)} for one registered method. */
    public static Prediction named(ForecastMethod method, double[] history, int period, int horizon) {
        return named(Candidate.of(method), history, period, horizon);
    }

    /**
     * The candidate's forecast, and at each step the wider of its own model-based band and the percentiles of its
     * cross-validation errors at that step, where that step has at least {@link #MIN_ORIGINS_FOR_INTERVALS} of them
     * ({@link CrossValidation#stepErrors}: the same for step k at any horizon).
     */
    private static Choice withIntervals(double[] history, int period, int horizon, SeriesProfile profile, Candidate candidate,
                                        int maxOrigins) {
        Candidate usable = usable(history, period, candidate);
        Prediction own = usable.predict(history, period, horizon, new SplittableRandom(Arrays.hashCode(history)));
        if (usable != candidate) {
            return bounded(history, new Choice(usable, profile, pointOf(history, period, horizon, usable), own.band80().lower(),
                    own.band80().upper(), own.band95().lower(), own.band95().upper()));
        }
        double[][] residuals = CrossValidation.stepErrors(history, period, horizon, candidate, maxOrigins);
        double[] forecast = pointOf(history, period, horizon, candidate);
        double[][] bounds = {own.band80().lower().clone(), own.band80().upper().clone(), own.band95().lower().clone(), own.band95().upper().clone()};
        double[] probabilities = {0.10, 0.90, 0.025, 0.975};
        for (int h = 0; h < horizon; h++) {
            if (residuals[h].length < MIN_ORIGINS_FOR_INTERVALS) {
                continue;
            }
            double[] sorted = residuals[h].clone();
            Arrays.sort(sorted);
            for (int b = 0; b < 4; b++) {
                double empirical = forecast[h] + Quantiles.type7(sorted, probabilities[b]);
                // Never narrower than the candidate's own band: a handful of origins can all err one way (an outside
                // check found an 80% interval whose upper bound was the forecast, and one of zero width).
                bounds[b][h] = b % 2 == 0 ? Math.min(empirical, bounds[b][h]) : Math.max(empirical, bounds[b][h]);
            }
        }
        return bounded(history, new Choice(candidate, profile, forecast, bounds[0], bounds[1], bounds[2], bounds[3]));
    }

    /**
     * The point forecast of a candidate as every path gives it (with bands, or alone for the plan, which needs no band):
     * the candidate's own, or naive's where the history is too short for every one of its methods.
     */
    private static double[] pointOf(double[] history, int period, int horizon, Candidate candidate) {
        return floored(history, usable(history, period, candidate).point(history, period, horizon));
    }

    /** The candidate, or naive where the history is shorter than any of its methods needs. */
    private static Candidate usable(double[] history, int period, Candidate candidate) {
        return history.length >= candidate.members().stream().mapToInt(m -> m.minimumObservations(period)).min().orElse(1)
                ? candidate : Candidate.of(NAIVE);
    }

    /**
     * The bands made consistent: never narrower a step further ahead (a later week is not more certain than an
     * earlier one; the percentiles of a few errors per step jumped about), the 95% band at least as much wider than
     * the 80% band, either side of the point, as a normal band is ({@link Candidate.Average#NORMAL_WIDTH_RATIO}, 1.53
     * times: the 97.5th percentile of eight errors is barely past their 90th, and a 95% bound came out 0.9% past the
     * 80% one, an outside check), floored at zero for a non-negative history, and always holding the point forecast
     * (simulated paths of a discrete demand can put a bound beyond the mean). Each step looks only at the steps before
     * it, so step k's band does not depend on the horizon.
     */
    private static Choice bounded(double[] history, Choice choice) {
        double[] forecast = choice.forecast();
        boolean nonNegative = Arrays.stream(history).min().orElse(0) >= 0;
        double[][] bands = {choice.low(), choice.high(), choice.low95(), choice.high95()};
        double[][] distance = new double[4][forecast.length];
        for (int b = 0; b < 4; b++) {
            double widest = 0;
            for (int h = 0; h < forecast.length; h++) {
                boolean lower = b % 2 == 0;
                widest = Math.max(widest, Math.max(0, lower ? forecast[h] - bands[b][h] : bands[b][h] - forecast[h]));
                distance[b][h] = widest;
            }
        }
        double[][] bounds = new double[4][forecast.length];
        for (int h = 0; h < forecast.length; h++) {
            distance[2][h] = Math.max(distance[2][h], Candidate.Average.NORMAL_WIDTH_RATIO * distance[0][h]);
            distance[3][h] = Math.max(distance[3][h], Candidate.Average.NORMAL_WIDTH_RATIO * distance[1][h]);
            for (int b = 0; b < 4; b++) {
                double bound = b % 2 == 0 ? forecast[h] - distance[b][h] : forecast[h] + distance[b][h];
                bounds[b][h] = nonNegative ? Math.max(0, bound) : bound;
            }
        }
        return new Choice(choice.candidate(), choice.profile(), forecast, bounds[0], bounds[1], bounds[2], bounds[3]);
    }

    private static Choice zeroChoice(int period, int horizon) {
        double[] zeros = new double[horizon];
        return new Choice(Candidate.of(ZERO), new SeriesProfile(SeriesProfile.Pattern.SPARSE, 0, period, false, 0, 0),
                zeros, zeros, zeros, zeros, zeros);
    }

    /** Demand is never negative: a non-negative history's forecast (a trend extrapolated, a combination) is floored at zero. */
    static double[] floored(double[] history, double[] forecast) {
        if (Arrays.stream(history).min().orElse(0) < 0) {
            return forecast;
        }
        double[] out = forecast.clone();
        for (int h = 0; h < out.length; h++) {
            out[h] = Math.max(0, out[h]);
        }
        return out;
    }
}
