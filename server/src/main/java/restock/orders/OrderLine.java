package restock.orders;

import restock.catalog.Sku;

import java.util.Optional;

/** One line of an order as it stands. */
public record OrderLine(long id, int lineNumber, Sku sku, LineQuantities quantities, Optional<String> refusalReason) {
    public LineState state() {
        return quantities.state();
    }
}
