package restock.promise;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * When an open purchase order line is expected to have arrived, judged on its supplier's record: the first day by
 * which it has come with the promise's confidence, given that it has not arrived before today. A line that cannot
 * reach that confidence has no expected day and goes last. Supply is claimed in this order, not in the order of the
 * dates printed on the purchase orders, so that a line unlikely to come stops standing in front of one that will.
 *
 * <p>It was the median day, and a line more likely to come than not (but not 80% likely) stood first: in the demo a
 * purchase order line 5 days overdue (75% likely ever to come) claimed a new order's unit ahead of 5,304 units due
 * that day (86% likely within two weeks), so the shop said "out of stock".
 */
public final class ExpectedArrival {
    private ExpectedArrival() {
    }

    public static Optional<LocalDate> of(LocalDate expectedDate, ArrivalOdds odds, LocalDate today, double confidence) {
        long latenessBeforeToday = ChronoUnit.DAYS.between(expectedDate, today) - 1;
        OptionalInt lateness = odds.lateness().quantileGivenLaterThan(confidence, latenessBeforeToday);
        return lateness.isPresent() ? Optional.of(expectedDate.plusDays(lateness.getAsInt())) : Optional.empty();
    }
}
