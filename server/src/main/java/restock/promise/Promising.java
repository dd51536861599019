package restock.promise;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * Turns supply portions into a promise: the earliest date by which every portion will have arrived, in full,
 * and been handled, with at least the threshold probability; reaching at most a set number of days past the
 * latest confirmed date. Portions are assumed independent; a line not yet arrived by today is judged on the
 * lateness still possible (an overdue purchase order gets later, less certain promises).
 */
public final class Promising {
    private Promising() {
    }

    public static Outlook promise(List<SupplyPortion> portions, int unpeggedUnits, PromiseSettings settings) {
        if (portions.isEmpty() || unpeggedUnits > 0) {
            return new Outlook.Unconfirmed(0, "nothing on order covers it");
        }
        double quantityFactor = 1;
        LocalDate latestExpected = portions.get(0).expectedDate();
        SupplyPortion last = portions.get(0);
        LocalDate earliest = settings.today();
        for (SupplyPortion portion : portions) {
            double shareNeeded = (double) (portion.unitsBefore() + portion.units()) / portion.openQuantity();
            quantityFactor *= portion.odds().fill().probabilityAtLeast(shareNeeded);
            if (!portion.expectedDate().isBefore(latestExpected)) {
                latestExpected = portion.expectedDate();
                last = portion;
            }
            LocalDate possible = portion.expectedDate().plusDays(portion.odds().lateness().min() + (long) settings.handlingDays());
            if (possible.isAfter(earliest)) {
                earliest = possible;
            }
        }
        LocalDate horizon = latestExpected.plusDays(settings.maxSlipDays() + (long) settings.handlingDays());
        double probability = 0;
        for (LocalDate day = settings.today(); !day.isAfter(horizon); day = day.plusDays(1)) {
            probability = quantityFactor * probabilityAllArrivedBy(portions, day.minusDays(settings.handlingDays()), settings.today());
            if (probability >= settings.threshold()) {
                LocalDate from = earliest.isAfter(day) ? day : earliest;
                return new Outlook.Promised(new Promise(from, day, probability, Optional.of(last.purchaseOrderLineId())));
            }
        }
        return new Outlook.Unconfirmed(probability, unlikelyReason(portions, settings));
    }

    /**
     * Why no promise, in words customer service can repeat: it said "incoming supply is not confirmed with 80%
     * probability within 14 days of the supplier's date" while the queue promised earlier customers dates from the
     * same delivery (an outside tester's finding). The rule is unchanged: too unlikely to arrive, in full, in time.
     */
    private static String unlikelyReason(List<SupplyPortion> portions, PromiseSettings settings) {
        boolean promisedFirst = portions.stream().anyMatch(portion -> portion.unitsBefore() > 0);
        String odds = "less than " + Math.round(settings.threshold() * 100) + "% likely to arrive, in full, within "
                + settings.maxSlipDays() + " days of the supplier's date";
        return promisedFirst
                ? "what is on order goes first to the orders already waiting, and the rest is not likely enough to arrive in time to promise more ("
                        + odds + ")"
                : "what is on order is not likely enough to arrive in time to promise it (" + odds + ")";
    }

    /** P(every portion has arrived by the day), given that none had arrived before today. */
    static double probabilityAllArrivedBy(List<SupplyPortion> portions, LocalDate day, LocalDate today) {
        double product = 1;
        for (SupplyPortion portion : portions) {
            DayDistribution lateness = portion.odds().lateness();
            long latenessByDay = ChronoUnit.DAYS.between(portion.expectedDate(), day);
            long latenessBeforeToday = ChronoUnit.DAYS.between(portion.expectedDate(), today) - 1;
            double notYet = 1 - lateness.probabilityAtMost(latenessBeforeToday);
            if (notYet <= 0) {
                return 0;
            }
            double arrived = (lateness.probabilityAtMost(latenessByDay) - lateness.probabilityAtMost(latenessBeforeToday)) / notYet;
            product *= Math.max(0, arrived);
        }
        return product;
    }
}
