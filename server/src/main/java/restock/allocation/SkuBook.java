package restock.allocation;

import restock.catalog.BackorderPolicy;
import restock.catalog.Lifecycle;
import restock.catalog.Sku;
import restock.common.Conflict;
import restock.orders.OrderEventKind;
import restock.promise.Outlook;
import restock.promise.Promise;
import restock.promise.PromiseSettings;
import restock.promise.Promising;
import restock.promise.SupplyPortion;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One SKU's stock, backorder queue and incoming supply, as seen by the single writer of that SKU (the book is
 * loaded under the SKU's row lock). Commands change it in memory; {@link #changes()} hands what was decided to the
 * shell to write.
 *
 * <p>Invariants, checked after every command: on hand never negative, reserved within on hand, and no unit free
 * while a line waits (stock that becomes free goes to the queue first, in {@link BackorderQueue} order).
 */
public final class SkuBook {
    /** On hand and incoming per SKU stay within these, so neither (nor their sum) overflows an int; the schema checks them too. */
    public static final int MAX_UNITS_ON_HAND = 1_000_000_000;
    public static final int MAX_UNITS_INCOMING = 1_000_000_000;

    private final Sku sku;
    private final BackorderPolicy policy;
    private final Lifecycle lifecycle;
    private final PromiseSettings settings;
    private int onHand;
    private int reserved;
    private int heldForWaitlist;
    private final BackorderQueue queue;
    private final List<IncomingSupply> supply;
    private final Set<Peg> storedPegs;
    private final Map<Long, StoredPromise> storedPromises;
    private final List<Fill> fills = new ArrayList<>();

    /** The stored state, as loaded; units that became free since it was written go to the queue at once. */
    public SkuBook(Sku sku, BackorderPolicy policy, Lifecycle lifecycle, PromiseSettings settings, int onHand, int reserved,
                   int heldForWaitlist, List<WaitingLine> queue, List<IncomingSupply> supply, Set<Peg> storedPegs,
                   Map<Long, StoredPromise> storedPromises) {
        if (heldForWaitlist < 0) {
            throw new IllegalStateException(sku + " has " + heldForWaitlist + " units held for waitlisters");
        }
        this.sku = sku;
        this.policy = policy;
        this.lifecycle = lifecycle;
        this.settings = settings;
        this.onHand = onHand;
        this.reserved = reserved;
        this.heldForWaitlist = heldForWaitlist;
        this.queue = new BackorderQueue(queue);
        this.supply = new ArrayList<>(supply);
        this.supply.sort(IncomingSupply.arrivalOrder(settings.today(), settings.threshold()));
        this.storedPegs = new HashSet<>(storedPegs);
        this.storedPromises = new HashMap<>(storedPromises);
        fillQueue();
    }

    /** A new SKU's book, or one for a test: nothing stored yet. */
    public static SkuBook of(Sku sku, BackorderPolicy policy, PromiseSettings settings, int onHand, int reserved,
                             List<WaitingLine> queue, List<IncomingSupply> supply) {
        return new SkuBook(sku, policy, Lifecycle.ACTIVE, settings, onHand, reserved, 0, queue, supply, Set.of(), Map.of());
    }

    /** A copy to try a decision on, so that a refused whole order leaves this book untouched. */
    public SkuBook copy() {
        SkuBook copy = new SkuBook(sku, policy, lifecycle, settings, onHand, reserved, heldForWaitlist, queue.lines(), supply,
                storedPegs, storedPromises);
        copy.fills.addAll(fills);
        return copy;
    }

    /** What the one decision sees of this book. */
    public SkuPosition position() {
        return new SkuPosition(sku, policy, lifecycle, free(), Math.min(heldForWaitlist, available()), queue.waitingUnits(), supply, settings);
    }

    /** Applies {@link OrderDecision} to a new line: reserves, queues, refuses; the customer's own held units count as free. */
    public Admission admit(long lineId, int priority, Instant placedAt, int quantity, int ownHoldUnits) {
        Admission admission = OrderDecision.decide(position(), quantity, ownHoldUnits);
        int fromOwnHold = Math.max(0, admission.reserved() - free());
        heldForWaitlist -= fromOwnHold;
        reserved += admission.reserved();
        if (admission.waiting() > 0) {
            queue.add(new WaitingLine(lineId, priority, placedAt, admission.waiting()));
        }
        checkInvariants();
        return admission;
    }

    public Admission admit(long lineId, int priority, Instant placedAt, int quantity) {
        return admit(lineId, priority, placedAt, quantity, 0);
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
        IncomingSupply line = supplyLine(purchaseOrderLineId);
        if (quantity > line.openQuantity()) {
            throw new IllegalStateException("purchase order line " + purchaseOrderLineId + " has " + line.openQuantity()
                    + " units open, cannot receive " + quantity);
        }
        requireRoomOnHand(quantity);
        replaceSupply(line.withOpenQuantity(line.openQuantity() - quantity));
        onHand += quantity;
        fillQueue();
    }

    /** A purchase order line that will deliver no more (closed short or cancelled). */
    public void withdrawSupply(long purchaseOrderLineId) {
        supply.remove(supplyLine(purchaseOrderLineId));
    }

    /** A new date for an open purchase order line (a slip, or an earlier delivery). */
    public void reschedule(long purchaseOrderLineId, java.time.LocalDate expectedDate) {
        replaceSupply(supplyLine(purchaseOrderLineId).withExpectedDate(expectedDate));
    }

    /** Changes on hand by a signed quantity; refuses to take on hand below what is reserved. */
    public void adjust(int quantityDelta) {
        requireRoomOnHand(quantityDelta);
        if ((long) onHand + quantityDelta < reserved) {
            throw new Conflict("adjusting " + sku + " by " + quantityDelta + " would leave " + ((long) onHand + quantityDelta)
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

    /**
     * Moves a waiting line to the place its new priority gives it; the pegs and promises of the lines it passes
     * change with {@link #changes()}. Nothing is filled: while lines wait, no unit is free.
     */
    public boolean reprioritize(long lineId, int priority) {
        return queue.reprioritize(lineId, priority);
    }

    /** Takes a line out of the queue (cancelled while waiting) and returns how many units it waited for. */
    public int withdraw(long lineId) {
        return queue.withdraw(lineId);
    }

    /** Sets units aside for notified waitlisters; only free units can be held. */
    public void hold(int units) {
        if (units <= 0 || units > free()) {
            throw new IllegalStateException("cannot hold " + units + " units of " + sku + "; " + free() + " are free");
        }
        heldForWaitlist += units;
    }

    /** Units held for a waitlister who no longer needs them (their order took what it needed) are free again. */
    public void releaseHold(int units) {
        if (units <= 0 || units > heldForWaitlist) {
            throw new IllegalStateException("cannot release " + units + " held units of " + sku + "; " + heldForWaitlist + " are held");
        }
        heldForWaitlist -= units;
        fillQueue();
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

    /**
     * Waiting lines that neither the stock in the building (before a release) nor open supply fully covers: nothing
     * will come for them if the product is discontinued.
     */
    public List<Long> linesWithoutSupply() {
        return List.copyOf(uncoveredUnits().keySet());
    }

    /** Each waiting line's units that neither the stock in the building nor open supply covers, in queue order (lines with some only). */
    Map<Long, Integer> uncoveredUnits() {
        Map<Long, Integer> pegged = new HashMap<>();
        pegsNow().forEach(peg -> pegged.merge(peg.lineId(), peg.quantity(), Integer::sum));
        Map<Long, Integer> uncovered = new LinkedHashMap<>();
        int inTheBuilding = unitsInTheBuilding();
        for (WaitingLine line : queue.lines()) {
            int fromTheBuilding = Math.min(line.waitingQuantity(), inTheBuilding);
            inTheBuilding -= fromTheBuilding;
            int left = line.waitingQuantity() - fromTheBuilding - pegged.getOrDefault(line.lineId(), 0);
            if (left > 0) {
                uncovered.put(line.lineId(), left);
            }
        }
        return uncovered;
    }

    /** The pegs the queue has now: each waiting line's units promised from open supply, in queue order. */
    List<Peg> pegsNow() {
        return queue.pegs(unitsInTheBuilding(), supply);
    }

    private void fillQueue() {
        if (released()) {
            for (Fill fill : queue.fill(free())) {
                reserved += fill.quantity();
                fills.add(fill);
            }
        }
        checkInvariants();
    }

    /**
     * Hands over what was decided since the book was loaded (or since the last call): stock figures, fills, the
     * pegs and promises that changed, and the events they make. The caller writes them once.
     */
    public BookChanges changes() {
        List<BookChanges.LineEvent> events = new ArrayList<>();
        fills.forEach(fill -> events.add(new BookChanges.LineEvent(fill.lineId(), OrderEventKind.FILLED, fill.quantity())));
        Set<Peg> wanted = new HashSet<>(queue.pegs(unitsInTheBuilding(), supply));
        List<Peg> removed = storedPegs.stream().filter(peg -> !wanted.contains(peg)).toList();
        List<Peg> added = wanted.stream().filter(peg -> !storedPegs.contains(peg)).toList();
        List<BookChanges.PromiseUpdate> promises = new ArrayList<>();
        linePromises().forEach((lineId, outlook) -> {
            Optional<Promise> promise = outlook instanceof Outlook.Promised promised ? Optional.of(promised.promise()) : Optional.empty();
            double probability = promise.map(Promise::probability).orElseGet(() -> ((Outlook.Unconfirmed) outlook).probability());
            StoredPromise stored = storedPromises.get(lineId);
            if (stored != null && stored.commitmentDiffers(promise)) {
                events.add(new BookChanges.LineEvent(lineId, OrderEventKind.PROMISE_CHANGED, 0));
            }
            if (stored == null || stored.commitmentDiffers(promise) || stored.probability() != probability) {
                promises.add(new BookChanges.PromiseUpdate(lineId, promise, probability));
                storedPromises.put(lineId, new StoredPromise(promise, probability));
            }
        });
        BookChanges changes = new BookChanges(sku, onHand, reserved, queue.waitingUnits(), settings.today(), fills, removed, added, promises, events);
        storedPegs.clear();
        storedPegs.addAll(wanted);
        fills.clear();
        return changes;
    }

    /** Each waiting line's outlook, in queue order: from the stock in the building before a release, then its pegs. */
    Map<Long, Outlook> linePromises() {
        Map<Long, IncomingSupply> supplyById = new HashMap<>();
        supply.forEach(line -> supplyById.put(line.purchaseOrderLineId(), line));
        Map<Long, List<Peg>> pegsByLine = new HashMap<>();
        queue.pegs(unitsInTheBuilding(), supply).forEach(peg -> pegsByLine.computeIfAbsent(peg.lineId(), k -> new ArrayList<>()).add(peg));
        Map<Long, Integer> claimedSoFar = new HashMap<>();
        Map<Long, Outlook> outlooks = new LinkedHashMap<>();
        int inTheBuilding = unitsInTheBuilding();
        for (WaitingLine line : queue.lines()) {
            int fromTheBuilding = Math.min(line.waitingQuantity(), inTheBuilding);
            inTheBuilding -= fromTheBuilding;
            List<SupplyPortion> portions = new ArrayList<>();
            for (Peg peg : pegsByLine.getOrDefault(line.lineId(), List.of())) {
                IncomingSupply incoming = supplyById.get(peg.purchaseOrderLineId());
                int before = claimedSoFar.getOrDefault(peg.purchaseOrderLineId(), 0);
                portions.add(new SupplyPortion(incoming.purchaseOrderLineId(), incoming.expectedDate(), incoming.openQuantity(), before,
                        peg.quantity(), incoming.odds()));
                claimedSoFar.put(peg.purchaseOrderLineId(), before + peg.quantity());
            }
            int pegged = portions.stream().mapToInt(SupplyPortion::units).sum();
            outlooks.put(line.lineId(), outlook(portions, line.waitingQuantity() - fromTheBuilding - pegged));
        }
        return outlooks;
    }

    private Outlook outlook(List<SupplyPortion> portions, int unpegged) {
        Optional<java.time.LocalDate> release = released() ? Optional.empty() : lifecycle.releaseDate();
        if (portions.isEmpty() && unpegged == 0 && release.isPresent()) {
            return new Outlook.Promised(new Promise(release.get(), release.get(), 1.0, Optional.empty()));
        }
        Outlook outlook = Promising.promise(portions, unpegged, settings);
        if (release.isPresent() && outlook instanceof Outlook.Promised promised) {
            Promise p = promised.promise();
            java.time.LocalDate day = release.get();
            return new Outlook.Promised(new Promise(p.from().isAfter(day) ? p.from() : day, p.to().isAfter(day) ? p.to() : day,
                    p.probability(), p.purchaseOrderLineId()));
        }
        return outlook;
    }

    private void checkInvariants() {
        if (onHand < 0 || reserved < 0 || reserved > onHand) {
            throw new IllegalStateException("stock of " + sku + " broke its invariants: onHand=" + onHand + " reserved=" + reserved);
        }
        if (released() && free() > 0 && !queue.isEmpty()) {
            throw new IllegalStateException(sku + " has " + free() + " units free while " + queue.lines().size() + " lines wait");
        }
    }

    private IncomingSupply supplyLine(long purchaseOrderLineId) {
        return supply.stream().filter(line -> line.purchaseOrderLineId() == purchaseOrderLineId).findFirst()
                .orElseThrow(() -> new IllegalStateException("purchase order line " + purchaseOrderLineId + " is not open supply of " + sku));
    }

    private void replaceSupply(IncomingSupply line) {
        supply.removeIf(existing -> existing.purchaseOrderLineId() == line.purchaseOrderLineId());
        supply.add(line);
        supply.sort(IncomingSupply.arrivalOrder(settings.today(), settings.threshold()));
    }

    /** A new purchase order line. */
    public void expectSupply(IncomingSupply line) {
        replaceSupply(line);
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

    /** Whether the product may be shipped today (no release date, or it has come). */
    public boolean released() {
        return SkuPosition.released(lifecycle, settings.today());
    }

    private int unitsInTheBuilding() {
        return released() ? 0 : free();
    }

    public Sku sku() { return sku; }
    public BackorderPolicy policy() { return policy; }
    public Lifecycle lifecycle() { return lifecycle; }
    public PromiseSettings settings() { return settings; }
    public int onHand() { return onHand; }
    public int reserved() { return reserved; }
    public int available() { return onHand - reserved; }
    /** Available units nobody holds: what the queue and new orders may take (once the product is released). */
    public int free() { return Math.max(0, available() - heldForWaitlist); }
    public int heldForWaitlist() { return heldForWaitlist; }
    public int incoming() { return supply.stream().mapToInt(IncomingSupply::openQuantity).sum(); }
    public int waitingQuantity() { return queue.waitingUnits(); }
    public List<WaitingLine> queue() { return queue.lines(); }
    public List<IncomingSupply> supply() { return List.copyOf(supply); }

    /** Whether fills were made that are not written yet (units freed by a lapsed hold or a release day went to the queue at load). */
    public boolean hasUnsavedFills() {
        return !fills.isEmpty();
    }
}
