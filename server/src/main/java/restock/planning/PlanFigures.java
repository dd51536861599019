package restock.planning;

/**
 * A plan's figures as every output gives them (the console's pages, the API's plan, {@code restock plan} as CSV or JSON,
 * the stored run): units a day to a hundredth, levels of stock and days of cover to a tenth, lead times in days to a
 * hundredth. The plan's doubles went out as they were, 0.30000000000000004 among them (an outside check); then the CSV
 * rounded its own way (71.181 a day, a reorder point of 2943 where the JSON said 2942.9: an outside tester's check).
 * {@link #fields} is the one list of a plan's figures that the CSV, the JSON and the API write.
 */
public final class PlanFigures {
    /** Units a day are given to a hundredth: a slow seller's 0.04 a day is still worth reading. */
    public static final double DAILY_DEMAND_STEP = 0.01;
    /** Levels of stock (reorder point, safety stock, order-up-to level) and days of cover are given to a tenth. */
    public static final double LEVEL_STEP = 0.1;

    /** Lead times are given in days to a hundredth: a mean of whole days, which the plan rounds to a day only for dates. */
    public static final double LEAD_TIME_STEP = 0.01;

    private PlanFigures() {
    }

    /** One figure of a plan: its name in JSON, its column in CSV, and its value as given (null: none, as infinite cover). */
    public record Field(String json, String csv, Object value) {
    }

    /**
     * A plan's figures, rounded by this class's rules, in the order the CSV's columns go: the CLI's JSON and CSV and the
     * API's lines take them from here, so they cannot round or name one differently.
     */
    public static java.util.List<Field> fields(Planner.SkuPlan p) {
        return java.util.List.of(new Field("sku", "sku", p.sku()), new Field("name", "name", p.name()),
                new Field("supplier", "supplier", p.supplier()), new Field("dailyDemand", "daily_demand", unitsADay(p.dailyDemand())),
                new Field("reorderPoint", "reorder_point", level(p.reorderPoint())), new Field("safetyStock", "safety_stock", level(p.safetyStock())),
                new Field("orderUpTo", "order_up_to", level(p.orderUpTo())), new Field("inventoryPosition", "inventory_position", p.inventoryPosition()),
                new Field("suggestedQuantity", "suggested_quantity", p.suggestedQuantity()),
                new Field("orderBy", "order_by", p.orderBy().map(Object::toString).orElse(null)),
                new Field("daysOfCover", "days_of_cover", Double.isInfinite(p.daysOfCover()) ? null : level(p.daysOfCover())),
                new Field("stocksOutBeforeNextReceipt", "stocks_out_before_next_receipt", p.stocksOutBeforeNextReceipt()),
                new Field("reason", "reason", p.reason()), new Field("incoming", "incoming", p.incoming()),
                new Field("nextReceipt", "next_receipt", p.nextReceipt().map(Object::toString).orElse(null)),
                new Field("leadTimeDays", "lead_time_days", leadTimeDays(p.leadTimeDays())),
                new Field("nextReceiptUnits", "next_receipt_units", p.nextReceiptUnits()));
    }

    /** A plan's figures by their JSON names, in the CSV's order ({@link #fields}). */
    public static java.util.Map<String, Object> json(Planner.SkuPlan plan) {
        java.util.Map<String, Object> map = new java.util.LinkedHashMap<>();
        fields(plan).forEach(field -> map.put(field.json(), field.value()));
        return map;
    }

    /** A rounded figure as text: the decimal it stands for, without a trailing ".0" or an exponent (2942.9, 2943, 0.04). */
    public static String text(double rounded) {
        return java.math.BigDecimal.valueOf(rounded).stripTrailingZeros().toPlainString();
    }

    /** A lead time in days, to {@link #LEAD_TIME_STEP}. */
    public static double leadTimeDays(double days) {
        return rounded(days, LEAD_TIME_STEP);
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
