package restock.allocation;

import restock.promise.ArrivalOdds;
import restock.promise.ExpectedArrival;
import restock.promise.SupplierReliability;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.Optional;

/** Units still to arrive on one open purchase order line, with what its supplier's record says about when. */
public record IncomingSupply(long purchaseOrderLineId, LocalDate expectedDate, int openQuantity, ArrivalOdds odds) {
    /** Supply from a supplier Restock knows nothing about yet: judged on the cautious prior. */
    public IncomingSupply(long purchaseOrderLineId, LocalDate expectedDate, int openQuantity) {
        this(purchaseOrderLineId, expectedDate, openQuantity, SupplierReliability.priorOdds());
    }

    public IncomingSupply {
        if (openQuantity < 0) {
            throw new IllegalStateException("purchase order line " + purchaseOrderLineId + " has " + openQuantity + " open units");
        }
    }

    /**
     * The order in which supply is claimed on a day: by expected arrival (learned lateness included), lines not
     * expected to come at all last; then by the printed date and the line id.
     */
    public static Comparator<IncomingSupply> arrivalOrder(LocalDate today, double confidence) {
        Comparator<Optional<LocalDate>> arrival = Comparator.comparing(day -> day.orElse(LocalDate.MAX));
        return Comparator.<IncomingSupply, Optional<LocalDate>>comparing(line -> line.expectedArrival(today, confidence), arrival)
                .thenComparing(IncomingSupply::expectedDate)
                .thenComparingLong(IncomingSupply::purchaseOrderLineId);
    }

    public Optional<LocalDate> expectedArrival(LocalDate today, double confidence) {
        return ExpectedArrival.of(expectedDate, odds, today, confidence);
    }

    public IncomingSupply withOpenQuantity(int quantity) {
        return new IncomingSupply(purchaseOrderLineId, expectedDate, quantity, odds);
    }

    public IncomingSupply withExpectedDate(LocalDate date) {
        return new IncomingSupply(purchaseOrderLineId, date, openQuantity, odds);
    }
}
