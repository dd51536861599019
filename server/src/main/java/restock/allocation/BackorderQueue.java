package restock.allocation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Who gets the next unit. This file is the whole answer:
 *
 * <ol>
 *   <li>A unit held for a waitlister who was told the product is back stays theirs until the notice lapses
 *       ({@link SkuBook#free()} leaves held units out).</li>
 *   <li>Before a product's release date no unit is free: the stock waits for the release day.</li>
 *   <li>Otherwise a free unit goes to the waiting line first in queue order: higher priority first, then the
 *       earlier placed, then the lower line id (placement order within one order). A line may be filled in part;
 *       the rest of it keeps its place.</li>
 *   <li>Only when nobody waits is a unit available to a new order.</li>
 * </ol>
 *
 * Incoming supply is promised the same way: the queue, in this order, claims open purchase order lines in the
 * order they are expected to arrive ({@link IncomingSupply#arrivalOrder}); before the release date it claims the
 * stock in the building first. So the first in line is always promised the earliest units.
 */
public final class BackorderQueue {
    private final List<WaitingLine> lines;

    public BackorderQueue(List<WaitingLine> lines) {
        this.lines = new ArrayList<>(lines);
        this.lines.sort(WaitingLine.QUEUE_ORDER);
    }

    public BackorderQueue copy() {
        return new BackorderQueue(lines);
    }

    /** Gives up to {@code freeUnits} units to the lines first in order; returns the fills, in the order made. */
    public List<Fill> fill(int freeUnits) {
        List<Fill> fills = new ArrayList<>();
        int left = freeUnits;
        while (left > 0 && !lines.isEmpty()) {
            WaitingLine first = lines.get(0);
            int quantity = Math.min(first.waitingQuantity(), left);
            boolean complete = quantity == first.waitingQuantity();
            fills.add(new Fill(first.lineId(), quantity, complete));
            left -= quantity;
            if (complete) {
                lines.remove(0);
            } else {
                lines.set(0, first.minus(quantity));
            }
        }
        return fills;
    }

    /** Joins the queue in its place. */
    public void add(WaitingLine line) {
        if (lines.stream().anyMatch(waiting -> waiting.lineId() == line.lineId())) {
            throw new IllegalStateException("line " + line.lineId() + " already waits");
        }
        lines.add(line);
        lines.sort(WaitingLine.QUEUE_ORDER);
    }

    /**
     * Gives a waiting line another priority: it moves to its new place (before lines of lower priority, after those
     * of higher, among equals by when it was placed). Returns false when it had that priority already.
     */
    public boolean reprioritize(long lineId, int priority) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).lineId() == lineId) {
                if (lines.get(i).priority() == priority) {
                    return false;
                }
                lines.set(i, lines.get(i).withPriority(priority));
                lines.sort(WaitingLine.QUEUE_ORDER);
                return true;
            }
        }
        throw new IllegalStateException("line " + lineId + " is not waiting");
    }

    /** Leaves the queue (cancelled while waiting); returns how many units it waited for. */
    public int withdraw(long lineId) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).lineId() == lineId) {
                return lines.remove(i).waitingQuantity();
            }
        }
        throw new IllegalStateException("line " + lineId + " is not waiting");
    }

    /**
     * Which purchase order line will fill which waiting line: the lines, in queue order, first take
     * {@code unitsInTheBuilding} (stock that waits for a release day; not a purchase order, so not pegged), then
     * the supply in arrival order. Waiting units beyond the supply stay unpegged.
     */
    public List<Peg> pegs(int unitsInTheBuilding, List<IncomingSupply> supplyInArrivalOrder) {
        List<Peg> pegs = new ArrayList<>();
        int inTheBuilding = unitsInTheBuilding;
        int supplyIndex = 0;
        int supplyLeft = supplyInArrivalOrder.isEmpty() ? 0 : supplyInArrivalOrder.get(0).openQuantity();
        for (WaitingLine line : lines) {
            int needed = line.waitingQuantity();
            int fromTheBuilding = Math.min(needed, inTheBuilding);
            inTheBuilding -= fromTheBuilding;
            needed -= fromTheBuilding;
            while (needed > 0 && supplyIndex < supplyInArrivalOrder.size()) {
                if (supplyLeft == 0) {
                    supplyIndex++;
                    supplyLeft = supplyIndex < supplyInArrivalOrder.size() ? supplyInArrivalOrder.get(supplyIndex).openQuantity() : 0;
                    continue;
                }
                int quantity = Math.min(needed, supplyLeft);
                pegs.add(new Peg(line.lineId(), supplyInArrivalOrder.get(supplyIndex).purchaseOrderLineId(), quantity));
                needed -= quantity;
                supplyLeft -= quantity;
            }
        }
        return pegs;
    }

    public int waitingUnits() {
        return lines.stream().mapToInt(WaitingLine::waitingQuantity).sum();
    }

    public boolean isEmpty() {
        return lines.isEmpty();
    }

    /** The waiting lines in queue order. */
    public List<WaitingLine> lines() {
        return Collections.unmodifiableList(lines);
    }
}
