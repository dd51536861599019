package restock.purchasing;

import restock.catalog.Sku;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** A purchase order with its lines as they stand. */
public record PurchaseOrder(long id, String supplier, Status status, Instant createdAt, List<Line> lines) {
    /** Open orders are incoming supply; closed and cancelled ones deliver no more. */
    public enum Status {
        OPEN, CLOSED, CANCELLED;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static Status parse(String code) {
            return valueOf(code.toUpperCase(java.util.Locale.ROOT));
        }
    }

    /**
     * One line: ordered and received quantity, expected and actual dates (supplier reliability reads these), and the
     * date the supplier first confirmed, which a move does not change (lateness is counted from it).
     */
    public record Line(long id, int lineNumber, Sku sku, int quantityOrdered, int quantityReceived, LocalDate expectedDate,
                       Optional<Instant> firstReceivedAt, Optional<Instant> lastReceivedAt, LocalDate firstConfirmedDate) {
        public int openQuantity() {
            return quantityOrdered - quantityReceived;
        }

        /** Days the expected date has moved from the first confirmed one (positive: later). */
        public long daysMoved() {
            return java.time.temporal.ChronoUnit.DAYS.between(firstConfirmedDate, expectedDate);
        }
    }

    public boolean fullyReceived() {
        return lines.stream().allMatch(line -> line.openQuantity() == 0);
    }
}
