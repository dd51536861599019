package restock.promise;

import java.util.Optional;

/** The honest answer for a SKU and quantity: status, units available, the promise if any, a note, and the sentence to show. */
public record Availability(AvailabilityStatus status, int available, Optional<Promise> eta, Optional<String> note, String message) {
}
