package restock.service;

import org.jdbi.v3.core.Handle;
import restock.common.Paged;
import restock.allocation.Admission;
import restock.allocation.Placement;
import restock.allocation.SkuBook;
import restock.catalog.Product;
import restock.catalog.Sku;
import restock.common.Conflict;
import restock.common.InvalidInput;
import restock.common.NotFound;
import restock.orders.CancellationChannel;
import restock.orders.LineState;
import restock.orders.Order;
import restock.orders.OrderLine;
import restock.orders.OrderRequest;
import restock.engagement.RedeemedCode;
import restock.payments.LinePayment;
import restock.payments.PaymentPolicy;
import restock.payments.PaymentRules;
import restock.payments.PaymentState;
import restock.inventory.Movement;
import restock.orders.OrderEventKind;
import restock.store.SqlCatalog;
import restock.store.SqlInventory;
import restock.store.SqlOrders;
import restock.store.SqlPayments;
import restock.store.SqlWaitlist;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/** Placing, cancelling and shipping orders: load the SKUs' books under lock, decide, persist, in the caller's transaction. */
public final class OrderCommands {
    private final Clock clock;
    private final Books books;
    private final PaymentPolicy paymentPolicy;
    private final Offers offers;

    public OrderCommands(Clock clock, Books books, PaymentPolicy paymentPolicy, Offers offers) {
        this.clock = clock;
        this.books = books;
        this.paymentPolicy = paymentPolicy;
        this.offers = offers;
    }

    public Order place(Handle handle, OrderRequest request) {
        return place(handle, request, Optional.empty());
    }

    /** As {@link #place(Handle, OrderRequest)}, for a known client (API key and address) whose wrong discount codes are limited too. */
    public Order place(Handle handle, OrderRequest request, Optional<String> client) {
        Instant now = clock.instant();
        Set<Sku> skus = new TreeSet<>();
        request.lines().forEach(line -> skus.add(line.sku()));
        Map<Sku, SkuBook> books;
        try {
            books = this.books.lock(handle, skus);
        } catch (restock.common.NotFound unknown) {
            throw unknown.at("lines", request.lines().stream().map(line -> line.sku().code()).toList(), "sku");
        }
        List<Long> lineIds = SqlOrders.nextLineIds(handle, request.lines().size());
        List<String> codes = skus.stream().map(Sku::code).toList();
        Map<Sku, Integer> ownHolds = new java.util.HashMap<>();
        // The customer can hold units only of a SKU whose book holds some for waitlisters: without any, no statement
        // (one on every order before, nearly always finding none).
        if (books.values().stream().anyMatch(book -> book.heldForWaitlist() > 0)) {
            SqlWaitlist.holdsOf(handle, request.customerEmail(), codes, now).forEach((code, units) -> ownHolds.put(Sku.of(code), units));
        }
        Placement.Decision decision = Placement.decide(request, books, lineIds, now, ownHolds);
        long orderId = SqlOrders.insertOrder(handle, request, lineIds, decision.admissions(), now);
        // A customer's holds are used up by an order that takes anything; a refused order leaves them held.
        if (!ownHolds.isEmpty() && decision.usesHolds()) {
            SqlWaitlist.useHolds(handle, request.customerEmail(), codes, now);
        }
        this.books.write(handle, decision.books().values());
        Map<Long, Long> discounts = request.discountCode().isPresent()
                ? discounts(handle, request, lineIds, decision, orderId, client) : Map.of();
        request.paymentMethodToken().ifPresent(token -> openPayments(handle, request, lineIds, decision, token, discounts, now));
        return find(handle, orderId);
    }

    /**
     * Redeems the order's code on the value of its accepted units and records what it takes off each line it applies
     * to (a percentage off each unit's price); answers the amount off each line, by line id, for the lines' payments.
     */
    private Map<Long, Long> discounts(Handle handle, OrderRequest request, List<Long> lineIds, Placement.Decision decision, long orderId,
                                      Optional<String> client) {
        Map<String, Long> valueBySku = new java.util.HashMap<>();
        Map<Integer, Product> acceptedLines = new java.util.TreeMap<>();
        for (int i = 0; i < lineIds.size(); i++) {
            Admission admission = decision.admissions().get(i);
            long units = admission.reserved() + admission.waiting();
            if (units == 0) {
                continue;
            }
            Product product = SqlCatalog.findProduct(handle, request.lines().get(i).sku()).orElseThrow();
            valueBySku.merge(product.sku().code(), Math.multiplyExact(product.price().amountMinor(), units), Long::sum);
            acceptedLines.put(i, product);
        }
        restock.engagement.CodeAttempt attempt = restock.engagement.CodeAttempt.of(request.customerEmail(), request.discountCode().orElseThrow(), client);
        restock.engagement.DiscountCode.Redemption.Accepted accepted = offers.redeem(handle, attempt, valueBySku, orderId);
        List<RedeemedCode.LineDiscount> lines = new java.util.ArrayList<>();
        acceptedLines.forEach((i, product) -> {
            if (accepted.skus().contains(product.sku().code())) {
                Admission admission = decision.admissions().get(i);
                long unitPrice = product.price().amountMinor();
                lines.add(new RedeemedCode.LineDiscount(lineIds.get(i), unitPrice, accepted.unitDiscountMinor(unitPrice),
                        admission.reserved() + admission.waiting(), product.price().currency()));
            }
        });
        offers.recordDiscounts(handle, new RedeemedCode(attempt.code(), accepted.percentOff(), lines));
        Map<Long, Long> byLine = new java.util.HashMap<>();
        lines.forEach(line -> byLine.put(line.orderLineId(), line.discountMinor()));
        return byLine;
    }

    /** Each accepted line is paid for as the payment policy says: authorized now, or charged when it fills. */
    private void openPayments(Handle handle, OrderRequest request, List<Long> lineIds, Placement.Decision decision, String token,
                              Map<Long, Long> discounts, Instant now) {
        for (int i = 0; i < lineIds.size(); i++) {
            Admission admission = decision.admissions().get(i);
            int accepted = admission.reserved() + admission.waiting();
            if (accepted == 0) {
                continue;
            }
            long lineId = lineIds.get(i);
            Product product = SqlCatalog.findProduct(handle, request.lines().get(i).sku()).orElseThrow();
            Optional<LocalDate> promisedBy = admission.promise().map(restock.promise.Promise::to);
            PaymentState initial = PaymentRules.atPlacement(admission.waiting() > 0, promisedBy, token, paymentPolicy, now);
            long amount = Math.multiplyExact(product.price().amountMinor(), (long) accepted) - discounts.getOrDefault(lineId, 0L);
            SqlPayments.open(handle, lineId, initial, amount,
                    product.price().currency(), token, admission.waiting() > 0, now);
        }
    }

    /** The discount code redeemed on the order and what it took off each line, if one was. */
    public Optional<RedeemedCode> discount(Handle handle, Order order) {
        return offers.redeemedOn(handle, order.id());
    }

    /** Who cancelled the order's lines, why and when, oldest first (the order's page says it). */
    public List<restock.orders.Cancellation> cancellations(Handle handle, Order order) {
        return SqlOrders.cancellations(handle, order.id());
    }

    /** The payment of each of the order's lines that Restock takes payment for, by line id. */
    public Map<Long, LinePayment> payments(Handle handle, Order order) {
        // One statement for the order (it was one per line: an eight-line order's view or shipment read eight).
        Map<Long, LinePayment> payments = new java.util.HashMap<>();
        SqlPayments.ofOrder(handle, order.id()).forEach(payment -> payments.put(payment.orderLineId(), payment));
        return payments;
    }

    /** The most orders one page of the pick list holds. */
    public static final int MAX_PICK_LIST_PAGE = 200;

    /** An order with its lines' payments and its discount code, if any, as the pick list gives it. */
    public record ToShip(Order order, Map<Long, LinePayment> payments, Optional<RedeemedCode> discount) {
    }

    /**
     * The pick list: orders with a line that ships now ({@link #shipsNow}: all its open units reserved, its payment held
     * or taken where Restock takes one), oldest first, after a given order id.
     */
    public Paged<ToShip> toShip(Handle handle, long afterOrderId, int limit) {
        if (limit < 1 || limit > MAX_PICK_LIST_PAGE) {
            throw new InvalidInput("limit", "limit must be between 1 and " + MAX_PICK_LIST_PAGE + ", was " + limit);
        }
        Paged<Order> orders = Paged.of(SqlOrders.readyToShip(handle, afterOrderId,
                Paged.rowsToRead(limit)), limit);
        List<Long> ids = orders.items().stream().map(Order::id).toList();
        Map<Long, List<LinePayment>> payments = ids.isEmpty() ? Map.of() : SqlPayments.ofOrders(handle, ids);
        Map<Long, RedeemedCode> discounts = ids.isEmpty() ? Map.of() : offers.redeemedOn(handle, ids);
        return new Paged<>(orders.items().stream().map(order -> {
            Map<Long, LinePayment> byLine = new java.util.HashMap<>();
            payments.getOrDefault(order.id(), List.of()).forEach(payment -> byLine.put(payment.orderLineId(), payment));
            // The query and the rule ship() applies must agree: a listed order that cannot ship is a bug, not an answer.
            if (order.lines().stream().noneMatch(line -> shipsNow(line, byLine.get(line.id())))) {
                throw new IllegalStateException("the pick list's query and the shipping rule disagree: order " + order.id()
                        + " has no line that ships now");
            }
            return new ToShip(order, byLine, Optional.ofNullable(discounts.get(order.id())));
        }).toList(), orders.more());
    }

    public Order find(Handle handle, long orderId) {
        return SqlOrders.findOrder(handle, orderId, false)
                .orElseThrow(() -> new NotFound("id", "no order with id " + orderId));
    }

    /** Cancels every open line: waiting units leave the queue, reserved units go to the next in line. */
    public Order cancel(Handle handle, long orderId) {
        return cancel(handle, orderId, "cancelled by the shop", CancellationChannel.API);
    }

    /** Cancels every open line, recording why and through what (the API, a customer's cancel link). */
    public Order cancel(Handle handle, long orderId, String reason, CancellationChannel via) {
        return cancelLines(handle, orderId, line -> true, reason, via).after();
    }

    /**
     * What a cancel did: the order as the cancel found it under its locks, and after. Words about what was cancelled
     * come from these two: an order read before the cancel's transaction let two concurrent cancels each claim the
     * units the other cancelled (a fuzzer's finding: 9 units said cancelled of 6).
     */
    public record Cancelled(Order before, Order after) {
    }

    /** Cancels every open line of the order, or of its line numbered {@code lineNumber}, and says what it found and left. */
    public Cancelled cancelOpen(Handle handle, long orderId, Optional<Integer> lineNumber, String reason, CancellationChannel via) {
        if (lineNumber.isPresent()) {
            requireLine(find(handle, orderId), lineNumber.get());
            return cancelLines(handle, orderId, line -> line.lineNumber() == lineNumber.get(), reason, via);
        }
        return cancelLines(handle, orderId, line -> true, reason, via);
    }

    /** Cancels the lines still waiting for stock (the customer's one-click cancel); reserved lines stay. */
    public Cancelled cancelWaiting(Handle handle, long orderId, String reason, CancellationChannel via) {
        return cancelLines(handle, orderId, line -> line.state() instanceof LineState.Waiting, reason, via);
    }

    public Order cancelLine(Handle handle, long orderId, int lineNumber) {
        return cancelLine(handle, orderId, lineNumber, "cancelled by the shop", CancellationChannel.API);
    }

    public Order cancelLine(Handle handle, long orderId, int lineNumber, String reason, CancellationChannel via) {
        return cancelOpen(handle, orderId, Optional.of(lineNumber), reason, via).after();
    }

    private static void requireLine(Order order, int lineNumber) {
        if (order.lines().stream().noneMatch(line -> line.lineNumber() == lineNumber)) {
            throw new NotFound("lineNumber", "order " + order.id() + " has no line " + lineNumber);
        }
    }

    /**
     * Cancels the lines still waiting for a SKU that no open supply will fill (the product was discontinued): a
     * product that will not return cannot keep them waiting.
     */
    public List<Order> cancelLinesWithoutSupply(Handle handle, Sku sku, String reason) {
        List<Long> lineIds = books.lock(handle, Set.of(sku)).get(sku).linesWithoutSupply();
        Map<Long, List<Long>> byOrder = SqlOrders.ordersOfLines(handle, lineIds);
        return byOrder.entrySet().stream().map(entry -> cancelLines(handle, entry.getKey(),
                line -> entry.getValue().contains(line.id()), reason, CancellationChannel.DISCONTINUED).after()).toList();
    }

    private Cancelled cancelLines(Handle handle, long orderId, Predicate<OrderLine> selected, String reason, CancellationChannel via) {
        Instant now = clock.instant();
        LockedOrder locked = lockOrder(handle, orderId);
        Order order = locked.order();
        Map<Sku, SkuBook> books = locked.books();
        List<OrderLine> chosen = order.lines().stream().filter(selected).toList();
        List<OrderLine> open = chosen.stream().filter(OrderLine::cancellable).toList();
        if (open.isEmpty()) {
            throw new Conflict(order.nothingToCancel(chosen));
        }
        // Waits for any gateway call under way for these lines, so its outcome decides between void and refund; a
        // payment that holds nothing is closed at once (nothing to void, nothing to refund).
        open.forEach(line -> SqlPayments.lock(handle, line.id()).flatMap(PaymentRules::onCancellation)
                .ifPresent(closed -> SqlPayments.close(handle, line.id(), closed, now)));
        SqlPayments.recordCancellation(handle, orderId, reason, via, now);
        // Waiting units leave the queue before reserved units are released, so released stock cannot fill this order's own lines.
        for (OrderLine line : open) {
            if (line.quantities().waiting() > 0) {
                books.get(line.sku()).withdraw(line.id());
            }
        }
        for (OrderLine line : open) {
            if (line.quantities().reserved() > 0) {
                books.get(line.sku()).release(line.quantities().reserved());
            }
            SqlOrders.updateLine(handle, line.id(), line.quantities().cancelledOpen());
            SqlOrders.recordEvent(handle, orderId, line.id(), line.sku(), OrderEventKind.CANCELLED, line.quantities().open(), now);
        }
        this.books.write(handle, books.values());
        return new Cancelled(order, find(handle, orderId));
    }

    /**
     * Gives a waiting line another priority (0 to {@link OrderRequest#MAX_PRIORITY}; higher is served first): it
     * moves in its SKU's queue, and the promises of the lines it passes are recomputed (customers whose date moves are
     * told). The same priority again changes nothing.
     */
    public Order reprioritize(Handle handle, long orderId, int lineNumber, int priority) {
        if (priority < 0 || priority > OrderRequest.MAX_PRIORITY) {
            throw new InvalidInput("priority", "priority must be between 0 and " + OrderRequest.MAX_PRIORITY + ", was " + priority);
        }
        LockedOrder locked = lockOrder(handle, orderId);
        OrderLine line = locked.order().lines().stream().filter(l -> l.lineNumber() == lineNumber).findFirst()
                .orElseThrow(() -> new NotFound("lineNumber", "order " + orderId + " has no line " + lineNumber));
        if (line.quantities().waiting() == 0) {
            throw new Conflict("lineNumber", "order " + orderId + " line " + lineNumber + " is not waiting for stock ("
                    + line.state().code() + "): only waiting lines have a place in the queue");
        }
        SkuBook book = locked.books().get(line.sku());
        if (book.reprioritize(line.id(), priority)) {
            SqlOrders.setLinePriority(handle, line.id(), priority);
            this.books.write(handle, List.of(book));
        }
        return find(handle, orderId);
    }

    /** Ships every line whose open units are all reserved; lines still waiting stay open. */
    public Order ship(Handle handle, long orderId) {
        Instant now = clock.instant();
        LockedOrder locked = lockOrder(handle, orderId);
        Order order = locked.order();
        Map<Sku, SkuBook> books = locked.books();
        Map<Long, LinePayment> payments = payments(handle, order);
        List<OrderLine> reserved = order.lines().stream().filter(line -> line.state() instanceof LineState.Reserved).toList();
        List<OrderLine> ready = reserved.stream().filter(line -> shipsNow(line, payments.get(line.id()))).toList();
        if (ready.isEmpty()) {
            throw new Conflict(reserved.isEmpty()
                    ? "order " + orderId + " has no line ready to ship: it is " + order.status().code()
                    : "order " + orderId + " is reserved but its payment is not authorized yet; it can ship once it is");
        }
        for (OrderLine line : ready) {
            int units = line.quantities().reserved();
            books.get(line.sku()).ship(units);
            SqlOrders.updateLine(handle, line.id(), line.quantities().shippedAll());
            SqlInventory.record(handle, Movement.shipment(line.sku(), units, line.id(), now));
            SqlOrders.recordEvent(handle, orderId, line.id(), line.sku(), OrderEventKind.SHIPPED, units, now);
        }
        this.books.write(handle, books.values());
        return find(handle, orderId);
    }

    /**
     * Whether a shipment sends this line now: all its open units are reserved, and its payment, where Restock takes
     * one, is held or taken (goods never leave on a failed or pending authorization). The pick list holds the orders
     * with such a line.
     */
    public static boolean shipsNow(OrderLine line, LinePayment payment) {
        return line.state() instanceof LineState.Reserved && paidOrHeld(payment);
    }

    private static boolean paidOrHeld(LinePayment payment) {
        return payment == null || payment.state() instanceof PaymentState.Authorized || payment.state() instanceof PaymentState.Captured;
    }

    /**
     * Locks the SKUs first and the order's lines second, the same order a fill takes, then reads the lines
     * again so that a fill that ran meanwhile is seen.
     */
    private LockedOrder lockOrder(Handle handle, long orderId) {
        Order unlocked = find(handle, orderId);
        Map<Sku, SkuBook> books = this.books.lock(handle, skusOf(unlocked.lines()));
        // Units that became free since a book was written (a release day came, a hold lapsed) filled waiting lines as it
        // loaded: written first, so the order read next shows those lines reserved. Read before, a line the fill had
        // taken out of the queue still said it waited, and moving or cancelling it threw (a 500, the console form fuzzer).
        this.books.write(handle, books.values());
        return new LockedOrder(SqlOrders.findOrder(handle, orderId, true).orElseThrow(), books);
    }

    private record LockedOrder(Order order, Map<Sku, SkuBook> books) {
    }

    private static Set<Sku> skusOf(List<OrderLine> lines) {
        Set<Sku> skus = new TreeSet<>();
        lines.forEach(line -> skus.add(line.sku()));
        return skus;
    }
}
