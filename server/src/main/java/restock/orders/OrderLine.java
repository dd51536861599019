package restock.orders;

import restock.catalog.Sku;
import restock.promise.Promise;

import java.util.Optional;

/** One line of an order as it stands, with the promise its waiting units were given (empty when none). */
public record OrderLine(long id, int lineNumber, Sku sku, LineQuantities quantities, Optional<String> refusalReason,
                        Optional<Promise> promise) {
    public LineState state() {
        return quantities.state();
    }

    /** Whether a cancellation can still take units of this line: some are reserved or waiting. */
    public boolean cancellable() {
        return quantities.open() > 0;
    }
}
