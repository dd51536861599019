package restock.promise;

import restock.catalog.Lifecycle;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/** The one status decision: the storefront's answer and an order's admission both come from here. */
public final class AvailabilityDecision {
    private static final DateTimeFormatter DAY_MONTH = DateTimeFormatter.ofPattern("d MMM", Locale.UK);

    private AvailabilityDecision() {
    }

    public static Availability decide(AvailabilitySteps steps, int quantity, Lifecycle lifecycle,
                                      Optional<Integer> restockIntervalDays, LocalDate today) {
        int shortfall = Math.max(0, quantity - steps.available());
        Optional<LocalDate> unreleased = lifecycle.releaseDate().filter(release -> release.isAfter(today));
        if (unreleased.isPresent()) {
            LocalDate release = unreleased.get();
            if (shortfall == 0) {
                return preorder(steps, new Promise(release, release, 1.0, 0));
            }
            if (steps.outlookFor(shortfall) instanceof Outlook.Promised promised) {
                Promise p = promised.promise();
                return preorder(steps, new Promise(later(p.from(), release), later(p.to(), release), p.probability(), p.purchaseOrderLineId()));
            }
            return new Availability(AvailabilityStatus.OUT_OF_STOCK, steps.available(), Optional.empty(),
                    Optional.of("not yet released; no confirmed supply"), "Coming soon");
        }
        if (shortfall == 0) {
            return new Availability(AvailabilityStatus.IN_STOCK, steps.available(), Optional.empty(), Optional.empty(), "In stock");
        }
        if (lifecycle.discontinued()) {
            return new Availability(AvailabilityStatus.DISCONTINUED, steps.available(), Optional.empty(),
                    Optional.of("this product will not return"), "No longer available");
        }
        if (steps.outlookFor(shortfall) instanceof Outlook.Promised promised) {
            return new Availability(AvailabilityStatus.BACKORDER, steps.available(), Optional.of(promised.promise()), Optional.empty(),
                    "Backordered — ships " + range(promised.promise()));
        }
        Optional<String> note = restockIntervalDays.map(RestockCadence::note);
        return new Availability(AvailabilityStatus.OUT_OF_STOCK, steps.available(), Optional.empty(), note,
                note.map(n -> "Out of stock — " + n).orElse("Out of stock"));
    }

    private static Availability preorder(AvailabilitySteps steps, Promise promise) {
        return new Availability(AvailabilityStatus.PREORDER, steps.available(), Optional.of(promise), Optional.empty(),
                "Pre-order — ships " + range(promise));
    }

    /** "12–15 Dec", "28 Dec – 3 Jan", or "12 Dec". */
    public static String range(Promise promise) {
        LocalDate from = promise.from();
        LocalDate to = promise.to();
        if (from.equals(to)) {
            return DAY_MONTH.format(to);
        }
        if (from.getMonth() == to.getMonth() && from.getYear() == to.getYear()) {
            return from.getDayOfMonth() + "–" + DAY_MONTH.format(to);
        }
        return DAY_MONTH.format(from) + " – " + DAY_MONTH.format(to);
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
