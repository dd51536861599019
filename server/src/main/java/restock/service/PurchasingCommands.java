package restock.service;

import org.jdbi.v3.core.Handle;
import restock.common.Paged;
import restock.allocation.SkuBook;
import restock.allocation.SupplyWithdrawal;
import restock.catalog.Sku;
import restock.catalog.SupplierNames;
import restock.common.Conflict;
import restock.common.InvalidInput;
import restock.common.NotFound;
import restock.purchasing.PurchaseOrder;
import restock.purchasing.PurchaseOrderRequest;
import restock.purchasing.ReceiptPlan;
import restock.inventory.Movement;
import restock.store.SqlCatalog;
import restock.store.SqlInventory;
import restock.store.SqlOrders;
import restock.store.SqlPurchasing;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Purchase orders: creating them (new incoming supply), receiving against them, closing and cancelling. */
public final class PurchasingCommands {
    /** The supplier names compared with an unknown one to suggest the closest (only read when a name is refused). */
    public static final int MAX_SUGGESTION_CANDIDATES = 10_000;
    private final Clock clock;
    private final Books books;

    public PurchasingCommands(Clock clock, Books books) {
        this.clock = clock;
        this.books = books;
    }

    public PurchaseOrder create(Handle handle, PurchaseOrderRequest request) {
        Instant now = clock.instant();
        Set<Sku> skus = new TreeSet<>();
        request.lines().forEach(line -> skus.add(line.sku()));
        request.requireExpectedFrom(this.books.today());
        requireKnownSkus(handle, request);
        long supplierId = request.newSupplier() ? SqlCatalog.supplierId(handle, request.supplier(), now)
                : SqlCatalog.findSupplierId(handle, request.supplier()).orElseThrow(() -> unknownSupplier(handle, request.supplier()));
        long id = SqlPurchasing.insert(handle, supplierId, request, now);
        // Loaded after the insert, the books hold the new lines as supply, judged on the supplier's history.
        Map<Sku, SkuBook> books = this.books.lock(handle, skus);
        books.values().forEach(SkuBook::requireIncomingWithinLimit);
        this.books.write(handle, books.values());
        return find(handle, id);
    }

    /** Refuses a supplier no one created, with the existing name it most likely meant. */
    private static NotFound unknownSupplier(Handle handle, String name) {
        String suggestion = SupplierNames.closest(name, SqlCatalog.supplierNames(handle, MAX_SUGGESTION_CANDIDATES))
                .map(closest -> "; did you mean '" + closest + "'?").orElse(".");
        return new NotFound("supplier", null, "no supplier '" + name + "'" + suggestion, " A purchase order names an existing supplier;"
                + " to order from a new one, create it first (POST /api/suppliers) or say it is new (\"newSupplier\": true in the API,"
                + " the console's New supplier box, import --new-suppliers)");
    }

    private static void requireKnownSkus(Handle handle, PurchaseOrderRequest request) {
        Set<Sku> known = new TreeSet<>();
        for (int i = 0; i < request.lines().size(); i++) {
            Sku sku = request.lines().get(i).sku();
            if (!known.contains(sku) && SqlCatalog.findProduct(handle, sku).isEmpty()) {
                throw new NotFound("lines[" + i + "].sku", "No product with SKU '" + sku + "' (line " + (i + 1) + "); create the product first");
            }
            known.add(sku);
        }
    }

    /** The most purchase orders one page lists. */
    public static final int MAX_PAGE_SIZE = 200;

    /**
     * Purchase orders after {@code afterId} in id order, a page at a time, optionally only those of one status
     * ({@code open}, {@code closed}, {@code cancelled}) or naming one SKU.
     */
    public Paged<PurchaseOrder> list(Handle handle, Optional<String> status, Optional<String> sku, long afterId, int limit) {
        if (limit < 1 || limit > MAX_PAGE_SIZE) {
            throw new InvalidInput("limit", "limit must be between 1 and " + MAX_PAGE_SIZE + ", was " + limit);
        }
        if (afterId < 0) {
            throw new InvalidInput("after", "after must be a purchase order id (0 or more), was " + afterId);
        }
        Optional<PurchaseOrder.Status> wanted = status.map(code -> java.util.Arrays.stream(PurchaseOrder.Status.values())
                .filter(known -> known.code().equals(code)).findFirst()
                .orElseThrow(() -> new InvalidInput("status", "status must be open, closed or cancelled, was '" + code + "'")));
        Optional<Sku> product = sku.map(Sku::of);
        return Paged.of(SqlPurchasing.list(handle, wanted, product, afterId, Paged.rowsToRead(limit)), limit);
    }

    public PurchaseOrder find(Handle handle, long id) {
        return SqlPurchasing.find(handle, id, false).orElseThrow(() -> new NotFound("id", "no purchase order with id " + id));
    }

    /** Receives units against the order's open lines; they go to waiting orders first, in queue order. */
    public PurchaseOrder receive(Handle handle, long id, List<ReceiptPlan.Received> received) {
        return receiveUnits(handle, id, received).getKey();
    }

    /** A waiting order line a receipt filled: by how many units, and how many of it still wait. */
    public record Filled(long orderId, int lineNumber, Sku sku, int units, int stillWaiting) {
    }

    /** What a receipt did: the purchase order after it, and the waiting lines its units filled, in the order they were filled. */
    public record Receipt(PurchaseOrder order, List<Filled> filled) {
        public Receipt {
            filled = List.copyOf(filled);
        }
    }

    /** As {@link #receive}, saying which waiting lines the units filled (the fills the SKU books made, not worked out again). */
    public Receipt receiveAndSay(Handle handle, long id, List<ReceiptPlan.Received> received) {
        Map.Entry<PurchaseOrder, List<restock.allocation.BookChanges>> done = receiveUnits(handle, id, received);
        List<restock.allocation.BookChanges> changes = done.getValue();
        List<Long> lineIds = changes.stream().flatMap(c -> c.fills().stream()).map(restock.allocation.Fill::lineId).toList();
        Map<Long, SqlOrders.FilledLine> lines = lineIds.isEmpty() ? Map.of() : SqlOrders.filledLines(handle, lineIds);
        List<Filled> filled = new java.util.ArrayList<>();
        for (restock.allocation.BookChanges change : changes) {
            for (restock.allocation.Fill fill : change.fills()) {
                SqlOrders.FilledLine line = lines.get(fill.lineId());
                filled.add(new Filled(line.orderId(), line.lineNumber(), change.sku(), fill.quantity(), line.waiting()));
            }
        }
        return new Receipt(done.getKey(), filled);
    }

    private Map.Entry<PurchaseOrder, List<restock.allocation.BookChanges>> receiveUnits(Handle handle, long id, List<ReceiptPlan.Received> received) {
        Instant now = clock.instant();
        PurchaseOrder order = lock(handle, id);
        List<ReceiptPlan.Allocation> plan = ReceiptPlan.plan(order, received);
        Map<Sku, SkuBook> books = this.books.lock(handle, skusOf(order));
        for (ReceiptPlan.Allocation allocation : plan) {
            books.get(allocation.sku()).receiveAgainst(allocation.purchaseOrderLineId(), allocation.quantity());
            SqlPurchasing.recordReceipt(handle, allocation.purchaseOrderLineId(), allocation.quantity(), now);
            SqlInventory.record(handle, Movement.receipt(allocation.sku(), allocation.quantity(), allocation.purchaseOrderLineId(), now));
        }
        // Read once after the receipts (open: the plan refuses any other order; it was read again after closing), as the
        // books write nothing of it.
        PurchaseOrder after = find(handle, id);
        if (after.fullyReceived()) {
            SqlPurchasing.end(handle, id, PurchaseOrder.Status.CLOSED, now);
            after = new PurchaseOrder(after.id(), after.supplier(), PurchaseOrder.Status.CLOSED, after.createdAt(), after.lines());
        }
        return Map.entry(after, this.books.write(handle, books.values()));
    }

    /**
     * Records the supplier's new date for a line (a slip, or an earlier delivery). The lines waiting on it are
     * re-promised in queue order, each with a promise_changed event when its promise moved.
     */
    public PurchaseOrder reschedule(Handle handle, long id, int lineNumber, LocalDate expectedDate) {
        Instant now = clock.instant();
        PurchaseOrderRequest.requireExpectedFrom("expectedDate", expectedDate, this.books.today());
        PurchaseOrder order = lock(handle, id);
        if (order.status() != PurchaseOrder.Status.OPEN) {
            throw new Conflict("purchase order " + id + " is " + order.status().code() + "; only open orders can be rescheduled");
        }
        PurchaseOrder.Line line = order.lines().stream().filter(l -> l.lineNumber() == lineNumber).findFirst()
                .orElseThrow(() -> new NotFound("lineNumber", "purchase order " + id + " has no line " + lineNumber));
        if (line.openQuantity() == 0) {
            throw new Conflict("line " + lineNumber + " of purchase order " + id + " is fully received");
        }
        SkuBook book = this.books.lock(handle, Set.of(line.sku())).get(line.sku());
        book.reschedule(line.id(), expectedDate);
        SqlPurchasing.reschedule(handle, line.id(), expectedDate);
        this.books.write(handle, List.of(book));
        return find(handle, id);
    }

    /** Ends an order that will deliver no more; its open units stop counting as incoming. */
    public PurchaseOrder close(Handle handle, long id) {
        return end(handle, id, PurchaseOrder.Status.CLOSED).order();
    }

    /** Cancels an order from which nothing was received (one that delivered in part is closed instead). */
    public PurchaseOrder cancel(Handle handle, long id) {
        return end(handle, id, PurchaseOrder.Status.CANCELLED).order();
    }

    /**
     * A waiting order line whose supply ending a purchase order moves: promised afterwards from the purchase orders named
     * (units from each), and with {@code uncoveredUnits} that nothing coming covers.
     */
    public record WaitingMoved(long orderId, int lineNumber, Sku sku, int waitingUnits, Map<Long, Integer> purchaseOrders, int uncoveredUnits) {
        public WaitingMoved {
            purchaseOrders = Map.copyOf(purchaseOrders);
        }

        public boolean withoutSupply() {
            return uncoveredUnits > 0;
        }
    }

    /** A purchase order ended (closed or cancelled), and the waiting lines that moved with it, by SKU and then in queue order. */
    public record Ended(PurchaseOrder order, List<WaitingMoved> waiting) {
        public Ended {
            waiting = List.copyOf(waiting);
        }
    }

    /**
     * What ending the order as {@code status} would do to the lines waiting on its supply, decided as {@link #end} decides
     * it (the same {@link SupplyWithdrawal}), writing nothing: the console says it before staff confirm. Refused as the end
     * itself would be.
     */
    public List<WaitingMoved> whatEndingDoes(Handle handle, long id, PurchaseOrder.Status status) {
        PurchaseOrder order = lock(handle, id);
        requireEndable(order, status);
        return waitingMoved(handle, withdrawals(order, this.books.lock(handle, skusOf(order))));
    }

    /** Ends the order as {@code status} (closed or cancelled); the lines that waited on its supply are re-promised. */
    public Ended end(Handle handle, long id, PurchaseOrder.Status status) {
        Instant now = clock.instant();
        PurchaseOrder order = lock(handle, id);
        requireEndable(order, status);
        Map<Sku, SkuBook> books = this.books.lock(handle, skusOf(order));
        List<SupplyWithdrawal> withdrawals = withdrawals(order, books);
        for (PurchaseOrder.Line line : order.lines()) {
            if (line.openQuantity() > 0) {
                books.get(line.sku()).withdrawSupply(line.id());
            }
        }
        SqlPurchasing.end(handle, id, status, now);
        this.books.write(handle, books.values());
        return new Ended(find(handle, id), waitingMoved(handle, withdrawals));
    }

    private static void requireEndable(PurchaseOrder order, PurchaseOrder.Status status) {
        if (status == PurchaseOrder.Status.OPEN) {
            throw new IllegalArgumentException("a purchase order is ended as closed or cancelled, not open");
        }
        if (order.status() != PurchaseOrder.Status.OPEN) {
            throw new Conflict("purchase order " + order.id() + " is already " + order.status().code());
        }
        if (status == PurchaseOrder.Status.CANCELLED && order.lines().stream().anyMatch(line -> line.quantityReceived() > 0)) {
            throw new Conflict("purchase order " + order.id() + " has received stock and cannot be cancelled; close it instead");
        }
    }

    /** For each SKU of the order, what withdrawing its open lines does to that SKU's waiting lines. */
    private static List<SupplyWithdrawal> withdrawals(PurchaseOrder order, Map<Sku, SkuBook> books) {
        Map<Sku, List<Long>> open = new java.util.TreeMap<>();
        order.lines().stream().filter(line -> line.openQuantity() > 0)
                .forEach(line -> open.computeIfAbsent(line.sku(), sku -> new java.util.ArrayList<>()).add(line.id()));
        return open.entrySet().stream().map(entry -> SupplyWithdrawal.of(books.get(entry.getKey()), entry.getValue())).toList();
    }

    /** The moved lines by order and line number, and the supply they are pegged to by purchase order. */
    private static List<WaitingMoved> waitingMoved(Handle handle, List<SupplyWithdrawal> withdrawals) {
        List<Long> lineIds = withdrawals.stream().flatMap(w -> w.moved().stream()).map(SupplyWithdrawal.Moved::lineId).toList();
        if (lineIds.isEmpty()) {
            return List.of();
        }
        Map<Long, SqlOrders.LinePlace> places = SqlOrders.placesOfLines(handle, lineIds);
        Map<Long, Long> purchaseOrderOf = SqlPurchasing.ordersOfLines(handle, withdrawals.stream().flatMap(w -> w.moved().stream())
                .flatMap(moved -> moved.peggedTo().keySet().stream()).collect(java.util.stream.Collectors.toSet()));
        List<WaitingMoved> moved = new java.util.ArrayList<>();
        for (SupplyWithdrawal withdrawal : withdrawals) {
            for (SupplyWithdrawal.Moved line : withdrawal.moved()) {
                Map<Long, Integer> byPurchaseOrder = new java.util.TreeMap<>();
                line.peggedTo().forEach((poLine, units) -> byPurchaseOrder.merge(purchaseOrderOf.get(poLine), units, Integer::sum));
                SqlOrders.LinePlace place = places.get(line.lineId());
                moved.add(new WaitingMoved(place.orderId(), place.lineNumber(), withdrawal.sku(), line.waitingUnits(), byPurchaseOrder,
                        line.uncoveredUnits()));
            }
        }
        return moved;
    }

    private static PurchaseOrder lock(Handle handle, long id) {
        return SqlPurchasing.find(handle, id, true).orElseThrow(() -> new NotFound("id", "no purchase order with id " + id));
    }

    private static Set<Sku> skusOf(PurchaseOrder order) {
        Set<Sku> skus = new TreeSet<>();
        order.lines().forEach(line -> skus.add(line.sku()));
        return skus;
    }
}
