package restock.promise;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/**
 * The honest answer for a SKU and quantity, as a shop shows it: status, units available now, the promise if any,
 * a note, and the sentence to show. It only presents a decision made elsewhere (what an order for that quantity
 * would get); it decides nothing.
 */
public record Availability(AvailabilityStatus status, int available, Optional<Promise> eta, Optional<String> note, String message) {
    private static final DateTimeFormatter DAY_MONTH = DateTimeFormatter.ofPattern("d MMM", Locale.UK);
    private static final DateTimeFormatter DAY_MONTH_YEAR = DateTimeFormatter.ofPattern("d MMM uuuu", Locale.UK);

    /**
     * Presents what an order would get: {@code status} and {@code eta} of its decision, the units free now, the units
     * it would reserve and the units that would wait, when more is due for units refused although confirmed supply
     * covers them ({@code moreDue}: a product that may not wait for stock said "usually restocks every ~2 months" with
     * 2,460 units confirmed for 12 Dec, an outside check), whether the product is released, and its usual restock
     * interval for the note otherwise; dates as seen on {@code today}. A request that cannot be met in full but of which some units can
     * wait says how many can be ordered and when those ship (an outside check found "Out of stock" shown for 2,466
     * units when an order would get 2,465 waiting with a promise and 1 refused), and when more is due for the rest.
     */
    public static Availability of(AvailabilityStatus status, int available, int reservable, int waitable, Optional<Promise> eta,
                                  Optional<Promise> moreDue, boolean released, Optional<Integer> restockIntervalDays, LocalDate today) {
        Optional<String> cadence = restockIntervalDays.map(RestockCadence::note);
        Optional<String> more = moreDue.map(due -> "more is due " + range(due, today));
        Optional<String> timeline = more.or(() -> cadence);
        return switch (status) {
            case IN_STOCK -> new Availability(status, available, eta, Optional.empty(), "In stock");
            case PREORDER -> new Availability(status, available, eta, eta.isPresent() ? Optional.empty() : Optional.of("no confirmed date yet"),
                    eta.map(promise -> "Pre-order — ships " + range(promise, today)).orElse("Pre-order — no confirmed date yet"));
            case BACKORDER -> new Availability(status, available, eta, eta.isPresent() ? Optional.empty() : cadence,
                    eta.map(promise -> "Backordered — ships " + range(promise, today))
                            .orElse("Backordered — no confirmed date yet" + cadence.map(note -> "; " + note).orElse("")));
            case DISCONTINUED -> new Availability(status, available, Optional.empty(), Optional.of("this product will not return"),
                    reservable > 0 ? "Only " + reservable + " left; no longer made" : "No longer available");
            case OUT_OF_STOCK -> waitable > 0 ? partly(available, reservable, waitable, eta, released, more, timeline, today)
                    : outOfStock(available, reservable, released, more, timeline);
        };
    }

    /**
     * Not all the units asked for, but some of them in stock and some (or all of those) able to wait; and when more is
     * due for the rest (a cap reached: "Only 3 can be ordered: 3 on backorder, shipping 12–15 Dec" said nothing of the
     * 2,460 units confirmed for 18 Dec that the plain out-of-stock answer names).
     */
    private static Availability partly(int available, int reservable, int waitable, Optional<Promise> eta, boolean released,
                                       Optional<String> more, Optional<String> timeline, LocalDate today) {
        String when = eta.map(promise -> ", shipping " + range(promise, today)).orElse(", with no confirmed date yet");
        String waits = waitable + (released ? " on backorder" : " to pre-order") + when;
        String message = (reservable > 0 ? "Only " + (reservable + waitable) + " can be ordered: " + reservable + " in stock, " + waits
                : "Only " + waitable + " can be ordered: " + waits) + more.map(note -> "; " + note).orElse("");
        return new Availability(AvailabilityStatus.OUT_OF_STOCK, available, Optional.empty(), timeline, message);
    }

    /** Out of stock, with the timeline: when more is due, or how often it usually restocks. */
    private static Availability outOfStock(int available, int reservable, boolean released, Optional<String> more, Optional<String> timeline) {
        if (!released) {
            // Before the release, the cadence of past receipts says nothing; supply due does ("no confirmed supply" was
            // said of a product that may not wait for a purchase order due after its release).
            return new Availability(AvailabilityStatus.OUT_OF_STOCK, available, Optional.empty(),
                    Optional.of("not yet released; " + more.orElse("no confirmed supply")), more.map(note -> "Coming soon — " + note).orElse("Coming soon"));
        }
        String lead = reservable > 0 ? "Only " + reservable + " available" : "Out of stock";
        return new Availability(AvailabilityStatus.OUT_OF_STOCK, available, Optional.empty(), timeline,
                timeline.map(note -> lead + " — " + note).orElse(lead));
    }

    /**
     * Days ahead within which a day and month name one date only (the next such day); a date further ahead says its
     * year (an outside check saw "Pre-order — ships 31 Dec" for a release in 9999).
     */
    static final int YEAR_SHOWN_BEYOND_DAYS = 330;

    /** "12–15 Dec", "28 Dec – 3 Jan", "12 Dec", or with the year when a date is far ahead of {@code today}: "2–5 Mar 2028". */
    public static String range(Promise promise, LocalDate today) {
        LocalDate from = promise.from();
        LocalDate to = promise.to();
        boolean withYear = today.plusDays(YEAR_SHOWN_BEYOND_DAYS).isBefore(to);
        DateTimeFormatter format = withYear ? DAY_MONTH_YEAR : DAY_MONTH;
        if (from.equals(to)) {
            return format.format(to);
        }
        if (from.getMonth() == to.getMonth() && from.getYear() == to.getYear()) {
            return from.getDayOfMonth() + "–" + format.format(to);
        }
        return (withYear && from.getYear() != to.getYear() ? DAY_MONTH_YEAR : DAY_MONTH).format(from) + " – " + format.format(to);
    }
}
