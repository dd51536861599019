package restock.promise;

import java.time.LocalDate;

/** A ship-date range with the probability of shipping by its end, and the purchase order line it rests on. */
public record Promise(LocalDate from, LocalDate to, double probability, long purchaseOrderLineId) {
}
