package restock.planning;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Demand that tells the truth: per day, the units customers asked for (not only what shipped), split into what
 * was backordered and refused, plus waitlist sign-ups, with cancellations while waiting kept apart. A day on which
 * the SKU ran out or turned demand away is marked censored: its demand is a lower bound, not zero.
 */
public final class DemandHistory {
    /** The longest history one request may span. */
    public static final int MAX_DAYS = 3 * 366;

    private DemandHistory() {
    }

    /** One period's demand. */
    public record Period(LocalDate start, int ordered, int backordered, int refused, int waitlisted, int cancelledWhileWaiting,
                         boolean censored) {
        /** Demand a forecast should learn from: what was asked for, and what the waitlist asked for. */
        public int demand() {
            return ordered + waitlisted;
        }
    }

    /** How periods are grouped. */
    public enum Grain {
        DAY(date -> date), WEEK(date -> date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))),
        MONTH(date -> date.withDayOfMonth(1));

        private final Function<LocalDate, LocalDate> start;

        Grain(Function<LocalDate, LocalDate> start) {
            this.start = start;
        }

        public LocalDate startOf(LocalDate date) {
            return start.apply(date);
        }
    }

    /** Fills the days between {@code from} and {@code to} (inclusive) that had no activity with zeros, then groups them. */
    public static List<Period> rollUp(List<Period> days, LocalDate from, LocalDate to, Grain grain) {
        if (to.isBefore(from) || from.plusDays(MAX_DAYS).isBefore(to)) {
            throw new IllegalArgumentException("a demand history spans 1 to " + MAX_DAYS + " days, was " + from + " to " + to);
        }
        Map<LocalDate, Period> byDay = new LinkedHashMap<>();
        days.forEach(day -> byDay.put(day.start(), day));
        Map<LocalDate, Period> grouped = new LinkedHashMap<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            Period value = byDay.getOrDefault(day, new Period(day, 0, 0, 0, 0, 0, false));
            grouped.merge(grain.startOf(day), new Period(grain.startOf(day), value.ordered(), value.backordered(), value.refused(),
                    value.waitlisted(), value.cancelledWhileWaiting(), value.censored()), DemandHistory::add);
        }
        return new ArrayList<>(grouped.values());
    }

    private static Period add(Period a, Period b) {
        return new Period(a.start(), a.ordered() + b.ordered(), a.backordered() + b.backordered(), a.refused() + b.refused(),
                a.waitlisted() + b.waitlisted(), a.cancelledWhileWaiting() + b.cancelledWhileWaiting(), a.censored() || b.censored());
    }
}
