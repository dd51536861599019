package restock.orders;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/** A customer's order with its lines. */
public record Order(long id, String customerEmail, int priority, Instant placedAt, List<OrderLine> lines) {
    public OrderStatus status() {
        return OrderStatus.of(lines.stream().map(OrderLine::state).toList());
    }

    /** The lines a cancellation can still take units of. */
    public List<OrderLine> cancellable() {
        return lines.stream().filter(OrderLine::cancellable).toList();
    }

    /**
     * Why the {@code chosen} lines (all of them when none are named) have nothing left to cancel, each by its own state,
     * and what in the order still can be cancelled: "order 1245 line 1 has shipped (1 unit), so nothing in it is left to
     * cancel; line 2 (2 units waiting) can still be cancelled". The order's status said it before, and a shipped line of a
     * backordered order read "nothing left to cancel: it is backordered" (an outside check).
     */
    public String nothingToCancel(List<OrderLine> chosen) {
        List<OrderLine> closed = chosen.isEmpty() ? lines : chosen;
        List<OrderLine> open = cancellable();
        String rest = open.isEmpty() ? "nothing else in order " + id + " is open"
                : (open.size() == 1 ? "line " : "lines ") + open.stream().map(line -> line.lineNumber() + " (" + openWords(line.quantities()) + ")")
                .collect(Collectors.joining(", ")) + " can still be cancelled";
        if (closed.size() == 1) {
            OrderLine line = closed.get(0);
            return "order " + id + " line " + line.lineNumber() + " " + closedWords(line) + ", so nothing in it is left to cancel; " + rest;
        }
        return "order " + id + " has nothing left to cancel: " + closed.stream().map(line -> "line " + line.lineNumber() + " " + closedWords(line))
                .collect(Collectors.joining(", ")) + (open.isEmpty() ? "" : "; " + rest);
    }

    /** What became of a line with nothing open, by its state: "has shipped (2 units; 1 more cancelled)". */
    private static String closedWords(OrderLine line) {
        LineQuantities q = line.quantities();
        LineState state = line.state();
        if (state instanceof LineState.Shipped) {
            return "has shipped (" + units(q.shipped()) + more(q.cancelled(), "cancelled") + more(q.refused(), "refused when ordered") + ")";
        }
        if (state instanceof LineState.Cancelled) {
            return "was cancelled (" + units(q.cancelled()) + more(q.refused(), "refused when ordered") + ")";
        }
        if (state instanceof LineState.Refused) {
            return "was refused when ordered (" + units(q.refused()) + ")";
        }
        throw new IllegalStateException("order line " + line.id() + " (line " + line.lineNumber() + ") is " + state.code()
                + ": it has units open, so it is not among those with nothing left to cancel");
    }

    private static String openWords(LineQuantities q) {
        return q.reserved() == 0 ? units(q.waiting()) + " waiting"
                : q.waiting() == 0 ? units(q.reserved()) + " reserved"
                : q.reserved() + " reserved, " + q.waiting() + " waiting";
    }

    private static String more(int count, String what) {
        return count == 0 ? "" : "; " + count + " more " + what;
    }

    private static String units(int count) {
        return count + (count == 1 ? " unit" : " units");
    }
}
