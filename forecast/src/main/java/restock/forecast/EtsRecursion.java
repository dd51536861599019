package restock.forecast;

import java.util.Arrays;

/** R's etscalc: the state recursions, the one-step errors, the likelihood and the multi-step MSE. */
final class EtsRecursion {
    private static final double TOL = 1.0e-10;
    private static final double HUGE = 1.0e10;

    private EtsRecursion() {
    }

    record Outcome(double likelihood, double firstStepMse, double[] errors, double[] finalState) {
    }

    static Outcome run(double[] y, double[] init, int m, Ets.Form form, double alpha, double beta, double gamma, double phi,
                       int steps, boolean keep) {
        return run(y, init, m, form, alpha, beta, gamma, phi, steps, keep, new EtsScratch(m, steps));
    }

    /** Runs the model through the data from {@code init}: one-step errors, likelihood, mean squared errors, final state. */
    static Outcome run(double[] y, double[] init, int m, Ets.Form form, double alpha, double beta, double gamma, double phi,
                       int steps, boolean keep, EtsScratch scratch) {
        int n = y.length;
        double[] state = init.clone();
        double[] next = new double[state.length];
        int horizon = Math.max(1, steps);
        double[] f = scratch.forecasts;
        double[] errors = keep ? new double[n] : null;
        double[] amse = scratch.amse;
        double[] denominator = scratch.denominator;
        Arrays.fill(amse, 0, horizon, 0.0);
        Arrays.fill(denominator, 0, horizon, 0.0);
        boolean trackMse = keep || steps > 1; // the likelihood search needs no mean squared error
        double sse = 0;
        double logFits = 0;
        for (int i = 0; i < n; i++) {
            forecast(state, m, form, phi, f, horizon);
            if (Double.isNaN(f[0])) {
                return new Outcome(Double.NaN, Double.NaN, errors, null);
            }
            double e = form.error() == Ets.Component.ADDITIVE ? y[i] - f[0] : (y[i] - f[0]) / f[0];
            if (keep) {
                errors[i] = e;
            }
            if (trackMse) {
                for (int j = 0; j < horizon; j++) {
                    if (i + j < n) {
                        denominator[j] += 1.0;
                        double d = y[i + j] - f[j];
                        amse[j] = (amse[j] * (denominator[j] - 1.0) + d * d) / denominator[j];
                    }
                }
            }
            update(state, next, m, form, alpha, beta, gamma, phi, y[i]);
            double[] swap = state;
            state = next;
            next = swap;
            sse += e * e;
            if (form.error() == Ets.Component.MULTIPLICATIVE) {
                logFits += Math.log(Math.abs(f[0]));
            }
        }
        double likelihood = n * Math.log(sse);
        if (form.error() == Ets.Component.MULTIPLICATIVE) {
            likelihood += 2 * logFits;
        }
        return new Outcome(likelihood, amse[0], errors, keep ? state : null);
    }

    /** Additive error, no multiplicative trend or season: the models intermittent demand (with zeros) allows. */
    static boolean linear(Ets.Form form) {
        return form.error() == Ets.Component.ADDITIVE && form.trend() != Ets.Component.MULTIPLICATIVE
                && form.season() != Ets.Component.MULTIPLICATIVE;
    }

    /**
     * {@link #run}'s likelihood for a {@link #linear} model, without the bookkeeping the search does not need;
     * the same operations in the same order, so the same value to the last bit.
     */
    static double linearLikelihood(double[] y, double[] init, int m, Ets.Form form, double alpha, double beta, double gamma,
                                   double phi, double[] ring) {
        boolean trended = form.trended();
        boolean seasonal = form.seasonal();
        int seasonStart = trended ? 2 : 1;
        if (seasonal) {
            for (int k = 0; k < m; k++) {
                ring[k] = init[seasonStart + m - 1 - k];
            }
        }
        int oldest = 0;
        double level = init[0];
        double trend = trended ? init[1] : 0;
        double betaOverAlpha = beta / alpha;
        double sse = 0;
        for (double observation : y) {
            double oldestSeason = seasonal ? ring[oldest] : 0;
            double phib = trended ? phi * trend : 0;
            double q = trended ? level + phib : level;
            double fit = seasonal ? q + oldestSeason : q;
            double e = observation - fit;
            double p = seasonal ? observation - oldestSeason : observation;
            double oldLevel = level;
            level = q + alpha * (p - q);
            if (trended) {
                trend = phib + betaOverAlpha * ((level - oldLevel) - phib);
            }
            if (seasonal) {
                ring[oldest] = oldestSeason + gamma * ((observation - q) - oldestSeason);
                oldest = oldest + 1 == m ? 0 : oldest + 1;
            }
            sse += e * e;
        }
        return y.length * Math.log(sse);
    }

    /** Forecasts 1..h from a state [level, (trend), s_1 (latest) .. s_m (oldest)]. */
    static void forecast(double[] state, int m, Ets.Form form, double phi, double[] f, int h) {
        double level = state[0];
        double trend = form.trended() ? state[1] : 0;
        int seasonStart = form.trended() ? 2 : 1;
        double phiStar = phi;
        for (int i = 0; i < h; i++) {
            double value;
            if (form.trend() == Ets.Component.NONE) {
                value = level;
            } else if (form.trend() == Ets.Component.ADDITIVE) {
                value = level + phiStar * trend;
            } else if (trend < 0) {
                value = Double.NaN;
            } else {
                value = level * Math.pow(trend, phiStar);
            }
            if (form.seasonal()) {
                int j = m - 1 - i;
                while (j < 0) {
                    j += m;
                }
                double s = state[seasonStart + j];
                value = form.season() == Ets.Component.ADDITIVE ? value + s : value * s;
            }
            f[i] = value;
            if (i < h - 1) {
                phiStar = Math.abs(phi - 1.0) < TOL ? phiStar + 1.0 : phiStar + Math.pow(phi, i + 2); // phi + phi^2 + ... + phi^(i+2)
            }
        }
    }

    /** One observation's update of the state (old state in {@code from}, new state into {@code to}). */
    static void update(double[] from, double[] to, int m, Ets.Form form, double alpha, double beta, double gamma, double phi, double y) {
        double oldLevel = from[0];
        double oldTrend = form.trended() ? from[1] : 0;
        int seasonStart = form.trended() ? 2 : 1;
        double oldestSeason = form.seasonal() ? from[seasonStart + m - 1] : 0;
        double q;
        double phib;
        if (form.trend() == Ets.Component.NONE) {
            q = oldLevel;
            phib = 0;
        } else if (form.trend() == Ets.Component.ADDITIVE) {
            phib = phi * oldTrend;
            q = oldLevel + phib;
        } else if (Math.abs(phi - 1.0) < TOL) {
            phib = oldTrend;
            q = oldLevel * oldTrend;
        } else {
            phib = Math.pow(oldTrend, phi);
            q = oldLevel * phib;
        }
        double p;
        if (!form.seasonal()) {
            p = y;
        } else if (form.season() == Ets.Component.ADDITIVE) {
            p = y - oldestSeason;
        } else {
            p = Math.abs(oldestSeason) < TOL ? HUGE : y / oldestSeason;
        }
        double level = q + alpha * (p - q);
        to[0] = level;
        if (form.trended()) {
            double r;
            if (form.trend() == Ets.Component.ADDITIVE) {
                r = level - oldLevel;
            } else {
                r = Math.abs(oldLevel) < TOL ? HUGE : level / oldLevel;
            }
            to[1] = phib + (beta / alpha) * (r - phib);
        }
        if (form.seasonal()) {
            double t;
            if (form.season() == Ets.Component.ADDITIVE) {
                t = y - q;
            } else {
                t = Math.abs(q) < TOL ? HUGE : y / q;
            }
            to[seasonStart] = oldestSeason + gamma * (t - oldestSeason);
            System.arraycopy(from, seasonStart, to, seasonStart + 1, m - 1);
        }
    }
}
