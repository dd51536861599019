package restock.planning;

import java.util.List;

/**
 * Stock for a group of SKUs to a fill-rate target (units shipped from stock over units demanded, summed over the
 * group). Each SKU is stocked a common factor times its forecast total for the period; the factor is the smallest
 * that would have met the target on a backtest window, the latest complete one, forecast from the history before it.
 * Learning the factor from the data rather than from a distribution assumption absorbs the forecasts' bias (demand
 * that drifts down is over-forecast) and the lumpiness that a normal or bootstrap model misses.
 */
public final class FillRateCalibration {
    /** The largest factor searched: stocking a hundred times the forecast is never a sensible answer. */
    public static final double MAX_FACTOR = 100;
    private static final int BISECTION_STEPS = 60;

    private FillRateCalibration() {
    }

    /** One SKU over one period: its forecast total and what was then demanded. */
    public record Window(double forecast, double actual) {
        public Window {
            if (!(forecast >= 0) || !(actual >= 0)) {
                throw new IllegalArgumentException("forecast and actual demand must be non-negative numbers, were " + forecast + " and " + actual);
            }
        }
    }

    /** Fill rate reached and the stock left over, as a share of the units demanded. */
    public record Outcome(double fillRate, double excess) {
    }

    public static Outcome outcome(List<Window> windows, double factor) {
        double met = 0;
        double demanded = 0;
        double excess = 0;
        for (Window window : windows) {
            double stock = factor * window.forecast();
            met += Math.min(stock, window.actual());
            demanded += window.actual();
            excess += Math.max(stock - window.actual(), 0);
        }
        if (demanded == 0) {
            return new Outcome(1, 0);
        }
        return new Outcome(met / demanded, excess / demanded);
    }

    /**
     * The smallest factor whose fill rate on {@code backtest} reaches {@code fillRate} (to 1e-12), or
     * {@link #MAX_FACTOR} when even that falls short.
     */
    public static double factorFor(List<Window> backtest, double fillRate) {
        if (!(fillRate > 0 && fillRate < 1)) {
            throw new IllegalArgumentException("fill rate target must be strictly between 0 and 1, was " + fillRate);
        }
        if (outcome(backtest, MAX_FACTOR).fillRate() < fillRate) {
            return MAX_FACTOR;
        }
        double low = 0;
        double high = MAX_FACTOR;
        for (int step = 0; step < BISECTION_STEPS; step++) {
            double middle = (low + high) / 2;
            if (outcome(backtest, middle).fillRate() < fillRate) {
                low = middle;
            } else {
                high = middle;
            }
        }
        return high;
    }

    /** The forecast to stock from and its factor. */
    public record Basis(String forecast, double factor, Outcome backtest) {
    }

    /**
     * Among several forecasts (name to backtest windows), the one that meets the target on the backtest with the
     * least excess stock, and its factor. The forecast with the best accuracy is not always the best to stock from.
     */
    public static Basis leastExcess(java.util.Map<String, List<Window>> backtestByForecast, double fillRate) {
        Basis best = null;
        for (java.util.Map.Entry<String, List<Window>> entry : backtestByForecast.entrySet()) {
            double factor = factorFor(entry.getValue(), fillRate);
            Outcome outcome = outcome(entry.getValue(), factor);
            if (outcome.fillRate() >= fillRate - 1e-9 && (best == null || outcome.excess() < best.backtest().excess())) {
                best = new Basis(entry.getKey(), factor, outcome);
            }
        }
        if (best == null) {
            throw new IllegalArgumentException("no forecast reaches a fill rate of " + fillRate + " on the backtest even at "
                    + MAX_FACTOR + " times its forecast");
        }
        return best;
    }
}
