package restock.planning;

/**
 * A plan's figures as they are shown to people and programs (the API's plan, {@code restock plan --format json}): units
 * a day to a hundredth, levels of stock and days of cover to a tenth, as the console's planning page shows them. The
 * plan's doubles went out as they were, 0.30000000000000004 among them (an outside check).
 */
public final class PlanFigures {
    /** Units a day are given to a hundredth: a slow seller's 0.04 a day is still worth reading. */
    public static final double DAILY_DEMAND_STEP = 0.01;
    /** Levels of stock (reorder point, safety stock, order-up-to level) and days of cover are given to a tenth. */
    public static final double LEVEL_STEP = 0.1;

    private PlanFigures() {
    }

    /** Units a day, to {@link #DAILY_DEMAND_STEP}. */
    public static double unitsADay(double dailyDemand) {
        return rounded(dailyDemand, DAILY_DEMAND_STEP);
    }

    /** A level of stock in units, or days of cover, to {@link #LEVEL_STEP}. */
    public static double level(double units) {
        return rounded(units, LEVEL_STEP);
    }

    /**
     * {@code value} to the nearest {@code step} (0.1 or 0.01), as the double that prints as that decimal: a whole number
     * of steps divided by the steps in one, never multiplied back by the step, which would bring a binary tail back.
     */
    static double rounded(double value, double step) {
        if (!Double.isFinite(value)) {
            return value;
        }
        double stepsInOne = Math.round(1 / step);
        return Math.round(value * stepsInOne) / stepsInOne;
    }
}
