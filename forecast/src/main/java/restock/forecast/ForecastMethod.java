package restock.forecast;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * The registry of forecasting methods: every method by name, in this one place, each giving point forecasts
 * ({@link #point}) and point forecasts with 80% and 95% intervals ({@link #predict}): analytic where the method has an
 * error model (naive, seasonal naive, mean as R's rwf/snaive/meanf; the ETS family; Theta), from simulated sample
 * paths for the intermittent-demand methods (zero, recent, Croston, SBA, TSB, ADIDA), and through the seasonal
 * adjustment for {@link #ADJUSTED_ETS} and {@link #COMBO}. Automatic selection ({@link AutomaticChoice}) chooses among
 * these and their combinations ({@link Candidate}); what each suits is {@link #suits()}.
 */
public enum ForecastMethod {
    ZERO("zero", Suits.INTERMITTENT, "no demand expected"),
    NAIVE("naive", Suits.ANY, "the last period repeated"),
    SNAIVE("snaive", Suits.SEASONAL, "the same period of the last season repeated"),
    MEAN("mean", Suits.INTERMITTENT, "the average of every period"),
    /** The mean of the latest {@link #RECENT_PERIODS} periods. */
    RECENT("recent", Suits.INTERMITTENT, "the average of recent periods"),
    SES("ses", Suits.ANY, "a smoothed average"),
    HOLT("holt", Suits.ANY, "a smoothed trend"),
    DAMPED("damped", Suits.ANY, "a smoothed trend that levels off"),
    HW("hw", Suits.SEASONAL, "a smoothed trend and season"),
    ETS("ets", Suits.ANY, "smoothing of the kind that fits best"),
    THETA("theta", Suits.ANY, "a smoothed trend, Theta method"),
    CROSTON("croston", Suits.INTERMITTENT, "occasional demand: size and spacing of orders"),
    SBA("sba", Suits.INTERMITTENT, "occasional demand: size and spacing of orders"),
    TSB("tsb", Suits.INTERMITTENT, "occasional demand: how often and how much"),
    ADIDA("adida", Suits.INTERMITTENT, "occasional demand, summed over periods"),
    /** Automatic ETS on the seasonally adjusted series, season put back (R's stlf, with a classical decomposition). */
    ADJUSTED_ETS("adjusted-ets", Suits.ANY, "smoothing with the season taken out and put back"),
    /**
     * The median, step by step, of automatic ETS, Theta and damped trend (a strong published baseline for ordinary
     * business series), seasonal at the series' period: for a short season (at most {@link #SHORT_SEASON}, quarters)
     * ETS keeps its own seasonal states (screened search) and Theta its own adjustment (R's thetaf), with the damped
     * trend on the seasonally adjusted series; for a longer season all three run on the adjusted series, because
     * ETS's m seasonal states cost most of the time budget at 12 and cannot be estimated above 24.
     */
    COMBO("combo", Suits.ANY, "a combination of methods");

    /** Which series a method is meant for. */
    public enum Suits {
        /** Any series. */
        ANY,
        /** Series with a season (it needs the period and more than one cycle). */
        SEASONAL,
        /** Intermittent demand only: never chosen for a smooth series. */
        INTERMITTENT
    }

    /** Seasons this short are left to ETS's and Theta's own seasonal treatment inside {@link #COMBO}. */
    public static final int SHORT_SEASON = 4;

    /** Periods the recent mean averages (a year of months). */
    public static final int RECENT_PERIODS = 12;

    /**
     * The largest observation, of either sign, a method forecasts from: far past any demand or sum of money. The ETS
     * fits' minimiser gives parameters it cannot evaluate a stand-in value of 1e35 (R's optim does the same); a mean
     * squared error past it (observations near 1e17, or 1e13 once Theta's seasonal adjustment divides them by an index
     * as small as 1e-4) made those parameters look best, and the fit came out without a state to forecast from (an
     * outside check: a NullPointerException for an observation of 1.13e19).
     */
    public static final double MAX_ABSOLUTE_OBSERVATION = 1e12;

    private final String label;
    private final Suits suits;
    private final String words;

    ForecastMethod(String label, Suits suits, String words) {
        this.label = label;
        this.suits = suits;
        this.words = words;
    }

    /** What the method does, in words for people who plan, not forecast ("a smoothed average" for ses). */
    public String words() {
        return words;
    }

    /** The method's lower-case name, as R, the API and the command line spell it. */
    public String label() {
        return label;
    }

    public Suits suits() {
        return suits;
    }

    public static Optional<ForecastMethod> byLabel(String label) {
        return Arrays.stream(values()).filter(method -> method.label().equals(label)).findFirst();
    }

    /** Every label, for error messages and help. */
    public static List<String> labels() {
        return Arrays.stream(values()).map(ForecastMethod::label).toList();
    }

    /** The fewest observations the method forecasts from (with season length {@code period}). */
    public int minimumObservations(int period) {
        return switch (this) {
            case ZERO, NAIVE, MEAN, RECENT, CROSTON, SBA, TSB -> 1;
            case SNAIVE -> Math.max(1, period) + 1;
            case SES, ETS, THETA, ADJUSTED_ETS, COMBO, ADIDA -> Ets.MIN_OBSERVATIONS;
            case HOLT -> Ets.MIN_OBSERVATIONS + 2;
            case DAMPED -> Ets.MIN_OBSERVATIONS + 3;
            case HW -> 2 * Math.max(2, period) + 4;
        };
    }

    /** The methods {@link #COMBO} takes the median of. */
    static final class Combo {
        static final Candidate MEMBERS = Candidate.median(ETS, THETA, DAMPED);

        private Combo() {
        }

        static boolean shortSeason(int period) {
            return period > 1 && period <= SHORT_SEASON;
        }

        static double[] point(double[] history, int period, int horizon) {
            if (!shortSeason(period)) {
                return adjusted(history, period, y -> MEMBERS.point(y, 1, horizon));
            }
            if (history.length < DAMPED.minimumObservations(1)) {
                return MEMBERS.point(history, 1, horizon);
            }
            return Candidate.Average.MEDIAN.of(List.of(Ets.automatic(history, period, Ets.Search.SCREENED).forecast(horizon),
                    Theta.predict(history, period, horizon).mean(), adjusted(history, period, y -> DAMPED.point(y, 1, horizon))), horizon);
        }

        static Prediction predict(double[] history, int period, int horizon, RandomGenerator random) {
            if (!shortSeason(period) || history.length < DAMPED.minimumObservations(1)) {
                return COMBO.adjustedPrediction(history, shortSeason(period) ? 1 : period, y -> MEMBERS.predict(y, 1, horizon, random));
            }
            // one stream per member, as in a combination (Candidate.Combination#predict): step 1 the same at any horizon
            long[] seeds = random.longs(2).toArray();
            Prediction ets = COMBO.ets(Ets.automatic(history, period, Ets.Search.SCREENED), horizon, new java.util.SplittableRandom(seeds[0]));
            Prediction theta = Theta.predict(history, period, horizon);
            Prediction damped = COMBO.adjustedPrediction(history, period, y -> DAMPED.predict(y, 1, horizon, new java.util.SplittableRandom(seeds[1])));
            return Candidate.Average.MEDIAN.of(COMBO.label(), List.of(ets, theta, damped), horizon);
        }
    }

    /** Point forecasts {@code horizon} steps ahead from {@code history} (oldest first), season length {@code period}. */
    public double[] point(double[] history, int period, int horizon) {
        requireHorizon(horizon);
        requireHistory(history, period);
        return switch (this) {
            case ZERO -> IntermittentForecasts.zero(history, horizon);
            case NAIVE -> IntermittentForecasts.naive(history, horizon);
            case SNAIVE -> randomWalk(history, period, horizon).mean();
            case MEAN -> IntermittentForecasts.mean(history, horizon);
            case RECENT -> IntermittentForecasts.mean(recent(history), horizon);
            case SES -> Ets.fit(history, period, Ets.Form.SES, Ets.Criterion.MSE).forecast(horizon);
            case HOLT -> Ets.fit(history, period, Ets.Form.HOLT, Ets.Criterion.MSE).forecast(horizon);
            case DAMPED -> Ets.fit(history, period, Ets.Form.DAMPED, Ets.Criterion.MSE).forecast(horizon);
            case HW -> Ets.fit(history, period, Ets.Form.HOLT_WINTERS, Ets.Criterion.MSE).forecast(horizon);
            case ETS -> Ets.automatic(history, period).forecast(horizon);
            case THETA -> Theta.predict(history, period, horizon).mean();
            case CROSTON -> IntermittentForecasts.croston(history, horizon, IntermittentForecasts.CROSTON_ALPHA);
            case SBA -> IntermittentForecasts.sba(history, horizon, IntermittentForecasts.CROSTON_ALPHA);
            case TSB -> IntermittentForecasts.tsb(history, horizon, IntermittentForecasts.TSB_ALPHA, IntermittentForecasts.TSB_BETA);
            case ADIDA -> Adida.forecast(history, horizon);
            case ADJUSTED_ETS -> adjusted(history, period, y -> ETS.point(y, 1, horizon));
            case COMBO -> Combo.point(history, period, horizon);
        };
    }

    /**
     * Forecasts {@code horizon} steps from {@code history} (oldest first) with seasonal period {@code period} (1 when
     * there is none); {@code random} drives the simulated intervals.
     */
    public Prediction predict(double[] history, int period, int horizon, RandomGenerator random) {
        requireHorizon(horizon);
        requireHistory(history, period);
        return switch (this) {
            case ZERO -> IntermittentPaths.fromPaths(label(), IntermittentForecasts.zero(history, horizon), new double[1][horizon]);
            case NAIVE -> randomWalk(history, 1, horizon);
            case SNAIVE -> randomWalk(history, period, horizon);
            case MEAN -> mean(history, horizon);
            case SES -> ets(Ets.fit(history, period, Ets.Form.SES, Ets.Criterion.MSE), horizon, random);
            case HOLT -> ets(Ets.fit(history, period, Ets.Form.HOLT, Ets.Criterion.MSE), horizon, random);
            case DAMPED -> ets(Ets.fit(history, period, Ets.Form.DAMPED, Ets.Criterion.MSE), horizon, random);
            case HW -> ets(Ets.fit(history, period, Ets.Form.HOLT_WINTERS, Ets.Criterion.MSE), horizon, random);
            case ETS -> ets(Ets.automatic(history, period), horizon, random);
            case THETA -> Theta.predict(history, period, horizon);
            case RECENT, CROSTON, SBA, TSB, ADIDA -> IntermittentPaths.predict(label(), history, point(history, period, horizon), random);
            case ADJUSTED_ETS -> adjustedPrediction(history, period, y -> ETS.predict(y, 1, horizon, random));
            case COMBO -> Combo.predict(history, period, horizon, random);
        };
    }

    private static double[] recent(double[] history) {
        return Arrays.copyOfRange(history, Math.max(0, history.length - RECENT_PERIODS), history.length);
    }

    private static double[] adjusted(double[] history, int period, Function<double[], double[]> forecast) {
        return SeasonalAdjustment.of(history, period)
                .map(adjustment -> adjustment.reseasonalize(forecast.apply(adjustment.adjusted())))
                .orElseGet(() -> forecast.apply(history));
    }

    private Prediction adjustedPrediction(double[] history, int period, Function<double[], Prediction> forecast) {
        Optional<SeasonalAdjustment> adjustment = SeasonalAdjustment.of(history, period);
        Prediction p = forecast.apply(adjustment.map(SeasonalAdjustment::adjusted).orElse(history));
        return adjustment.map(a -> a.reseasonalize(p, label()))
                .orElseGet(() -> new Prediction(label(), p.mean(), p.band80(), p.band95()));
    }

    private void requireHistory(double[] history, int period) {
        if (period < 1) {
            throw new IllegalArgumentException("the season length must be 1 (none) or more, was " + period);
        }
        if (history.length < minimumObservations(period)) {
            throw new IllegalArgumentException(label + " needs at least " + minimumObservations(period) + " observations"
                    + (this == SNAIVE ? " (more than its lag " + period + ")" : "") + ", got " + history.length);
        }
        requireObservations(history);
    }

    /** Refuses an observation that is not a finite number or is past {@link #MAX_ABSOLUTE_OBSERVATION} either way. */
    public static void requireObservations(double[] history) {
        for (double value : history) {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("observations must be finite numbers");
            }
            if (Math.abs(value) > MAX_ABSOLUTE_OBSERVATION) {
                String limit = java.math.BigDecimal.valueOf(MAX_ABSOLUTE_OBSERVATION).toPlainString();
                throw new IllegalArgumentException("observations must be between -" + limit + " and " + limit + ", got " + value);
            }
        }
    }

    private Prediction ets(Ets.Model model, int horizon, RandomGenerator random) {
        Ets.Interval[] bands = model.intervals(horizon, random, 0.80, 0.95);
        Ets.Interval band80 = bands[0];
        Ets.Interval band95 = bands[1];
        return new Prediction(label(), band80.mean(), new Prediction.Band(0.80, band80.lower(), band80.upper()),
                new Prediction.Band(0.95, band95.lower(), band95.upper()));
    }

    /** R's rwf (lag 1) and snaive (lag m): the value a lag ago, sigma from the lagged differences, widening per cycle. */
    private Prediction randomWalk(double[] history, int lag, int horizon) {
        if (lag == 1 && history.length == 1) {
            // one observation has no change to measure a spread from: the bands are the point itself
            double[] flat = IntermittentForecasts.naive(history, horizon);
            return normalBands(flat, new double[horizon], Double.POSITIVE_INFINITY);
        }
        if (lag < 1 || history.length <= lag) {
            throw new IllegalArgumentException(label() + " needs more observations than its lag " + lag + ", got " + history.length);
        }
        int n = history.length;
        double squares = 0;
        for (int t = lag; t < n; t++) {
            double d = history[t] - history[t - lag];
            squares += d * d;
        }
        double sigma = Math.sqrt(squares / (n - lag));
        double[] mean = new double[horizon];
        double[] se = new double[horizon];
        for (int h = 0; h < horizon; h++) {
            mean[h] = history[n - lag + (h % lag)];
            se[h] = sigma * Math.sqrt(lag == 1 ? h + 1 : h / lag + 1);
        }
        return normalBands(mean, se, Double.POSITIVE_INFINITY);
    }

    /** R's meanf: Student's t interval with n - 1 degrees of freedom and standard error s sqrt(1 + 1/n). */
    private Prediction mean(double[] history, int horizon) {
        double[] mean = IntermittentForecasts.mean(history, horizon);
        int n = history.length;
        double sd = 0;
        if (n > 1) {
            for (double value : history) {
                sd += (value - mean[0]) * (value - mean[0]);
            }
            sd = Math.sqrt(sd / (n - 1));
        }
        double[] se = new double[horizon];
        Arrays.fill(se, sd * Math.sqrt(1 + 1.0 / n));
        return normalBands(mean, se, Math.max(1, n - 1));
    }

    private Prediction normalBands(double[] mean, double[] se, double degreesOfFreedom) {
        int horizon = mean.length;
        double[][] bounds = new double[4][horizon];
        double q80 = Double.isInfinite(degreesOfFreedom) ? Normal.quantile(0.90) : StudentT.quantile(0.90, degreesOfFreedom);
        double q95 = Double.isInfinite(degreesOfFreedom) ? Normal.quantile(0.975) : StudentT.quantile(0.975, degreesOfFreedom);
        for (int h = 0; h < horizon; h++) {
            bounds[0][h] = mean[h] - q80 * se[h];
            bounds[1][h] = mean[h] + q80 * se[h];
            bounds[2][h] = mean[h] - q95 * se[h];
            bounds[3][h] = mean[h] + q95 * se[h];
        }
        return new Prediction(label(), mean, new Prediction.Band(0.80, bounds[0], bounds[1]), new Prediction.Band(0.95, bounds[2], bounds[3]));
    }

    private static void requireHorizon(int horizon) {
        if (horizon < 1 || horizon > IntermittentForecasts.MAX_HORIZON) {
            throw new IllegalArgumentException("horizon must be between 1 and " + IntermittentForecasts.MAX_HORIZON + ", was " + horizon);
        }
    }
}
