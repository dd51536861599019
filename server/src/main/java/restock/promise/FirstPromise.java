package restock.promise;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A waiting line's first promise and how its wait ended, as recorded. {@link #verdict} is the one place that judges
 * whether a promise was kept: the calibration report, the KPI "promises kept" and the late-delivery offer all ask it.
 *
 * <p>A promise's last day is a ship-by day (see {@link Promising}): units allocated on day D ship on D plus the handling
 * days, so a fill keeps the promise only when that ship day is not after it. A customer who cancels before the last
 * day withdraws the promise (neither kept nor broken); cancelling after it, or still waiting after it, breaks it.
 *
 * @param statedProbability the probability stated with the first promise
 * @param promisedBy        the first promise's last day
 * @param filledOn          the day the line's last waiting units were allocated, if they were
 * @param cancelledOn       the day of the line's last cancellation, if any
 * @param stillWaiting      whether units of the line wait today
 */
public record FirstPromise(double statedProbability, LocalDate promisedBy, Optional<LocalDate> filledOn, Optional<LocalDate> cancelledOn,
                           boolean stillWaiting) {
    /** How a first promise stands. */
    public enum Verdict {
        KEPT, BROKEN, WITHDRAWN, OPEN;

        /** Kept or broken: counted in the calibration report and the KPIs; withdrawn and open promises are not. */
        public boolean settled() {
            return this == KEPT || this == BROKEN;
        }
    }

    public FirstPromise {
        if (filledOn.isPresent() && stillWaiting) {
            throw new IllegalStateException("a line whose waiting units were all allocated on " + filledOn.get() + " does not wait");
        }
    }

    public Verdict verdict(LocalDate today, int handlingDays) {
        if (filledOn.isPresent()) {
            return daysLate(promisedBy, filledOn.get(), handlingDays) > 0 ? Verdict.BROKEN : Verdict.KEPT;
        }
        if (!stillWaiting && cancelledOn.isPresent()) {
            return cancelledOn.get().isAfter(promisedBy) ? Verdict.BROKEN : Verdict.WITHDRAWN;
        }
        return today.isAfter(promisedBy) ? Verdict.BROKEN : Verdict.OPEN;
    }

    /** How many days after the promise's last day units allocated on {@code filledOn} ship (zero or less: on time). */
    public static long daysLate(LocalDate promisedBy, LocalDate filledOn, int handlingDays) {
        return java.time.temporal.ChronoUnit.DAYS.between(promisedBy, filledOn.plusDays(handlingDays));
    }
}
