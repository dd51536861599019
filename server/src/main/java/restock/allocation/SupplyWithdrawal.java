package restock.allocation;

import restock.catalog.Sku;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What withdrawing open supply of a SKU (its purchase order cancelled or closed short) does to the lines waiting for it:
 * each line whose pegs move, with the supply it is promised from afterwards and the units nothing covers any more. A
 * line behind the withdrawn supply can lose its pegs too, when one ahead of it takes the supply it had. Decided on a
 * copy of the book, so the console can say it before the click and the command after it, with the one answer.
 */
public record SupplyWithdrawal(Sku sku, List<Moved> moved) {
    public SupplyWithdrawal {
        moved = List.copyOf(moved);
    }

    /**
     * A waiting line whose supply changes: the purchase order lines it is pegged to afterwards (units from each) and its
     * waiting units no stock and no open supply covers afterwards.
     */
    public record Moved(long lineId, int waitingUnits, Map<Long, Integer> peggedTo, int uncoveredUnits) {
        public Moved {
            peggedTo = Map.copyOf(peggedTo);
            if (uncoveredUnits < 0 || uncoveredUnits > waitingUnits) {
                throw new IllegalStateException("line " + lineId + " has " + uncoveredUnits + " of " + waitingUnits + " waiting units uncovered");
            }
        }

        /** Whether some of the line's units now wait with nothing coming for them. */
        public boolean withoutSupply() {
            return uncoveredUnits > 0;
        }
    }

    /** The lines of {@code book} that withdrawing {@code purchaseOrderLineIds} (open supply of it) moves, in queue order; the book is left as it is. */
    public static SupplyWithdrawal of(SkuBook book, Collection<Long> purchaseOrderLineIds) {
        SkuBook after = book.copy();
        purchaseOrderLineIds.forEach(after::withdrawSupply);
        Map<Long, Map<Long, Integer>> pegsBefore = byLine(book.pegsNow());
        Map<Long, Map<Long, Integer>> pegsAfter = byLine(after.pegsNow());
        Map<Long, Integer> uncoveredBefore = book.uncoveredUnits();
        Map<Long, Integer> uncoveredAfter = after.uncoveredUnits();
        List<Moved> moved = new ArrayList<>();
        for (WaitingLine line : after.queue()) {
            long id = line.lineId();
            Map<Long, Integer> pegged = pegsAfter.getOrDefault(id, Map.of());
            int uncovered = uncoveredAfter.getOrDefault(id, 0);
            if (!pegged.equals(pegsBefore.getOrDefault(id, Map.of())) || uncovered != uncoveredBefore.getOrDefault(id, 0)) {
                moved.add(new Moved(id, line.waitingQuantity(), pegged, uncovered));
            }
        }
        return new SupplyWithdrawal(book.sku(), moved);
    }

    private static Map<Long, Map<Long, Integer>> byLine(List<Peg> pegs) {
        Map<Long, Map<Long, Integer>> byLine = new TreeMap<>();
        pegs.forEach(peg -> byLine.computeIfAbsent(peg.lineId(), id -> new TreeMap<>()).merge(peg.purchaseOrderLineId(), peg.quantity(), Integer::sum));
        return byLine;
    }
}
