package restock.forecast;

/** Root location tests for real polynomials. */
final class Polynomials {
    private Polynomials() {
    }

    /**
     * Whether every root of sum c[i] z^i lies strictly within {@code radius} of the origin: the Schur-Cohn test on
     * the polynomial rescaled to the unit circle (each step's reflection coefficient must be below one in size).
     */
    static boolean rootsWithin(double[] coefficients, double radius) {
        return rootsWithin(coefficients.clone(), new double[coefficients.length], radius);
    }

    /** As {@link #rootsWithin(double[], double)}, overwriting {@code coefficients} and using {@code work} (same length) as scratch. */
    static boolean rootsWithin(double[] coefficients, double[] work, double radius) {
        int degree = coefficients.length - 1;
        while (degree > 0 && coefficients[degree] == 0) {
            degree--;
        }
        double[] a = coefficients;
        double[] next = work;
        // rescale to the unit circle (z = radius w), then make monic
        double scale = 1;
        for (int i = 0; i <= degree; i++) {
            a[i] *= scale;
            scale *= radius;
        }
        double leading = a[degree];
        for (int i = 0; i < degree; i++) {
            a[i] /= leading;
        }
        a[degree] = 1;
        for (int d = degree; d >= 1; d--) {
            double k = a[0];
            if (!(Math.abs(k) < 1)) {
                return false;
            }
            // (p(z) - k p*(z)) / (z (1 - k^2)) with p*(z) = z^d p(1/z): monic again, so nothing under- or overflows
            double inverse = 1 / (1 - k * k);
            for (int i = 1; i < d; i++) {
                next[i - 1] = (a[i] - k * a[d - i]) * inverse;
            }
            next[d - 1] = 1;
            double[] swap = a;
            a = next;
            next = swap;
        }
        return true;
    }

    /**
     * The quotient of sum c[i] z^i by (z - 1), written into {@code into} (index = power, the top entry set to 0 so the
     * array keeps its length); exact when 1 is a root.
     */
    static double[] deflateUnitRoot(double[] coefficients, double[] into) {
        int degree = coefficients.length - 1;
        into[degree] = 0;
        into[degree - 1] = coefficients[degree];
        for (int i = degree - 1; i >= 1; i--) {
            into[i - 1] = coefficients[i] + into[i];
        }
        return into;
    }
}
