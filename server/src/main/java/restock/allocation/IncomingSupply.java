package restock.allocation;

import restock.promise.ArrivalOdds;
import restock.promise.SupplierReliability;

import java.time.LocalDate;
import java.util.Comparator;

/** Units still to arrive on one open purchase order line. */
public record IncomingSupply(long purchaseOrderLineId, LocalDate expectedDate, int openQuantity, ArrivalOdds odds) {
    /** Supply is claimed earliest-expected first. */
    public static final Comparator<IncomingSupply> ARRIVAL_ORDER = Comparator
            .comparing(IncomingSupply::expectedDate)
            .thenComparingLong(IncomingSupply::purchaseOrderLineId);

    /** Supply from a supplier Restock knows nothing about yet: judged on the cautious prior. */
    public IncomingSupply(long purchaseOrderLineId, LocalDate expectedDate, int openQuantity) {
        this(purchaseOrderLineId, expectedDate, openQuantity, SupplierReliability.priorOdds());
    }

    public IncomingSupply withOpenQuantity(int quantity) {
        return new IncomingSupply(purchaseOrderLineId, expectedDate, quantity, odds);
    }

    public IncomingSupply {
        if (openQuantity < 0) {
            throw new IllegalStateException("purchase order line " + purchaseOrderLineId + " has " + openQuantity + " open units");
        }
    }
}
