package restock.promise;

import java.time.LocalDate;

/** Units a promise takes from one open purchase order line, after the units earlier lines in the queue claimed on it. */
public record SupplyPortion(long purchaseOrderLineId, LocalDate expectedDate, int openQuantity, int unitsBefore, int units,
                            ArrivalOdds odds) {
}
