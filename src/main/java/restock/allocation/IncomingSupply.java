package restock.allocation;

import java.time.LocalDate;
import java.util.Comparator;

/** Units still to arrive on one open purchase order line. */
public record IncomingSupply(long purchaseOrderLineId, LocalDate expectedDate, int openQuantity) {
    /** Supply is claimed earliest-expected first. */
    public static final Comparator<IncomingSupply> ARRIVAL_ORDER = Comparator
            .comparing(IncomingSupply::expectedDate)
            .thenComparingLong(IncomingSupply::purchaseOrderLineId);

    public IncomingSupply {
        if (openQuantity < 0) {
            throw new IllegalStateException("purchase order line " + purchaseOrderLineId + " has " + openQuantity + " open units");
        }
    }
}
