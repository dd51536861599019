package restock.planning;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A SKU's demand as the forecast of record and the plan read it: the totals of the complete calendar weeks and months
 * before the ones today is in, and the latest days one by one (the lead-time demand's spread).
 *
 * <p>The nightly plan keeps one for every SKU of the catalogue (the catalogue policy learns from all their weeks), so it
 * holds what the forecast needs and no more: some 370 numbers a SKU instead of 1,098 days. The database sums them
 * ({@code SqlPlanning}) over the calendar {@link Window} says; {@link #of} buckets a daily history the same way in Java,
 * and a property test holds the two to the same totals.
 *
 * @param today      the day the buckets are read for: its week and month are the current buckets, not history
 * @param weeks      totals of the latest complete weeks (Monday to Sunday) before today's, oldest first, at most {@link #MAX_WEEKS}
 * @param months     totals of the latest complete calendar months before today's, oldest first, at most {@link #MAX_MONTHS}
 * @param latestDays demand on each of the latest days before today, oldest first, at most {@link #LATEST_DAYS}
 */
public record DemandBuckets(LocalDate today, double[] weeks, double[] months, double[] latestDays) {
    /** Weeks kept: as many as a weekly forecast learns from. */
    public static final int MAX_WEEKS = ForecastGrain.WEEK.historyPeriods();
    /** Months kept: as many as a monthly forecast learns from. */
    public static final int MAX_MONTHS = ForecastGrain.MONTH.historyPeriods();
    /** Days kept one by one: the ones the lead-time demand's spread is drawn from. */
    public static final int LATEST_DAYS = Planner.SPREAD_DAYS;
    /** Weeks the grain is chosen from: the latest year. */
    static final int WEEKS_FOR_VOLUME = 52;

    public DemandBuckets {
        requireAtMost("weeks", weeks.length, MAX_WEEKS, today);
        requireAtMost("months", months.length, MAX_MONTHS, today);
        requireAtMost("latest days", latestDays.length, LATEST_DAYS, today);
    }

    private static void requireAtMost(String what, int count, int limit, LocalDate today) {
        if (count > limit) {
            throw new IllegalArgumentException("demand buckets for " + today + " hold at most " + limit + " " + what + ", got " + count);
        }
    }

    /** The totals of the complete buckets of a grain, oldest first. */
    public double[] buckets(ForecastGrain grain) {
        return grain == ForecastGrain.WEEK ? weeks : months;
    }

    /** The latest {@link #WEEKS_FOR_VOLUME} complete weeks (fewer when the history is shorter), oldest first. */
    public double[] latestYearOfWeeks() {
        return Arrays.copyOfRange(weeks, Math.max(0, weeks.length - WEEKS_FOR_VOLUME), weeks.length);
    }

    /** The grain that suits the SKU's volume over the latest year ({@link ForecastGrain#forVolume}). */
    public ForecastGrain grain() {
        return ForecastGrain.forVolume(latestYearOfWeeks());
    }

    /**
     * Days of history to read for a SKU whose first day (created, or first stocked, ordered or waitlisted) was
     * {@code firstDay}: at most {@code historyDays}, none before it. The days before a product existed are no demand:
     * read as zeros, they made three weeks of steady sales look intermittent (a newcomer's check).
     */
    public static int daysSince(LocalDate firstDay, LocalDate today, int historyDays) {
        return (int) Math.max(0, Math.min(historyDays, ChronoUnit.DAYS.between(firstDay, today)));
    }

    /**
     * The buckets of a daily history: {@code daily} holds the demand on each day before {@code today}, oldest first; a
     * bucket only partly covered by it is left out. The reference the database's sums are held to.
     */
    public static DemandBuckets of(double[] daily, LocalDate today) {
        return new DemandBuckets(today, completeBuckets(daily, today, ForecastGrain.WEEK, MAX_WEEKS),
                completeBuckets(daily, today, ForecastGrain.MONTH, MAX_MONTHS),
                Arrays.copyOfRange(daily, Math.max(0, daily.length - LATEST_DAYS), daily.length));
    }

    /**
     * Totals of the latest complete buckets of the grain before the one today is in, at most {@code count}, oldest first;
     * a bucket only partly covered by the daily history is left out.
     */
    static double[] completeBuckets(double[] daily, LocalDate today, ForecastGrain grain, int count) {
        LocalDate current = grain.grain().startOf(today);
        LocalDate firstDay = today.minusDays(daily.length);
        List<Double> totals = new ArrayList<>();
        LocalDate start = grain.plus(current, -1);
        while (totals.size() < count && !start.isBefore(firstDay)) {
            LocalDate end = grain.plus(start, 1);
            double total = 0;
            for (LocalDate day = start; day.isBefore(end); day = day.plusDays(1)) {
                total += daily[(int) ChronoUnit.DAYS.between(firstDay, day)];
            }
            totals.add(0, total);
            start = grain.plus(start, -1);
        }
        return totals.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /**
     * The calendar of a read of the {@code historyDays} days before today: the first complete week and month it
     * covers and how many, and the first of the latest days. The database sums demand over exactly these.
     */
    public record Window(LocalDate today, LocalDate firstWeek, int weeks, LocalDate firstMonth, int months, LocalDate firstLatestDay) {
        public static Window of(LocalDate today, int historyDays) {
            if (historyDays < 0 || historyDays > DemandHistory.MAX_DAYS) {
                throw new IllegalArgumentException("a demand read spans 0 to " + DemandHistory.MAX_DAYS + " days, was " + historyDays);
            }
            LocalDate firstDay = today.minusDays(historyDays);
            int weeks = completeSince(ForecastGrain.WEEK, firstDay, today, MAX_WEEKS);
            int months = completeSince(ForecastGrain.MONTH, firstDay, today, MAX_MONTHS);
            return new Window(today, ForecastGrain.WEEK.plus(ForecastGrain.WEEK.grain().startOf(today), -weeks), weeks,
                    ForecastGrain.MONTH.plus(ForecastGrain.MONTH.grain().startOf(today), -months), months,
                    today.minusDays(Math.min(historyDays, LATEST_DAYS)));
        }

        /** The earliest day any of the window's buckets covers. */
        public LocalDate firstDay() {
            LocalDate first = firstWeek.isBefore(firstMonth) ? firstWeek : firstMonth;
            return first.isBefore(firstLatestDay) ? first : firstLatestDay;
        }

        /** Days kept one by one: from {@link #firstLatestDay} to yesterday. */
        public int latestDays() {
            return (int) ChronoUnit.DAYS.between(firstLatestDay, today);
        }

        /** The buckets read over this window, checked to be as many as it has. */
        public DemandBuckets buckets(double[] weekTotals, double[] monthTotals, double[] latestDayTotals) {
            if (weekTotals.length != weeks || monthTotals.length != months || latestDayTotals.length != latestDays()) {
                throw new IllegalStateException("demand read for " + today + ": " + weekTotals.length + " weeks, " + monthTotals.length
                        + " months and " + latestDayTotals.length + " days, expected " + weeks + ", " + months + " and " + latestDays());
            }
            return new DemandBuckets(today, weekTotals, monthTotals, latestDayTotals);
        }

        /** How many of the grain's buckets before today's start on or after {@code firstDay}, at most {@code limit}. */
        private static int completeSince(ForecastGrain grain, LocalDate firstDay, LocalDate today, int limit) {
            LocalDate current = grain.grain().startOf(today);
            int count = 0;
            while (count < limit && !grain.plus(current, -(count + 1)).isBefore(firstDay)) {
                count++;
            }
            return count;
        }
    }
}
