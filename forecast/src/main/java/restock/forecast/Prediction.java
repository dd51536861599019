package restock.forecast;

/** A method's point forecasts with 80% and 95% prediction intervals, one value per step ahead. */
public record Prediction(String method, double[] mean, Band band80, Band band95) {
    public Prediction {
        if (band80.lower().length != mean.length || band95.lower().length != mean.length) {
            throw new IllegalArgumentException("interval bounds must cover every forecast step");
        }
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
