package restock.forecast;

/** A method's point forecasts with 80% and 95% prediction intervals, one value per step ahead. */
public record Prediction(String method, double[] mean, Band band80, Band band95) {
    public Prediction {
        if (band80.lower().length != mean.length || band95.lower().length != mean.length) {
            throw new IllegalArgumentException("interval bounds must cover every forecast step");
        }
    }

    /**
     * This prediction as one for a history that was never negative (demand) can be told: point and bounds floored at
     * zero; unchanged for a history with a negative value. A trend method extrapolates a falling series below zero (an
     * outside check: -274.7 units a week from `damped`); `auto` already floored its forecasts.
     */
    public Prediction flooredFor(double[] history) {
        for (double value : history) {
            if (value < 0) {
                return this;
            }
        }
        return new Prediction(method, atLeastZero(mean), new Band(band80.level(), atLeastZero(band80.lower()), atLeastZero(band80.upper())),
                new Band(band95.level(), atLeastZero(band95.lower()), atLeastZero(band95.upper())));
    }

    private static double[] atLeastZero(double[] values) {
        double[] out = values.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] = Math.max(0, out[i]);
        }
        return out;
    }

    /** Lower and upper bounds at one coverage level. */
    public record Band(double level, double[] lower, double[] upper) {
        public Band {
            if (lower.length != upper.length) {
                throw new IllegalArgumentException("lower and upper bounds differ in length");
            }
        }
    }
}
