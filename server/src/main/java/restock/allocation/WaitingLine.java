package restock.allocation;

import java.time.Instant;
import java.util.Comparator;

/** One order line's waiting units in a SKU's backorder queue. */
public record WaitingLine(long lineId, int priority, Instant placedAt, int waitingQuantity) {
    /** Queue order: higher priority first, then first placed, then lower line id (placement order within a batch). */
    public static final Comparator<WaitingLine> QUEUE_ORDER = Comparator
            .comparingInt(WaitingLine::priority).reversed()
            .thenComparing(WaitingLine::placedAt)
            .thenComparingLong(WaitingLine::lineId);

    public WaitingLine {
        if (waitingQuantity <= 0) {
            throw new IllegalStateException("line " + lineId + " waits for " + waitingQuantity + " units; a waiting line waits for at least one");
        }
    }

    WaitingLine withPriority(int newPriority) {
        return new WaitingLine(lineId, newPriority, placedAt, waitingQuantity);
    }

    WaitingLine minus(int quantity) {
        return new WaitingLine(lineId, priority, placedAt, waitingQuantity - quantity);
    }
}
