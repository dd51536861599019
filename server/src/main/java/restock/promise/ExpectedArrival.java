package restock.promise;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * When an open purchase order line is expected to arrive, judged on its supplier's record: the median day, given
 * that it has not arrived before today. A line more likely never to come than to come has no expected day.
 * Supply is claimed in this order, not in the order of the dates printed on the purchase orders, so that a line
 * long overdue stops standing in front of one that will come.
 */
public final class ExpectedArrival {
    /** The probability of having arrived by the expected day. */
    static final double MEDIAN = 0.5;

    private ExpectedArrival() {
    }

    public static Optional<LocalDate> of(LocalDate expectedDate, ArrivalOdds odds, LocalDate today) {
        long latenessBeforeToday = ChronoUnit.DAYS.between(expectedDate, today) - 1;
        OptionalInt lateness = odds.lateness().quantileGivenLaterThan(MEDIAN, latenessBeforeToday);
        return lateness.isPresent() ? Optional.of(expectedDate.plusDays(lateness.getAsInt())) : Optional.empty();
    }
}
