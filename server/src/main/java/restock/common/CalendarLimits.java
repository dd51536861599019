package restock.common;

import java.time.LocalDate;

/**
 * The dates Restock accepts from outside: wide enough for any real plan or history, and far inside what
 * PostgreSQL's date type and date arithmetic hold ({@code +999999999-12-31} parses in Java but not there).
 */
public final class CalendarLimits {
    public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    public static final LocalDate LATEST = LocalDate.of(9999, 12, 31);

    private CalendarLimits() {
    }

    /** Whether a date is within the limits (V65 holds the database's dates from outside to them too). */
    public static boolean contains(LocalDate date) {
        return !date.isBefore(EARLIEST) && !date.isAfter(LATEST);
    }

    public static LocalDate require(String field, LocalDate date) {
        if (!contains(date)) {
            throw new InvalidInput(field, field + " must be a date between " + EARLIEST + " and " + LATEST + ", was " + date);
        }
        return date;
    }
}
