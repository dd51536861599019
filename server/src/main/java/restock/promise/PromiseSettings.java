package restock.promise;

import java.time.LocalDate;

/**
 * How Restock promises: the probability a promise must reach, how far past a supplier's confirmed date it may
 * reach for it, the days from receipt to shipment, and today's date.
 */
public record PromiseSettings(double threshold, int maxSlipDays, int handlingDays, LocalDate today) {
    public static final double DEFAULT_THRESHOLD = 0.8;
    /** A promise may reach at most this far past the supplier's confirmed date; beyond it we say out of stock. */
    public static final int DEFAULT_MAX_SLIP_DAYS = 14;
    public static final int DEFAULT_HANDLING_DAYS = 1;

    public PromiseSettings {
        if (threshold <= 0 || threshold > 1) {
            throw new IllegalArgumentException("promise threshold must be in (0, 1], was " + threshold);
        }
        if (maxSlipDays < 0 || maxSlipDays > 365 || handlingDays < 0 || handlingDays > 60) {
            throw new IllegalArgumentException("maxSlipDays must be 0..365 and handlingDays 0..60");
        }
    }

    /** The same settings on another day. */
    public PromiseSettings on(LocalDate day) {
        return new PromiseSettings(threshold, maxSlipDays, handlingDays, day);
    }

    public static PromiseSettings defaults(LocalDate today) {
        return new PromiseSettings(DEFAULT_THRESHOLD, DEFAULT_MAX_SLIP_DAYS, DEFAULT_HANDLING_DAYS, today);
    }
}
