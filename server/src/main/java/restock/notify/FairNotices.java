package restock.notify;

/**
 * How many waitlisters to tell now: never more than could buy. With {@code unitsAvailable} units and an
 * oversubscription factor, at most floor(units x factor) people may hold an open notice at once; those already
 * holding one count against it. The next batch goes out as their notices lapse.
 */
public final class FairNotices {
    public static final double MAX_FACTOR = 5.0;

    private FairNotices() {
    }

    public static int toNotify(int unitsAvailable, double factor, int openNotices, int waiting) {
        if (factor < 1.0 || factor > MAX_FACTOR) {
            throw new IllegalArgumentException("oversubscription factor must be between 1 and " + MAX_FACTOR + ", was " + factor);
        }
        if (unitsAvailable <= 0) {
            return 0;
        }
        int budget = (int) Math.floor(unitsAvailable * factor);
        return Math.max(0, Math.min(waiting, budget - openNotices));
    }
}
