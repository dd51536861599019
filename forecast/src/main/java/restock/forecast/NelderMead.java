package restock.forecast;

import java.util.function.ToDoubleFunction;

/**
 * The Nelder-Mead simplex minimiser of R's {@code optim} ({@code nmmin} in R's src/appl/optim.c, which the forecast
 * package calls for {@code ets}), followed step by step: the same start simplex, the same reflection, extension,
 * contraction and shrink rules and the same stopping test, so that estimates agree with R's. Infeasible points are
 * signalled by the objective returning a non-finite value.
 */
final class NelderMead {
    /** What R substitutes for a non-finite objective value. */
    static final double BIG = 1.0e35;

    /** R's defaults as ets passes them: reflection 1, contraction 0.5, expansion 2. */
    static final double REFLECTION = 1.0;
    static final double CONTRACTION = 0.5;
    static final double EXPANSION = 2.0;

    /** The best point, its value, the evaluations spent and whether the tolerance (not the budget) ended the search. */
    record Result(double[] point, double value, int evaluations, boolean converged) {
    }

    private NelderMead() {
    }

    /**
     * Minimises {@code objective} from {@code start}. Stops when the simplex's values are within
     * {@code relativeTolerance * (|f(start)| + relativeTolerance)} of each other, or after about
     * {@code maxEvaluations} evaluations.
     */
    static Result minimize(ToDoubleFunction<double[]> objective, double[] start, double relativeTolerance, int maxEvaluations) {
        int n = start.length;
        double[] b = start.clone();
        double f = objective.applyAsDouble(b);
        if (!Double.isFinite(f)) {
            throw new IllegalArgumentException("the objective cannot be evaluated at the initial parameters");
        }
        int evaluations = 1;
        double convergenceTolerance = relativeTolerance * (Math.abs(f) + relativeTolerance);
        int n1 = n + 1;
        int centroid = n + 2;
        // p[i][j]: coordinate i of vertex j; row n holds the vertex values; column n1 holds the centroid.
        double[][] p = new double[n1][n + 2];
        p[n1 - 1][0] = f;
        for (int i = 0; i < n; i++) {
            p[i][0] = b[i];
        }
        int low = 1;
        double size = 0.0;
        double step = 0.0;
        for (int i = 0; i < n; i++) {
            step = Math.max(step, 0.1 * Math.abs(b[i]));
        }
        if (step == 0.0) {
            step = 0.1;
        }
        for (int j = 2; j <= n1; j++) {
            for (int i = 0; i < n; i++) {
                p[i][j - 1] = b[i];
            }
            double trystep = step;
            while (p[j - 2][j - 1] == b[j - 2]) {
                p[j - 2][j - 1] = b[j - 2] + trystep;
                trystep *= 10;
            }
            size += trystep;
        }
        double oldSize = size;
        boolean recompute = true;
        boolean converged = false;
        do {
            if (recompute) {
                for (int j = 0; j < n1; j++) {
                    if (j + 1 != low) {
                        for (int i = 0; i < n; i++) {
                            b[i] = p[i][j];
                        }
                        p[n1 - 1][j] = finite(objective.applyAsDouble(b));
                        evaluations++;
                    }
                }
                recompute = false;
            }
            double lowValue = p[n1 - 1][low - 1];
            double highValue = lowValue;
            int high = low;
            for (int j = 1; j <= n1; j++) {
                if (j != low) {
                    double value = p[n1 - 1][j - 1];
                    if (value < lowValue) {
                        low = j;
                        lowValue = value;
                    }
                    if (value > highValue) {
                        high = j;
                        highValue = value;
                    }
                }
            }
            if (highValue <= lowValue + convergenceTolerance) {
                converged = true;
                break;
            }
            for (int i = 0; i < n; i++) {
                double sum = -p[i][high - 1];
                for (int j = 0; j < n1; j++) {
                    sum += p[i][j];
                }
                p[i][centroid - 1] = sum / n;
            }
            for (int i = 0; i < n; i++) {
                b[i] = (1.0 + REFLECTION) * p[i][centroid - 1] - REFLECTION * p[i][high - 1];
            }
            double reflected = finite(objective.applyAsDouble(b));
            evaluations++;
            if (reflected < lowValue) {
                p[n1 - 1][centroid - 1] = reflected;
                for (int i = 0; i < n; i++) {
                    double extended = EXPANSION * b[i] + (1 - EXPANSION) * p[i][centroid - 1];
                    p[i][centroid - 1] = b[i];
                    b[i] = extended;
                }
                double value = finite(objective.applyAsDouble(b));
                evaluations++;
                if (value < reflected) {
                    for (int i = 0; i < n; i++) {
                        p[i][high - 1] = b[i];
                    }
                    p[n1 - 1][high - 1] = value;
                } else {
                    for (int i = 0; i < n; i++) {
                        p[i][high - 1] = p[i][centroid - 1];
                    }
                    p[n1 - 1][high - 1] = reflected;
                }
            } else {
                if (reflected < highValue) {
                    for (int i = 0; i < n; i++) {
                        p[i][high - 1] = b[i];
                    }
                    p[n1 - 1][high - 1] = reflected;
                }
                for (int i = 0; i < n; i++) {
                    b[i] = (1 - CONTRACTION) * p[i][high - 1] + CONTRACTION * p[i][centroid - 1];
                }
                double value = finite(objective.applyAsDouble(b));
                evaluations++;
                if (value < p[n1 - 1][high - 1]) {
                    for (int i = 0; i < n; i++) {
                        p[i][high - 1] = b[i];
                    }
                    p[n1 - 1][high - 1] = value;
                } else if (reflected >= highValue) {
                    recompute = true;
                    size = 0.0;
                    for (int j = 0; j < n1; j++) {
                        if (j + 1 != low) {
                            for (int i = 0; i < n; i++) {
                                p[i][j] = CONTRACTION * (p[i][j] - p[i][low - 1]) + p[i][low - 1];
                                size += Math.abs(p[i][j] - p[i][low - 1]);
                            }
                        }
                    }
                    if (size < oldSize) {
                        oldSize = size;
                    } else {
                        break;
                    }
                }
            }
        } while (evaluations <= maxEvaluations);
        double[] best = new double[n];
        for (int i = 0; i < n; i++) {
            best[i] = p[i][low - 1];
        }
        return new Result(best, p[n1 - 1][low - 1], evaluations, converged);
    }

    private static double finite(double value) {
        return Double.isFinite(value) ? value : BIG;
    }
}
