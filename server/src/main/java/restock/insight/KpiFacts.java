package restock.insight;

import restock.promise.FirstPromise;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * What the KPIs are computed from, read from the record for one period: order lines placed in it, purchase order
 * lines due in it, each SKU's closing stock and shipments per day, and the SKUs' attributes. Values only.
 */
public record KpiFacts(LocalDate from, LocalDate to, LocalDate today, int handlingDays, List<LineFact> lines, List<SupplyFact> supply,
                       List<StockDay> stockDays, List<SkuFact> skus) {
    public KpiFacts {
        if (to.isBefore(from)) {
            throw new IllegalStateException("KPI period ends (" + to + ") before it starts (" + from + ")");
        }
        lines = List.copyOf(lines);
        supply = List.copyOf(supply);
        stockDays = List.copyOf(stockDays);
        skus = List.copyOf(skus);
    }

    /**
     * An order line as placed, and what became of it.
     *
     * @param reservedAtPlacement units served from stock when it was placed
     * @param backordered         units that had to wait
     * @param refused             units refused at placement
     * @param filledAt            when its waiting units were all allocated
     * @param firstPromise        the first promise it was given, and how its wait ended
     * @param cancelledWhileWaiting units cancelled while they waited, and why
     * @param waitingNow          units still waiting today
     */
    public record LineFact(long orderId, String sku, Instant placedAt, int quantity, int reservedAtPlacement, int backordered,
                           int refused, Optional<Instant> filledAt, Optional<FirstPromise> firstPromise, int cancelledWhileWaiting,
                           Optional<String> cancelReason, int waitingNow) {
        public LineFact {
            if (reservedAtPlacement + backordered + refused != quantity) {
                throw new IllegalStateException("line of order " + orderId + " for " + sku + " splits " + quantity + " units into "
                        + reservedAtPlacement + " reserved, " + backordered + " waiting and " + refused + " refused");
            }
        }

        public LocalDate placedOn() {
            return LocalDate.ofInstant(placedAt, ZoneOffset.UTC);
        }
    }

    /**
     * A purchase order line, judged against the date its supplier confirmed.
     *
     * @param receivedByConfirmedDate units received on or before the confirmed date
     * @param firstReceivedOn         the day its first units arrived
     */
    public record SupplyFact(String supplier, String sku, LocalDate orderedOn, LocalDate confirmedDate, int ordered,
                             int receivedByConfirmedDate, Optional<LocalDate> firstReceivedOn) {
    }

    /** A SKU's stock at the end of a day, and the units shipped that day. */
    public record StockDay(String sku, LocalDate day, int onHandAtEnd, int shippedUnits) {
    }

    /** A SKU's supplier and category (empty: none yet) and its price. */
    public record SkuFact(String sku, Optional<String> supplier, Optional<String> category, long priceMinor, String currency) {
    }
}
