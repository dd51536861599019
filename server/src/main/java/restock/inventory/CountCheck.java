package restock.inventory;

/**
 * Whether a stock count is so far from the record that it is likelier a slip of the keyboard than a count: 510 typed for
 * a shelf of 51 was recorded at once and its 459 phantom units filled waiting orders (an outside check). Such a count is
 * checked on the shelf and confirmed before it is recorded; the rule is pure, the console asks.
 */
public final class CountCheck {
    /** A count more than this many times the record, or less than the record's share by it, is far from it. */
    public static final int FAR_FACTOR = 3;
    /** A count within this many units of the record is never far: a shelf of 2 counted as 9 is worth no second press. */
    public static final int NEAR_UNITS = 10;

    private CountCheck() {
    }

    /** Whether {@code countedQuantity} is far from {@code onHandOnRecord}: by more than {@link #NEAR_UNITS}, and by the factor. */
    public static boolean farFromRecord(int onHandOnRecord, int countedQuantity) {
        long counted = countedQuantity;
        long onRecord = onHandOnRecord;
        if (Math.abs(counted - onRecord) <= NEAR_UNITS) {
            return false;
        }
        return counted > FAR_FACTOR * onRecord || counted * FAR_FACTOR < onRecord;
    }
}
