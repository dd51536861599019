package restock.allocation;

import restock.catalog.Sku;
import restock.orders.OrderEventKind;
import restock.promise.Promise;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What a SKU book decided since it was loaded, as a value for the shell to write: the stock figures (worked out on
 * {@code settledOn}), the fills,
 * the pegs to drop and to add, the waiting lines' promises to store and the events to log. Writing it decides
 * nothing.
 */
public record BookChanges(Sku sku, int onHand, int reserved, int waiting, LocalDate settledOn, List<Fill> fills, List<Peg> pegsRemoved,
                          List<Peg> pegsAdded, List<PromiseUpdate> promises, List<LineEvent> events) {
    public BookChanges {
        fills = List.copyOf(fills);
        pegsRemoved = List.copyOf(pegsRemoved);
        pegsAdded = List.copyOf(pegsAdded);
        promises = List.copyOf(promises);
        events = List.copyOf(events);
    }

    /** A waiting line's promise to store: the commitment (empty when no confirmed supply covers it) and its probability. */
    public record PromiseUpdate(long lineId, Optional<Promise> promise, double probability) {
    }

    /** An event of one order line, decided by the book. */
    public record LineEvent(long lineId, OrderEventKind kind, int quantity) {
    }
}
