package restock.orders;

import java.time.Instant;
import java.util.List;

/** A customer's order with its lines. */
public record Order(long id, String customerEmail, int priority, Instant placedAt, List<OrderLine> lines) {
    public OrderStatus status() {
        return OrderStatus.of(lines.stream().map(OrderLine::state).toList());
    }
}
