package restock.web;

import restock.payments.PaymentState;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** How the console writes money, dates, ages and promises: one place, so every page says them alike. */
public final class Format {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);
    private static final DateTimeFormatter DAY_IN_YEAR = DateTimeFormatter.ofPattern("d MMM", Locale.UK);
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.UK).withZone(ZoneOffset.UTC);

    private Format() {
    }

    public static String money(long amountMinor, String currency) {
        return amount(amountMinor, currency) + " " + currency;
    }

    /** An amount in minor units as the forms take it, in the currency's major unit: 1299 in GBP is "12.99", in JPY "1299". */
    public static String amount(long amountMinor, String currency) {
        int digits = restock.catalog.Currencies.minorDigits(currency);
        return BigDecimal.valueOf(amountMinor, digits).toPlainString();
    }

    public static String day(LocalDate day) {
        return DAY.format(day);
    }

    public static String day(Optional<LocalDate> day) {
        return day.map(Format::day).orElse("—");
    }

    /**
     * Days as a chart's axis says them, in the console's words: "7 Dec", with the year on the first day and on the first
     * day of each new year ("8 Nov 2026", ..., "28 Dec", "4 Jan 2027"), so that a chart longer than a year names each
     * "7 Dec" apart. The axes showed ISO dates ("2026-12-07") where every page says "7 Dec 2026" (an outside check).
     */
    public static List<String> axisDays(List<LocalDate> days) {
        List<String> labels = new java.util.ArrayList<>(days.size());
        for (int i = 0; i < days.size(); i++) {
            LocalDate day = days.get(i);
            boolean newYear = i == 0 || days.get(i - 1).getYear() != day.getYear();
            labels.add(newYear ? DAY.format(day) : DAY_IN_YEAR.format(day));
        }
        return labels;
    }

    /** A moment in UTC, to the minute. */
    public static String moment(Instant instant) {
        return MOMENT.format(instant) + " UTC";
    }

    /** How long ago, in the largest whole unit that is at least one: "3 days", "5 hours", "under an hour". */
    public static String age(Instant since, Instant now) {
        Duration age = Duration.between(since, now);
        if (age.toDays() >= 1) {
            return plural(age.toDays(), "day");
        }
        if (age.toHours() >= 1) {
            return plural(age.toHours(), "hour");
        }
        return "under an hour";
    }

    /** Whole days between a moment and now, for sorting and colouring by age. */
    public static long ageDays(Instant since, Instant now) {
        return Duration.between(since, now).toDays();
    }

    /**
     * A promise as staff read it: "8–14 Dec 2026 (89% likely by then)", "28 Nov – 3 Dec 2026", or "no date yet". It read
     * "8 Dec 2026 – 14 Dec 2026 (89%)", and nothing said what the 89% was (a newcomer's finding on the backorder queue).
     */
    public static String promise(Optional<LocalDate> from, Optional<LocalDate> to, Optional<Double> probability) {
        if (from.isEmpty() || to.isEmpty()) {
            return "no date yet";
        }
        return range(from.get(), to.get()) + probability.map(p -> " (" + Math.round(p * 100) + "% likely by then)").orElse("");
    }

    /** Two days as one range, each part said once: "8–14 Dec 2026", "28 Nov – 3 Dec 2026", "29 Dec 2026 – 4 Jan 2027". */
    static String range(LocalDate from, LocalDate to) {
        if (from.equals(to)) {
            return day(to);
        }
        if (from.getYear() != to.getYear()) {
            return day(from) + " – " + day(to);
        }
        if (from.getMonth() != to.getMonth()) {
            return DAY_IN_YEAR.format(from) + " – " + day(to);
        }
        return from.getDayOfMonth() + "–" + day(to);
    }

    /** A rate from 0 to 1 as a whole percentage ("87%"), or a dash when there was nothing to measure. */
    public static String percent(Double rate) {
        return rate == null ? "—" : Math.round(rate * 100) + "%";
    }

    /** Days to one decimal ("4.5 days"), or a dash when there was nothing to measure. */
    public static String days(Double days) {
        return days == null ? "—" : units(Math.round(days * 10) / 10.0) + (days == 1.0 ? " day" : " days");
    }

    public static String units(double units) {
        return units == Math.rint(units) ? Long.toString((long) units) : String.format(Locale.ROOT, "%.1f", units);
    }

    /**
     * Why an order's reserved lines will not ship, by their payments: "1 line held: card declined", or "2 lines held:
     * payment not authorized yet" while the gateway has not answered.
     */
    public static String held(List<PaymentState> payments) {
        boolean declined = payments.stream().anyMatch(state -> state instanceof PaymentState.Failed);
        return plural(payments.size(), "line") + " held: " + (declined ? "card declined" : "payment not authorized yet");
    }

    /** A whole number of units with thousands grouped, as staff read them in a sentence: "10,560". */
    public static String count(long units) {
        return String.format(Locale.UK, "%,d", units);
    }

    /**
     * A backorder policy in the words the product forms offer it: "never", "when supply is confirmed", "always". The
     * product's change history showed the code ("backorders when-supply-confirmed → always", a newcomer's finding).
     */
    public static String backorders(String policyCode) {
        return switch (policyCode) {
            case "never" -> "never";
            case "when-supply-confirmed" -> "when supply is confirmed";
            case "always" -> "always";
            default -> throw new IllegalArgumentException("no words for the backorder policy '" + policyCode + "'");
        };
    }

    /**
     * What late and overdue mean, said wherever a purchase order's line is called either: a line not yet due showed "7
     * days late" with nothing on its page to say late counts from the date first confirmed (a newcomer's finding).
     */
    public static final String LATE_AND_OVERDUE = "Late: units still owed past the date the supplier first confirmed; "
            + "overdue: past the date they are expected now.";

    public static String plural(long count, String noun) {
        return count(count) + " " + noun(count, noun);
    }

    /** The noun as a count of it takes it, "order" for 1 and "orders" else: a card shows its figure apart from its words. */
    public static String noun(long count, String noun) {
        return count == 1 ? noun : noun + "s";
    }
}
