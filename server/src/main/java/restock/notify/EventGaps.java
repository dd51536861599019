package restock.notify;

/**
 * How far the notice relay may read an event log. Event ids come from a sequence when a row is written, and
 * transactions commit in any order: a gap below a visible event is an event of a transaction still in progress
 * (it will appear) or of one rolled back (it never will). Passing a gap that is yet to fill loses that event's
 * notice, so the relay stops at the first gap that may still fill, and passes it once every transaction that was
 * in progress when it was seen has ended (V58 hands out event ids only to transactions that hold a transaction id,
 * so the database's list of transactions in progress covers every event that may still appear).
 */
public final class EventGaps {
    private EventGaps() {
    }

    /**
     * Of the events read after the cursor, their ids ascending, how many the relay may pass now: those before the
     * first gap that may still fill. A gap may not fill when every id in it is at or below {@code finalThrough} (the
     * transactions in progress when those ids were seen have all ended) or when no transaction was in progress
     * at the read.
     */
    public static int passable(long cursor, long[] idsAscending, long finalThrough, boolean nothingInProgress) {
        long expected = cursor + 1;
        for (int i = 0; i < idsAscending.length; i++) {
            long id = idsAscending[i];
            if (id < expected) {
                throw new IllegalArgumentException("event ids must ascend after the cursor " + cursor + "; got " + id + " at position " + i);
            }
            boolean gap = id > expected;
            if (gap && !nothingInProgress && id - 1 > finalThrough) {
                return i;
            }
            expected = id + 1;
        }
        return idsAscending.length;
    }
}
