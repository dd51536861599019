package restock.promise;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/** How often a SKU usually restocks, learned from the dates it was received; no promise, just a timeline. */
public final class RestockCadence {
    /** Fewer intervals than this say nothing about a rhythm. */
    public static final int MIN_INTERVALS = 2;

    private RestockCadence() {
    }

    /** The median number of days between receipt dates, when there are enough of them. */
    public static Optional<Integer> typicalIntervalDays(List<LocalDate> receiptDates) {
        List<LocalDate> dates = new ArrayList<>(new TreeSet<>(receiptDates));
        if (dates.size() < MIN_INTERVALS + 1) {
            return Optional.empty();
        }
        List<Long> intervals = new ArrayList<>();
        for (int i = 1; i < dates.size(); i++) {
            intervals.add(ChronoUnit.DAYS.between(dates.get(i - 1), dates.get(i)));
        }
        intervals.sort(null);
        int middle = intervals.size() / 2;
        double median = intervals.size() % 2 == 1 ? intervals.get(middle) : (intervals.get(middle - 1) + intervals.get(middle)) / 2.0;
        return Optional.of((int) Math.round(median));
    }

    /** "usually restocks every ~2 weeks". */
    public static String note(int intervalDays) {
        if (intervalDays < 10) {
            return "usually restocks every ~" + intervalDays + (intervalDays == 1 ? " day" : " days");
        }
        long weeks = Math.round(intervalDays / 7.0);
        if (weeks < 9) {
            return "usually restocks every ~" + weeks + " weeks";
        }
        return "usually restocks every ~" + Math.round(intervalDays / 30.4) + " months";
    }
}
