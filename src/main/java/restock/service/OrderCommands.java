package restock.service;

import org.jdbi.v3.core.Handle;
import restock.allocation.Placement;
import restock.allocation.SkuBook;
import restock.catalog.Sku;
import restock.common.Conflict;
import restock.common.NotFound;
import restock.orders.LineState;
import restock.orders.Order;
import restock.orders.OrderLine;
import restock.orders.OrderRequest;
import restock.store.SqlBooks;
import restock.store.SqlBooks.Movement;
import restock.store.SqlOrders;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/** Placing, cancelling and shipping orders: load the SKUs' books under lock, decide, persist, in the caller's transaction. */
public final class OrderCommands {
    private final Clock clock;
    private final Books books;

    public OrderCommands(Clock clock, Books books) {
        this.clock = clock;
        this.books = books;
    }

    public Order place(Handle handle, OrderRequest request) {
        Instant now = clock.instant();
        Set<Sku> skus = new TreeSet<>();
        request.lines().forEach(line -> skus.add(line.sku()));
        Map<Sku, SkuBook> books = this.books.lock(handle, skus);
        List<Long> lineIds = SqlOrders.nextLineIds(handle, request.lines().size());
        Placement.Decision decision = Placement.decide(request, books, lineIds, now);
        long orderId = SqlOrders.insertOrder(handle, request, lineIds, decision.admissions(), now);
        SqlBooks.save(handle, decision.books().values(), now);
        return find(handle, orderId);
    }

    public Order find(Handle handle, long orderId) {
        return SqlOrders.findOrder(handle, orderId, false)
                .orElseThrow(() -> new NotFound("id", "no order with id " + orderId));
    }

    /** Cancels every open line: waiting units leave the queue, reserved units go to the next in line. */
    public Order cancel(Handle handle, long orderId) {
        return cancelLines(handle, orderId, line -> true);
    }

    public Order cancelLine(Handle handle, long orderId, int lineNumber) {
        Order order = find(handle, orderId);
        if (order.lines().stream().noneMatch(line -> line.lineNumber() == lineNumber)) {
            throw new NotFound("lineNumber", "order " + orderId + " has no line " + lineNumber);
        }
        return cancelLines(handle, orderId, line -> line.lineNumber() == lineNumber);
    }

    private Order cancelLines(Handle handle, long orderId, Predicate<OrderLine> selected) {
        Instant now = clock.instant();
        LockedOrder locked = lockOrder(handle, orderId);
        Order order = locked.order();
        Map<Sku, SkuBook> books = locked.books();
        List<OrderLine> open = order.lines().stream().filter(selected).filter(line -> line.quantities().open() > 0).toList();
        if (open.isEmpty()) {
            throw new Conflict("order " + orderId + " has nothing left to cancel: it is " + order.status().code());
        }
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
            SqlOrders.recordEvent(handle, orderId, line.id(), line.sku(), "cancelled", line.quantities().open(), now);
        }
        SqlBooks.save(handle, books.values(), now);
        return find(handle, orderId);
    }

    /** Ships every line whose open units are all reserved; lines still waiting stay open. */
    public Order ship(Handle handle, long orderId) {
        Instant now = clock.instant();
        LockedOrder locked = lockOrder(handle, orderId);
        Order order = locked.order();
        Map<Sku, SkuBook> books = locked.books();
        List<OrderLine> ready = order.lines().stream().filter(line -> line.state() instanceof LineState.Reserved).toList();
        if (ready.isEmpty()) {
            throw new Conflict("order " + orderId + " has no line ready to ship: it is " + order.status().code());
        }
        for (OrderLine line : ready) {
            int units = line.quantities().reserved();
            books.get(line.sku()).ship(units);
            SqlOrders.updateLine(handle, line.id(), line.quantities().shippedAll());
            SqlBooks.recordMovement(handle, Movement.shipment(line.sku(), units, line.id(), now));
            SqlOrders.recordEvent(handle, orderId, line.id(), line.sku(), "shipped", units, now);
        }
        SqlBooks.save(handle, books.values(), now);
        return find(handle, orderId);
    }

    /**
     * Locks the SKUs first and the order's lines second, the same order a fill takes, then reads the lines
     * again so that a fill that ran meanwhile is seen.
     */
    private LockedOrder lockOrder(Handle handle, long orderId) {
        Order unlocked = find(handle, orderId);
        Map<Sku, SkuBook> books = this.books.lock(handle, skusOf(unlocked.lines()));
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
