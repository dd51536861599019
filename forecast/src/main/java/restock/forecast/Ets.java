package restock.forecast;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Exponential smoothing state-space models, ETS(error, trend, season), estimated by maximum likelihood (or one-step
 * mean squared error) and chosen automatically by AICc, following R's forecast package 8.20 ({@code ets}): the same
 * heuristic initial states, starting parameters, usual-and-admissible bounds, Nelder-Mead search and information
 * criteria. SES, Holt, damped Holt and Holt-Winters are the fixed models ETS(A,N,N), ETS(A,A,N), ETS(A,Ad,N) and
 * ETS(A,A,A) estimated by mean squared error, as R's {@code ses}, {@code holt} and {@code hw} do.
 *
 * <p>Known differences from R: series too short for a component (n <= parameters + 4) drop that component here,
 * where R falls back to {@code HoltWinters} (with 4 points, where AICc is infinite for every form, ETS(A,N,N) is
 * kept); the additive-seasonal variance uses the textbook smoothing vector (R's class-1 formula puts gamma on the
 * second seasonal state when there is no trend; identical for horizons shorter than the period).
 */
public final class Ets {
    /** The longest season the recursions hold (R's limit). */
    public static final int MAX_PERIOD = 24;
    /** Fewer observations than this cannot estimate even a level and its smoothing constant. */
    public static final int MIN_OBSERVATIONS = 4;
    /** R's default bounds on alpha, beta, gamma and phi ("usual" region). */
    static final double[] LOWER = {1e-4, 1e-4, 1e-4, 0.8};
    static final double[] UPPER = {0.9999, 0.9999, 0.9999, 0.98};
    /** Nelder-Mead's relative tolerance (sqrt of machine epsilon) and evaluation budget, as ets passes them. */
    static final double TOLERANCE = Math.sqrt(Math.ulp(1.0));
    static final int MAX_EVALUATIONS = 2000;
    /** Steps of the multi-step mean squared error that the MSE criterion averages (R's nmse default). */
    static final int MSE_STEPS = 3;

    private Ets() {
    }

    public enum Component {
        NONE("N"), ADDITIVE("A"), MULTIPLICATIVE("M");

        final String letter;

        Component(String letter) {
            this.letter = letter;
        }
    }

    /** What the parameters are chosen to minimise. */
    public enum Criterion {
        /** The likelihood (R's default for ets). */
        LIKELIHOOD,
        /** The one-step mean squared error (R's ses, holt and hw). */
        MSE
    }

    /** A model form: error, trend (possibly damped) and season. */
    public record Form(Component error, Component trend, boolean damped, Component season) {
        public Form {
            if (error == Component.NONE) {
                throw new IllegalArgumentException("a model has an additive or multiplicative error");
            }
            if (damped && trend == Component.NONE) {
                throw new IllegalArgumentException("only a trend can be damped");
            }
        }

        public static final Form SES = new Form(Component.ADDITIVE, Component.NONE, false, Component.NONE);
        public static final Form HOLT = new Form(Component.ADDITIVE, Component.ADDITIVE, false, Component.NONE);
        public static final Form DAMPED = new Form(Component.ADDITIVE, Component.ADDITIVE, true, Component.NONE);
        public static final Form HOLT_WINTERS = new Form(Component.ADDITIVE, Component.ADDITIVE, false, Component.ADDITIVE);

        boolean seasonal() {
            return season != Component.NONE;
        }

        boolean trended() {
            return trend != Component.NONE;
        }

        /** R's name, e.g. ETS(A,Ad,N). */
        public String name() {
            return "ETS(" + error.letter + "," + trend.letter + (damped ? "d" : "") + "," + season.letter + ")";
        }
    }

    /**
     * An estimated model: its form, smoothing parameters, states before the first and after the last observation,
     * residual variance and information criteria.
     */
    public record Model(Form form, int period, double alpha, double beta, double gamma, double phi, double[] initialState,
                        double[] finalState, double sigma2, double logLikelihood, double aic, double aicc, double bic,
                        int observations, int parameters) {

        /** Point forecasts 1..horizon steps ahead. */
        public double[] forecast(int horizon) {
            double[] f = new double[horizon];
            EtsRecursion.forecast(finalState, period(), form, phi, f, horizon);
            return f;
        }

        /**
         * Prediction interval bounds at {@code level} (e.g. 0.95): analytic for the linear models (additive error, no
         * multiplicative component), from {@code 5000} simulated paths otherwise.
         */
        public Interval interval(int horizon, double level, RandomGenerator random) {
            return intervals(horizon, random, level)[0];
        }

        /**
         * Bounds at each of {@code levels}, simulated models from one set of paths: the 95% band was drawn after the 80%
         * band had used up {@code count * horizon} draws, so it moved with the horizon asked for (an outside check).
         */
        public Interval[] intervals(int horizon, RandomGenerator random, double... levels) {
            double[] mean = forecast(horizon);
            Interval[] intervals = new Interval[levels.length];
            double[][] paths = EtsRecursion.linear(form) ? null : samplePaths(horizon, SIMULATED_PATHS, random);
            double[] variance = EtsRecursion.linear(form) ? linearVariance(horizon) : null;
            for (int l = 0; l < levels.length; l++) {
                double level = levels[l];
                double[] lower = new double[horizon];
                double[] upper = new double[horizon];
                if (paths == null) {
                    double z = Normal.quantile(0.5 + level / 2);
                    for (int h = 0; h < horizon; h++) {
                        double margin = z * Math.sqrt(variance[h]);
                        lower[h] = mean[h] - margin;
                        upper[h] = mean[h] + margin;
                    }
                } else {
                    lower = Quantiles.ofPaths(paths, horizon, 0.5 - level / 2);
                    upper = Quantiles.ofPaths(paths, horizon, 0.5 + level / 2);
                }
                intervals[l] = new Interval(level, mean, lower, upper);
            }
            return intervals;
        }

        /**
         * Future paths simulated from the last state with Gaussian errors of the estimated variance. The draws are made
         * step by step across all paths, so step k's values are the same whatever the horizon: drawn path by path, a
         * path's second draw depended on how many steps the path before it had taken.
         */
        public double[][] samplePaths(int horizon, int count, RandomGenerator random) {
            double[][] paths = new double[count][horizon];
            double sigma = Math.sqrt(sigma2);
            int m = Math.max(1, period());
            double[][] states = new double[count][];
            for (int i = 0; i < count; i++) {
                states[i] = finalState.clone();
            }
            double[] next = new double[finalState.length];
            double[] f = new double[1];
            for (int h = 0; h < horizon; h++) {
                for (int i = 0; i < count; i++) {
                    double[] state = states[i];
                    EtsRecursion.forecast(state, m, form, phi, f, 1);
                    double e = sigma * random.nextGaussian();
                    double y = form.error() == Component.ADDITIVE ? f[0] + e : f[0] * (1 + e);
                    paths[i][h] = y;
                    EtsRecursion.update(state, next, m, form, alpha, beta, gamma, phi, y);
                    System.arraycopy(next, 0, state, 0, state.length);
                }
            }
            return paths;
        }

        /** Forecast variance of a linear model: sigma2 (1 + sum of c_j^2), c_j = w' F^(j-1) g. */
        double[] linearVariance(int horizon) {
            int m = form.seasonal() ? period() : 1;
            double damping = form.damped() ? phi : 1;
            double[] variance = new double[horizon];
            double sum = 0;
            // c_j: the level shock persists (alpha); the trend shock adds beta times the damped sum;
            // the seasonal shock returns gamma every m steps.
            double trendSum = 0;
            double power = 1;
            for (int h = 0; h < horizon; h++) {
                variance[h] = sigma2 * (1 + sum);
                int j = h + 1;
                power *= damping;
                trendSum += power;
                double c = alpha;
                if (form.trended()) {
                    c += beta * trendSum;
                }
                if (form.seasonal() && j % m == 0) {
                    c += gamma;
                }
                sum += c * c;
            }
            return variance;
        }

        @Override
        public String toString() {
            return form.name() + " alpha=" + alpha + (form.trended() ? " beta=" + beta : "") + (form.seasonal() ? " gamma=" + gamma : "")
                    + (form.damped() ? " phi=" + phi : "") + " aicc=" + aicc;
        }
    }

    /** Paths simulated for the intervals of non-linear models (R's npaths). */
    public static final int SIMULATED_PATHS = 5000;

    /** Mean forecasts with lower and upper bounds at one level. */
    public record Interval(double level, double[] mean, double[] lower, double[] upper) {
    }

    /** ETS with the form chosen by AICc among those R's ets(y) tries, without multiplicative trends. */
    public static Model automatic(double[] y, int period) {
        return automatic(y, period, Search.EXHAUSTIVE);
    }

    /** Which forms the automatic choice estimates. */
    public enum Search {
        /** Every form R's ets(y) tries: the same model as R, at R's cost. */
        EXHAUSTIVE,
        /**
         * Seasonal forms only for series whose autocorrelation at the seasonal lag is significant at 90% (the test of
         * R's thetaf). Seasonal forms carry m - 1 more states, cost about six times the rest, and win rarely on short
         * demand histories (4 of 2,509 carparts series); a series that fails the test gets the best non-seasonal form.
         */
        SCREENED
    }

    /** ETS with the form chosen by AICc; {@code search} says whether seasonal forms are screened first. */
    public static Model automatic(double[] y, int period, Search search) {
        requireObservations(y);
        if (Quantiles.constant(y)) {
            return constantModel(y, period);
        }
        boolean positive = Arrays.stream(y).min().orElse(0) > 0;
        int m = seasonalPeriod(y.length, period);
        if (search == Search.SCREENED && m > 1 && (y.length <= 2 * m || !Theta.seasonal(y, m))) {
            m = 1;
        }
        List<Form> forms = new ArrayList<>();
        for (Component error : new Component[] {Component.ADDITIVE, Component.MULTIPLICATIVE}) {
            for (Component trend : new Component[] {Component.NONE, Component.ADDITIVE}) {
                for (Component season : new Component[] {Component.NONE, Component.ADDITIVE, Component.MULTIPLICATIVE}) {
                    for (boolean damped : new boolean[] {true, false}) {
                        if (trend == Component.NONE && damped
                                || m == 1 && season != Component.NONE
                                || error == Component.ADDITIVE && season == Component.MULTIPLICATIVE
                                || !positive && (error == Component.MULTIPLICATIVE || season == Component.MULTIPLICATIVE)) {
                            continue;
                        }
                        forms.add(new Form(error, trend, damped, season));
                    }
                }
            }
        }
        // Forms with more parameters than the data can carry are skipped inside estimate (R: np >= n - 1).
        Model best = null;
        Model simplest = null;
        for (Form form : forms) {
            Model model = estimate(y, period, form, Criterion.LIKELIHOOD);
            if (model != null && form.equals(Form.SES)) {
                simplest = model;
            }
            if (model != null && Double.isFinite(model.aicc()) && (best == null || model.aicc() < best.aicc())) {
                best = model;
            }
        }
        if (best == null && simplest != null) {
            // n = 4: AICc is infinite for every form (R falls back to HoltWinters below 7 points); keep the level model
            return simplest;
        }
        if (best == null) {
            throw new IllegalArgumentException("no ETS model could be estimated from " + y.length + " observations");
        }
        return best;
    }

    /** One model form estimated by the criterion (R: ets(y, model, opt.crit)). */
    public static Model fit(double[] y, int period, Form form, Criterion criterion) {
        requireObservations(y);
        if (form.seasonal() && seasonalPeriod(y.length, period) == 1) {
            throw new IllegalArgumentException("a seasonal model needs a period of 2.." + MAX_PERIOD + " and more observations than the period");
        }
        if (form.error() == Component.MULTIPLICATIVE || form.season() == Component.MULTIPLICATIVE || form.trend() == Component.MULTIPLICATIVE) {
            if (Arrays.stream(y).min().orElse(0) <= 0) {
                throw new IllegalArgumentException("multiplicative components need positive data");
            }
        }
        Model model = estimate(y, period, form, criterion);
        if (model == null && tooManyParameters(y, form, form.seasonal() ? period : 1)) {
            throw new IllegalArgumentException(form.name() + " has too many parameters for " + y.length + " observations");
        }
        if (model == null) {
            throw new IllegalArgumentException(form.name() + " could not be fitted to these observations: its states are not finite"
                    + " at the best parameters found");
        }
        return model;
    }

    private static int seasonalPeriod(int n, int period) {
        return period < 2 || period > MAX_PERIOD || n <= period ? 1 : period;
    }

    /** R: np >= n - 1, too many for the data to carry ({@link #estimate}'s first test, said apart from its others). */
    private static boolean tooManyParameters(double[] y, Form form, int m) {
        return startParameters(form, m).length + InitialState.of(y, form, m).length >= y.length - 1;
    }

    /**
     * R's etsmodel: start parameters and states, Nelder-Mead, then the fit at the optimum. Null when the form has too
     * many parameters for the data, cannot be evaluated at its starting point, or has no finite state at the optimum.
     */
    static Model estimate(double[] y, int period, Form form, Criterion criterion) {
        int m = form.seasonal() ? period : 1;
        double[] start = startParameters(form, m);
        double[] states = InitialState.of(y, form, m);
        int smoothing = start.length;
        double[] par = new double[smoothing + states.length];
        System.arraycopy(start, 0, par, 0, smoothing);
        System.arraycopy(states, 0, par, smoothing, states.length);
        if (par.length >= y.length - 1) {
            return null;
        }
        Target target = new Target(y, form, m, criterion, smoothing);
        if (!Double.isFinite(target.value(par))) {
            return null; // R: "function cannot be evaluated at initial parameters", and ets skips the form
        }
        NelderMead.Result result = NelderMead.minimize(target::value, par, TOLERANCE, MAX_EVALUATIONS);
        double[] best = result.point();
        Params p = target.params(best);
        double[] init = target.fullState(best);
        EtsRecursion.Outcome outcome = EtsRecursion.run(y, init, m, form, p.alpha, p.beta, p.gamma, p.phi, MSE_STEPS, true);
        if (outcome.finalState() == null) {
            // The minimiser scores parameters it cannot evaluate NelderMead.BIG; when every fit's error is larger still
            // (values near 1e17 and up), they look best, and the recursion at them is not finite: no model to forecast from.
            return null;
        }
        int np = best.length + 1;
        int n = y.length;
        double lik = outcome.likelihood();
        double aic = lik + 2 * np;
        double bic = lik + Math.log(n) * np;
        double aicc = aic + 2.0 * np * (np + 1) / (n - np - 1);
        double sse = 0;
        for (double e : outcome.errors()) {
            sse += e * e;
        }
        double sigma2 = sse / (n - best.length);
        return new Model(form, m, p.alpha, p.beta, p.gamma, p.phi, init, outcome.finalState(), sigma2, -0.5 * lik, aic, aicc, bic, n, best.length);
    }

    /** R's initparam with the default bounds. */
    static double[] startParameters(Form form, int m) {
        List<Double> par = new ArrayList<>();
        double alpha = LOWER[0] + 0.2 * (UPPER[0] - LOWER[0]) / m;
        if (alpha > 1 || alpha < 0) {
            alpha = LOWER[0] + 0.002;
        }
        par.add(alpha);
        if (form.trended()) {
            double upper = Math.min(UPPER[1], alpha);
            double beta = LOWER[1] + 0.1 * (upper - LOWER[1]);
            if (beta < 0 || beta > alpha) {
                beta = alpha - 0.001;
            }
            par.add(beta);
        }
        if (form.seasonal()) {
            double upper = Math.min(UPPER[2], 1 - alpha);
            double gamma = LOWER[2] + 0.05 * (upper - LOWER[2]);
            if (gamma < 0 || gamma > 1 - alpha) {
                gamma = 1 - alpha - 0.001;
            }
            par.add(gamma);
        }
        if (form.damped()) {
            double phi = LOWER[3] + 0.99 * (UPPER[3] - LOWER[3]);
            if (phi < 0 || phi > 1) {
                phi = UPPER[3] - 0.001;
            }
            par.add(phi);
        }
        return par.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private record Params(double alpha, double beta, double gamma, double phi) {
    }

    /** The objective Nelder-Mead minimises: R's EtsTargetFunction. */
    private static final class Target {
        private final double[] y;
        private final Form form;
        private final int m;
        private final Criterion criterion;
        private final int smoothing;
        private final EtsScratch scratch;

        Target(double[] y, Form form, int m, Criterion criterion, int smoothing) {
            this.scratch = new EtsScratch(m, criterion == Criterion.MSE ? MSE_STEPS : 1);
            this.y = y;
            this.form = form;
            this.m = m;
            this.criterion = criterion;
            this.smoothing = smoothing;
        }

        Params params(double[] par) {
            int j = 0;
            double alpha = par[j++];
            double beta = form.trended() ? par[j++] : 0;
            double gamma = form.seasonal() ? par[j++] : 0;
            double phi = form.damped() ? par[j] : 1;
            return new Params(alpha, beta, gamma, phi);
        }

        /** The optimised states plus the last seasonal state, which makes the seasonal states sum to 0 (or m). */
        double[] fullState(double[] par) {
            return fullState(par, new double[par.length - smoothing + (form.seasonal() ? 1 : 0)]);
        }

        double[] fullState(double[] par, double[] state) {
            int optimised = par.length - smoothing;
            System.arraycopy(par, smoothing, state, 0, optimised);
            if (form.seasonal()) {
                double sum = 0;
                for (int i = form.trended() ? 2 : 1; i < optimised; i++) {
                    sum += state[i];
                }
                state[optimised] = (form.season() == Component.MULTIPLICATIVE ? m : 0) - sum;
            }
            return state;
        }

        double value(double[] par) {
            Params p = params(par);
            if (!EtsBounds.acceptable(form, m, p.alpha, p.beta, p.gamma, p.phi, scratch)) {
                return Double.POSITIVE_INFINITY;
            }
            double[] state = fullState(par, scratch.state(par.length - smoothing + (form.seasonal() ? 1 : 0)));
            if (criterion == Criterion.LIKELIHOOD && EtsRecursion.linear(form)) {
                double lik = EtsRecursion.linearLikelihood(y, state, m, form, p.alpha, p.beta, p.gamma, p.phi, scratch.ring);
                return Double.isNaN(lik) ? Double.POSITIVE_INFINITY : Math.max(lik, -1e10);
            }
            if (form.season() == Component.MULTIPLICATIVE) {
                for (int i = form.trended() ? 2 : 1; i < state.length; i++) {
                    if (state[i] < 0) {
                        return Double.POSITIVE_INFINITY;
                    }
                }
            }
            EtsRecursion.Outcome outcome = EtsRecursion.run(y, state, m, form, p.alpha, p.beta, p.gamma, p.phi,
                    criterion == Criterion.MSE ? MSE_STEPS : 1, false, scratch);
            double lik = outcome.likelihood();
            if (lik < -1e10) {
                lik = -1e10;
            }
            if (Double.isNaN(lik)) {
                return Double.POSITIVE_INFINITY;
            }
            return criterion == Criterion.LIKELIHOOD ? lik : outcome.firstStepMse();
        }
    }

    /** R: a constant series is simple exponential smoothing with alpha 0.99999 started at its value. */
    private static Model constantModel(double[] y, int period) {
        double[] state = {y[0]};
        return new Model(Form.SES, 1, 0.99999, 0, 0, 1, state, state.clone(), 0, Double.NaN,
                Double.NaN, Double.NaN, Double.NaN, y.length, 2);
    }

    private static void requireObservations(double[] y) {
        if (y.length < MIN_OBSERVATIONS) {
            throw new IllegalArgumentException("ETS needs at least " + MIN_OBSERVATIONS + " observations, got " + y.length);
        }
        for (double value : y) {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("observations must be finite numbers");
            }
        }
    }
}
