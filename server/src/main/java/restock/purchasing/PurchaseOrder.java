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

    /**
     * How many days late a line is: "late" is past the date the supplier first confirmed (it broke its first promise,
     * even if the date was moved since), as supplier reliability, root causes, the suppliers' "late" figures and the
     * overview's slipping suppliers count it: from that date to the day its first units arrived (a UTC day, as Restock's
     * "today" is), or, while nothing has arrived on an open order, to today. Zero is on time: a line due 16 Nov that
     * arrived 16 Nov 08:00 is not late, though units are still missing (the page said "late" for any line with units
     * missing past its date, also on a closed order, whose missing units are short, not late). Past the date it is
     * expected now is {@link #daysOverdue}, the other word.
     */
    public long daysLate(Line line, LocalDate today) {
        Optional<LocalDate> arrived = line.firstReceivedAt().map(PurchaseOrder::dayOf);
        if (arrived.isEmpty() && status != Status.OPEN) {
            return 0;
        }
        return daysLate(line.firstConfirmedDate(), arrived.orElse(today));
    }

    /** Days from the date a supplier first confirmed to a later day (an arrival, or a day with nothing arrived yet); zero if not later. */
    public static long daysLate(LocalDate firstConfirmedDate, LocalDate day) {
        return Math.max(0, java.time.temporal.ChronoUnit.DAYS.between(firstConfirmedDate, day));
    }

    /**
     * How many days overdue a line is: "overdue" is past the date it is expected now (moved or not) with units still to
     * come on an open order, counted to today. A line first confirmed for 1 Dec and moved to 20 Dec is, on 10 Dec, 9 days
     * late and not overdue; a line due 5 Dec, unmoved, is 5 days late and 5 days overdue.
     */
    public long daysOverdue(Line line, LocalDate today) {
        if (status != Status.OPEN || line.openQuantity() == 0) {
            return 0;
        }
        return Math.max(0, java.time.temporal.ChronoUnit.DAYS.between(line.expectedDate(), today));
    }

    /** Whether a line came short: its order is closed (nothing more will come) and fewer units arrived than were ordered. */
    public boolean cameShort(Line line) {
        return status == Status.CLOSED && line.openQuantity() > 0;
    }

    /** The day a moment falls on in Restock's days (UTC: the clock's "today", promises and the KPIs count in them). */
    public static LocalDate dayOf(Instant moment) {
        return LocalDate.ofInstant(moment, java.time.ZoneOffset.UTC);
    }

    public boolean fullyReceived() {
        return lines.stream().allMatch(line -> line.openQuantity() == 0);
    }
}
