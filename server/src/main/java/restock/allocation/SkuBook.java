package restock.allocation;

import restock.catalog.BackorderPolicy;
import restock.catalog.Sku;
import restock.common.Conflict;
import restock.promise.AvailabilitySteps;
import restock.promise.Outlook;
import restock.promise.PromiseSettings;
import restock.promise.Promising;
import restock.promise.SupplyPortion;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One SKU's stock, backorder queue and incoming supply, as seen by the single writer of that SKU.
 *
 * <p>Every command keeps the invariants: on hand never negative, reserved within on hand, and no unit
 * available while a line waits (stock that arrives goes to the queue first, in queue order).
 */
public final class SkuBook {
    /** Steps beyond this many open purchase order lines are not worth showing a shopper. */
    public static final int MAX_AVAILABILITY_STEPS = 50;
    /** On hand and incoming per SKU stay within these, so neither (nor their sum) overflows an int; the schema checks them too. */
    public static final int MAX_UNITS_ON_HAND = 1_000_000_000;
    public static final int MAX_UNITS_INCOMING = 1_000_000_000;

    private final Sku sku;
    private final BackorderPolicy policy;
    private final PromiseSettings settings;
    private int onHand;
    private int reserved;
    private final List<WaitingLine> queue;
    private final List<IncomingSupply> supply;
    private final List<Fill> fills = new ArrayList<>();
    private int heldForWaitlist;

    public SkuBook(Sku sku, BackorderPolicy policy, PromiseSettings settings, int onHand, int reserved,
                   List<WaitingLine> queue, List<IncomingSupply> supply) {
        this(sku, policy, settings, onHand, reserved, queue, supply, 0);
    }

    /**
     * With units held for waitlisters who were told the product is back: nobody else may take them while the
     * hold lasts. A hold that lapsed frees its units, which go to the queue first (at load).
     */
    public SkuBook(Sku sku, BackorderPolicy policy, PromiseSettings settings, int onHand, int reserved,
                   List<WaitingLine> queue, List<IncomingSupply> supply, int heldForWaitlist) {
        this.sku = sku;
        this.policy = policy;
        this.settings = settings;
        this.onHand = onHand;
        this.reserved = reserved;
        this.queue = new ArrayList<>(queue);
        this.queue.sort(WaitingLine.QUEUE_ORDER);
        this.supply = new ArrayList<>(supply);
        this.supply.sort(IncomingSupply.ARRIVAL_ORDER);
        if (heldForWaitlist < 0) {
            throw new IllegalStateException(sku + " has " + heldForWaitlist + " units held for waitlisters");
        }
        this.heldForWaitlist = heldForWaitlist;
        fillQueue();
    }

    /** A copy to try a decision on, so that a refused whole order leaves this book untouched. */
    public SkuBook copy() {
        SkuBook copy = new SkuBook(sku, policy, settings, onHand, reserved, queue, supply, heldForWaitlist);
        copy.fills.addAll(fills);
        return copy;
    }

    /** Reserves what is available, queues what the policy lets wait, refuses the rest. */
    public Admission admit(long lineId, int priority, Instant placedAt, int quantity) {
        return admit(lineId, priority, placedAt, quantity, 0);
    }

    /** As {@link #admit(long, int, Instant, int)}, for a customer who holds units from a back-in-stock notice. */
    public Admission admit(long lineId, int priority, Instant placedAt, int quantity, int ownHold) {
        if (quantity <= 0) {
            throw new IllegalStateException("line " + lineId + " asks for " + quantity + " units of " + sku);
        }
        int usedHold = Math.min(Math.min(ownHold, heldForWaitlist), quantity);
        heldForWaitlist -= usedHold;
        int reserve = Math.min(quantity, free());
        reserved += reserve;
        int shortfall = quantity - reserve;
        AvailabilitySteps steps = shortfall > 0 ? availabilitySteps() : null;
        int waiting = shortfall > 0 ? policy.unitsAllowedToWait(shortfall, waitingQuantity(), steps::unitsPromisable) : 0;
        if (waiting > 0) {
            queue.add(new WaitingLine(lineId, priority, placedAt, waiting));
            queue.sort(WaitingLine.QUEUE_ORDER);
        }
        int refused = shortfall - waiting;
        Optional<String> reason = refused > 0
                ? Optional.of(policy.refusalReason(sku, reasonOf(steps.outlookFor(shortfall))))
                : Optional.empty();
        checkInvariants();
        return new Admission(reserve, waiting, refused, reason);
    }

    /** Units that arrived outside a purchase order (a return to stock). */
    public void receive(int quantity) {
        requirePositive(quantity, "received");
        requireRoomOnHand(quantity);
        onHand += quantity;
        fillQueue();
    }

    /** Units that arrived against a purchase order line; they leave its open supply. */
    public void receiveAgainst(long purchaseOrderLineId, int quantity) {
        requirePositive(quantity, "received");
        int index = supplyIndex(purchaseOrderLineId);
        IncomingSupply line = supply.get(index);
        if (quantity > line.openQuantity()) {
            throw new IllegalStateException("purchase order line " + purchaseOrderLineId + " has " + line.openQuantity()
                    + " units open, cannot receive " + quantity);
        }
        requireRoomOnHand(quantity);
        supply.set(index, line.withOpenQuantity(line.openQuantity() - quantity));
        onHand += quantity;
        fillQueue();
    }

    /** A purchase order line that will deliver no more (closed short or cancelled). */
    public void withdrawSupply(long purchaseOrderLineId) {
        supply.remove(supplyIndex(purchaseOrderLineId));
    }

    /** A new or changed purchase order line. */
    public void expectSupply(IncomingSupply line) {
        supply.removeIf(existing -> existing.purchaseOrderLineId() == line.purchaseOrderLineId());
        supply.add(line);
        supply.sort(IncomingSupply.ARRIVAL_ORDER);
    }

    /** Changes on hand by a signed quantity; refuses to take on hand below what is reserved. */
    public void adjust(int quantityDelta) {
        requireRoomOnHand(quantityDelta);
        if (onHand + quantityDelta < reserved) {
            throw new Conflict("adjusting " + sku + " by " + quantityDelta + " would leave " + (onHand + quantityDelta)
                    + " on hand, below the " + reserved + " units reserved for open orders; ship or cancel those first");
        }
        onHand += quantityDelta;
        fillQueue();
    }

    /** Sets on hand to a counted quantity and returns the difference to record. */
    public int count(int countedQuantity) {
        int difference = countedQuantity - onHand;
        adjust(difference);
        return difference;
    }

    /** Gives back reserved units (a cancelled line); they go to the queue first. */
    public void release(int quantity) {
        requirePositive(quantity, "released");
        if (quantity > reserved) {
            throw new IllegalStateException("releasing " + quantity + " of " + sku + " but only " + reserved + " reserved");
        }
        reserved -= quantity;
        fillQueue();
    }

    /** Takes a line out of the queue (cancelled while waiting) and returns how many units it waited for. */
    public int withdraw(long lineId) {
        for (int i = 0; i < queue.size(); i++) {
            if (queue.get(i).lineId() == lineId) {
                return queue.remove(i).waitingQuantity();
            }
        }
        throw new IllegalStateException("line " + lineId + " is not waiting for " + sku);
    }

    /** Sets units aside for notified waitlisters; only free units can be held. */
    public void hold(int units) {
        if (units <= 0 || units > free()) {
            throw new IllegalStateException("cannot hold " + units + " units of " + sku + "; " + free() + " are free");
        }
        heldForWaitlist += units;
    }

    /** Reserved units leave the building. */
    public void ship(int quantity) {
        requirePositive(quantity, "shipped");
        if (quantity > reserved) {
            throw new IllegalStateException("shipping " + quantity + " of " + sku + " but only " + reserved + " reserved");
        }
        onHand -= quantity;
        reserved -= quantity;
        checkInvariants();
    }

    private void fillQueue() {
        while (free() > 0 && !queue.isEmpty()) {
            WaitingLine first = queue.get(0);
            int quantity = Math.min(first.waitingQuantity(), free());
            reserved += quantity;
            fills.add(new Fill(first.lineId(), quantity));
            if (quantity == first.waitingQuantity()) {
                queue.remove(0);
            } else {
                queue.set(0, first.minus(quantity));
            }
        }
        checkInvariants();
    }

    /**
     * Which purchase order line will fill which waiting line: the queue, in order, claims supply earliest
     * expected first. Waiting units beyond the incoming supply stay unpegged.
     */
    public List<Peg> pegs() {
        List<Peg> pegs = new ArrayList<>();
        int supplyIndex = 0;
        int supplyLeft = supply.isEmpty() ? 0 : supply.get(0).openQuantity();
        for (WaitingLine line : queue) {
            int needed = line.waitingQuantity();
            while (needed > 0 && supplyIndex < supply.size()) {
                if (supplyLeft == 0) {
                    supplyIndex++;
                    supplyLeft = supplyIndex < supply.size() ? supply.get(supplyIndex).openQuantity() : 0;
                    continue;
                }
                int quantity = Math.min(needed, supplyLeft);
                pegs.add(new Peg(line.lineId(), supply.get(supplyIndex).purchaseOrderLineId(), quantity));
                needed -= quantity;
                supplyLeft -= quantity;
            }
        }
        return pegs;
    }

    /**
     * The staircase of what can be promised beyond the stock available: supply not claimed by the queue, in
     * arrival order, cumulatively, each step with its outlook.
     */
    public AvailabilitySteps availabilitySteps() {
        Map<Long, Integer> claimed = new HashMap<>();
        for (Peg peg : pegs()) {
            claimed.merge(peg.purchaseOrderLineId(), peg.quantity(), Integer::sum);
        }
        List<SupplyPortion> portions = new ArrayList<>();
        List<AvailabilitySteps.Step> steps = new ArrayList<>();
        int cumulative = 0;
        for (IncomingSupply line : supply) {
            int before = claimed.getOrDefault(line.purchaseOrderLineId(), 0);
            int leftover = line.openQuantity() - before;
            if (leftover <= 0 || steps.size() == MAX_AVAILABILITY_STEPS) {
                continue;
            }
            portions.add(new SupplyPortion(line.purchaseOrderLineId(), line.expectedDate(), line.openQuantity(), before, leftover, line.odds()));
            cumulative += leftover;
            steps.add(new AvailabilitySteps.Step(cumulative, Promising.promise(List.copyOf(portions), 0, settings)));
        }
        return new AvailabilitySteps(free(), steps);
    }

    /** Each waiting line's outlook, from the supply it is pegged to, in queue order. */
    public Map<Long, Outlook> linePromises() {
        Map<Long, IncomingSupply> supplyById = new HashMap<>();
        supply.forEach(line -> supplyById.put(line.purchaseOrderLineId(), line));
        Map<Long, Integer> claimedSoFar = new HashMap<>();
        Map<Long, List<SupplyPortion>> portionsByLine = new LinkedHashMap<>();
        queue.forEach(line -> portionsByLine.put(line.lineId(), new ArrayList<>()));
        for (Peg peg : pegs()) {
            IncomingSupply line = supplyById.get(peg.purchaseOrderLineId());
            int before = claimedSoFar.getOrDefault(peg.purchaseOrderLineId(), 0);
            portionsByLine.get(peg.lineId()).add(new SupplyPortion(line.purchaseOrderLineId(), line.expectedDate(),
                    line.openQuantity(), before, peg.quantity(), line.odds()));
            claimedSoFar.put(peg.purchaseOrderLineId(), before + peg.quantity());
        }
        Map<Long, Outlook> outlooks = new LinkedHashMap<>();
        for (WaitingLine line : queue) {
            List<SupplyPortion> portions = portionsByLine.get(line.lineId());
            int pegged = portions.stream().mapToInt(SupplyPortion::units).sum();
            outlooks.put(line.lineId(), Promising.promise(portions, line.waitingQuantity() - pegged, settings));
        }
        return outlooks;
    }

    private static String reasonOf(Outlook outlook) {
        return outlook instanceof Outlook.Unconfirmed unconfirmed ? unconfirmed.reason() : "supply is confirmed";
    }

    private void checkInvariants() {
        if (onHand < 0 || reserved < 0 || reserved > onHand) {
            throw new IllegalStateException("stock of " + sku + " broke its invariants: onHand=" + onHand + " reserved=" + reserved);
        }
        if (free() > 0 && !queue.isEmpty()) {
            throw new IllegalStateException(sku + " has " + free() + " units free while " + queue.size() + " lines wait");
        }
        if (policy instanceof BackorderPolicy.Never && !queue.isEmpty()) {
            throw new IllegalStateException(sku + " is never backordered but " + queue.size() + " lines wait");
        }
    }

    private int supplyIndex(long purchaseOrderLineId) {
        for (int i = 0; i < supply.size(); i++) {
            if (supply.get(i).purchaseOrderLineId() == purchaseOrderLineId) {
                return i;
            }
        }
        throw new IllegalStateException("purchase order line " + purchaseOrderLineId + " is not open supply of " + sku);
    }

    private void requireRoomOnHand(long more) {
        if (onHand + more > MAX_UNITS_ON_HAND) {
            throw new Conflict("quantity", "adding " + more + " units to " + sku + " would leave " + (onHand + more)
                    + " on hand, over the limit of " + MAX_UNITS_ON_HAND + " units per SKU");
        }
    }

    /** Refuses open purchase order supply past {@link #MAX_UNITS_INCOMING} (checked before a new order's lines are saved). */
    public void requireIncomingWithinLimit() {
        long incoming = supply.stream().mapToLong(IncomingSupply::openQuantity).sum();
        if (incoming > MAX_UNITS_INCOMING) {
            throw new Conflict("lines", sku + " would have " + incoming + " units incoming on open purchase orders, over the limit of "
                    + MAX_UNITS_INCOMING + " units per SKU; receive or close earlier orders first");
        }
    }

    private static void requirePositive(int quantity, String what) {
        if (quantity <= 0) {
            throw new IllegalStateException(what + " quantity must be positive, was " + quantity);
        }
    }

    public Sku sku() { return sku; }
    public BackorderPolicy policy() { return policy; }
    public PromiseSettings settings() { return settings; }
    public int onHand() { return onHand; }
    public int reserved() { return reserved; }
    public int available() { return onHand - reserved; }
    /** Available units nobody holds: what new orders and the queue may take. */
    public int free() { return Math.max(0, available() - heldForWaitlist); }
    public int heldForWaitlist() { return heldForWaitlist; }
    public int incoming() { return supply.stream().mapToInt(IncomingSupply::openQuantity).sum(); }
    public int waitingQuantity() { return queue.stream().mapToInt(WaitingLine::waitingQuantity).sum(); }
    public List<WaitingLine> queue() { return Collections.unmodifiableList(queue); }
    public List<IncomingSupply> supply() { return Collections.unmodifiableList(supply); }

    /** Whether fills were made that are not persisted yet (units freed by a lapsed hold went to the queue at load). */
    public boolean hasUnsavedFills() {
        return !fills.isEmpty();
    }

    /** Fills made since the last drain, in the order they were made; the caller persists them once. */
    public List<Fill> drainFills() {
        List<Fill> drained = List.copyOf(fills);
        fills.clear();
        return drained;
    }
}
