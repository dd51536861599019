package restock.web;

import restock.common.Conflict;
import restock.orders.LineQuantities;
import restock.orders.Order;
import restock.orders.OrderLine;
import restock.payments.CancelledCharge;
import restock.payments.LinePayment;
import restock.purchasing.PurchaseOrder;
import restock.service.PurchasingCommands;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The page a console cancel button shows before it acts: what cancelling will do, item by item, and a button that sends
 * the cancel again with {@link ConsoleActions#CONFIRM_FIELD}. A newcomer's one click cancelled an order, a line or a
 * purchase order at once (and with it the promises of the customers waiting on it), with no word of what it would do.
 */
public record CancelQuestion(String title, String lead, List<Item> items, List<String> notes, String action, String button, String back) {
    public CancelQuestion {
        items = List.copyOf(items);
        notes = List.copyOf(notes);
    }

    /** This question, leading back to {@code page} (the "No" link, and where the cancel leads when done): the queue it was asked from. */
    CancelQuestion leadingBackTo(String page) {
        return new CancelQuestion(title, lead, items, notes, action, button, page);
    }

    /** One thing cancelling does: to a line ("Line 2"), or to a waiting order's line (linked to its order). */
    public record Item(String label, Optional<String> href, String text) {
    }

    /**
     * Cancelling the order's open lines (all of them, or the one numbered {@code lineNumber}); refused, as the cancel
     * would be, when none of them is open.
     */
    static CancelQuestion order(Order order, Optional<Integer> lineNumber, Map<String, String> names, Map<Long, LinePayment> payments) {
        String page = "/console/orders/" + order.id();
        List<OrderLine> chosen = order.lines().stream().filter(line -> lineNumber.map(n -> line.lineNumber() == n).orElse(true)).toList();
        List<Item> items = new ArrayList<>();
        for (OrderLine line : chosen) {
            if (line.cancellable()) {
                items.add(new Item("Line " + line.lineNumber(), Optional.empty(), lineWords(line.quantities(), names.get(line.sku().code()))
                        + " " + ChargeWords.beforeStaffCancels(CancelledCharge.of(Optional.ofNullable(payments.get(line.id()))), line.quantities().open())));
            }
        }
        String what = lineNumber.map(n -> "line " + n + " of order " + order.id()).orElse("order " + order.id());
        String action = lineNumber.map(n -> page + "/lines/" + n + "/cancel").orElse(page + "/cancel");
        if (items.isEmpty()) {
            // The words the cancel itself refuses with: what became of each line, and what can still be cancelled.
            throw new Conflict(order.nothingToCancel(lineNumber.isPresent() ? chosen : List.of()));
        }
        String lead = "Cancelling " + what + " (" + order.customerEmail() + ") cancels what is still open:";
        return new CancelQuestion("Cancel " + what + "?", lead, items,
                List.of("Shipped units stay shipped. The customer is told by email what was cancelled; this cannot be undone."),
                action, "Yes, cancel " + what, page);
    }

    /** "3 × Silk Fan: the 2 waiting for stock leave the queue, and the 1 set aside goes back to stock (to the next waiting order first)." */
    private static String lineWords(LineQuantities q, String name) {
        String setAside = Format.count(q.reserved()) + " set aside " + (q.reserved() == 1 ? "goes" : "go") + " back to stock (to the next waiting order first)";
        if (q.waiting() == 0) {
            return Format.count(q.reserved()) + " × " + name + ": the " + setAside + ".";
        }
        return Format.count(q.open()) + " × " + name + ": the " + Format.count(q.waiting()) + " waiting for stock " + (q.waiting() == 1 ? "leaves" : "leave") + " the queue"
                + (q.reserved() > 0 ? ", and the " + setAside : "") + ".";
    }

    /** Waiting order lines a purchase order's question names one by one; the rest are counted. */
    static final int MOVED_LINES_SHOWN = 50;

    /**
     * Ending a purchase order, cancelled or closed short ({@code ending}): its open units stop coming, and each waiting
     * line they promised moves as {@code moved} says.
     */
    static CancelQuestion purchaseOrder(PurchaseOrder order, PurchaseOrder.Status ending, List<PurchasingCommands.WaitingMoved> moved,
                                        Map<String, String> names) {
        boolean close = ending == PurchaseOrder.Status.CLOSED;
        String page = "/console/purchase-orders/" + order.id();
        int open = order.lines().stream().mapToInt(PurchaseOrder.Line::openQuantity).sum();
        List<Item> items = moved.stream().limit(MOVED_LINES_SHOWN).map(line -> new Item("Order " + line.orderId() + " line " + line.lineNumber(),
                Optional.of("/console/orders/" + line.orderId()), movedWords(line, names.get(line.sku().code())))).toList();
        String what = "purchase order " + order.id();
        String lead = (close ? "Closing " + what + " to " + order.supplier() + " ends it as received so far: its "
                : "Cancelling " + what + " to " + order.supplier() + " takes its ")
                + Format.plural(open, "unit") + " on " + Format.plural(order.lines().size(), "line")
                + (close ? " still to come no longer count as incoming supply. " : " out of incoming supply. ")
                + (moved.isEmpty() ? "No waiting order is promised from it, so no customer's promise changes."
                : Format.plural(moved.size(), "waiting order line") + " would move:");
        List<String> notes = new ArrayList<>();
        if (moved.size() > MOVED_LINES_SHOWN) {
            notes.add("And " + Format.count(moved.size() - MOVED_LINES_SHOWN) + " more waiting order lines (the backorder queue lists them all).");
        }
        if (!moved.isEmpty()) {
            notes.add("Customers whose date changes are told by email. This cannot be undone.");
        }
        String verb = close ? "close" : "cancel";
        return new CancelQuestion((close ? "Close " : "Cancel ") + what + "?", lead, items, notes,
                page + "/" + verb, "Yes, " + verb + " " + what, page);
    }

    /** "3 × Silk Fan waiting: promised from purchase order 7 instead" or "... now without supply: nothing coming covers 2 of them". */
    static String movedWords(PurchasingCommands.WaitingMoved line, String name) {
        String from = line.purchaseOrders().isEmpty() ? ""
                : "promised from purchase order" + (line.purchaseOrders().size() == 1 ? " " : "s ")
                + String.join(", ", line.purchaseOrders().keySet().stream().sorted().map(String::valueOf).toList());
        String without = line.uncoveredUnits() == line.waitingUnits() ? "without supply: nothing coming covers them"
                : "without supply for " + Format.count(line.uncoveredUnits()) + " of them";
        return Format.count(line.waitingUnits()) + " × " + name + " waiting, "
                + (line.withoutSupply() ? (from.isEmpty() ? without : from + ", and " + without) : from + " instead");
    }
}
