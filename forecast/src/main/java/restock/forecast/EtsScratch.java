package restock.forecast;

/** Buffers one estimation reuses across its thousands of objective evaluations. */
final class EtsScratch {
    final double[] ring;
    final double[] forecasts;
    final double[] amse;
    final double[] denominator;
    final double[] polynomial;
    final double[] polynomialWork;

    private double[] state = new double[0];

    double[] state(int length) {
        if (state.length != length) {
            state = new double[length];
        }
        return state;
    }

    EtsScratch(int period, int steps) {
        int m = Math.max(1, period);
        int horizon = Math.max(1, steps);
        ring = new double[m];
        forecasts = new double[horizon];
        amse = new double[horizon];
        denominator = new double[horizon];
        polynomial = new double[m + 2];
        polynomialWork = new double[m + 2];
    }
}
