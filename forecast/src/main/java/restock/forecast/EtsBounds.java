package restock.forecast;

/** R's check_params: the usual bounds and the admissible (forecastable) region. */
final class EtsBounds {
    private EtsBounds() {
    }

    static boolean acceptable(Ets.Form form, int m, double alpha, double beta, double gamma, double phi) {
        return acceptable(form, m, alpha, beta, gamma, phi, new EtsScratch(m, 1));
    }

    static boolean acceptable(Ets.Form form, int m, double alpha, double beta, double gamma, double phi, EtsScratch scratch) {
        if (alpha < Ets.LOWER[0] || alpha > Ets.UPPER[0]) {
            return false;
        }
        if (form.trended() && (beta < Ets.LOWER[1] || beta > alpha || beta > Ets.UPPER[1])) {
            return false;
        }
        if (form.damped() && (phi < Ets.LOWER[3] || phi > Ets.UPPER[3])) {
            return false;
        }
        if (form.seasonal() && (gamma < Ets.LOWER[2] || gamma > 1 - alpha || gamma > Ets.UPPER[2])) {
            return false;
        }
        return admissible(form, m, alpha, beta, gamma, phi, scratch);
    }

    static boolean admissible(Ets.Form form, int m, double alpha, double beta, double gamma, double phi) {
        return admissible(form, m, alpha, beta, gamma, phi, new EtsScratch(m, 1));
    }

    static boolean admissible(Ets.Form form, int m, double alpha, double beta, double gamma, double phi, EtsScratch scratch) {
        if (phi < 0 || phi > 1 + 1e-8) {
            return false;
        }
        if (!form.seasonal()) {
            if (alpha < 1 - 1 / phi || alpha > 1 + 1 / phi) {
                return false;
            }
            return !form.trended() || !(beta < alpha * (phi - 1) || beta > (1 + phi) * (2 - alpha));
        }
        if (m > 1) {
            double b = form.trended() ? beta : 0;
            double d = 1 - 1 / phi - alpha;
            if (gamma < Math.max(d, 0) || gamma > 1 + 1 / phi - alpha) {
                return false;
            }
            if (alpha < 1 - 1 / phi - gamma * (1 - m + phi + phi * m) / (2 * phi * m)) {
                return false;
            }
            if (b < -(1 - phi) * (gamma / m + alpha)) {
                return false;
            }
            // Characteristic polynomial z^(m+1) + (a+b-phi) z^m + (a+b-a phi) z^(m-1..2) + (a+b-a phi+g-1) z
            // + phi (1-a-g): every root within 1 + 1e-10 of the origin.
            double[] coefficients = scratch.polynomial; // index = power
            coefficients[m + 1] = 1;
            coefficients[m] = alpha + b - phi;
            for (int power = 2; power <= m - 1; power++) {
                coefficients[power] = alpha + b - alpha * phi;
            }
            coefficients[1] = alpha + b - alpha * phi + gamma - 1;
            coefficients[0] = phi * (1 - alpha - gamma);
            if (b == 0 && phi == 1) {
                // P(1) = m b = 0: z = 1 is an exact root, which R's root finder places on the circle; test the rest
                return Polynomials.rootsWithin(Polynomials.deflateUnitRoot(coefficients, scratch.polynomialWork),
                        coefficients, 1 + 1e-10);
            }
            return Polynomials.rootsWithin(coefficients, scratch.polynomialWork, 1 + 1e-10);
        }
        return true;
    }
}
