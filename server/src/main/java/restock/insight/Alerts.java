package restock.insight;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The overview's warnings, decided from figures the store reads: a SKU whose free stock, at its recent rate, runs out
 * before its next receipt (projected stock against incoming), and a supplier whose recent receipts came later than
 * its earlier ones (slipping).
 */
public final class Alerts {
    /** Days of shipments that give a SKU's recent daily rate. */
    public static final int RATE_DAYS = 28;
    /** With nothing on order, a SKU is flagged when it runs out within this many days. */
    public static final int NO_RECEIPT_HORIZON_DAYS = 14;
    /** Receipts in this many recent days are compared with those of the {@link #EARLIER_DAYS} before them. */
    public static final int RECENT_DAYS = 28;
    public static final int EARLIER_DAYS = 90;
    /** A supplier slips when its recent receipts are on average at least this many days later than its earlier ones. */
    public static final double SLIP_DAYS = 2.0;
    /** Fewer recent receipts than this say nothing about a trend. */
    public static final int MIN_RECENT_RECEIPTS = 2;

    private Alerts() {
    }

    /** A SKU's free units, units shipped in the last {@link #RATE_DAYS} days, and the day its next open receipt is due. */
    public record SkuCover(String sku, String name, int freeUnits, int unitsShipped, Optional<LocalDate> nextReceipt) {
    }

    /** A SKU that runs out on {@code runsOutOn}, before its next receipt (or with none on order). */
    public record StockOut(String sku, String name, int freeUnits, double unitsPerDay, LocalDate runsOutOn, Optional<LocalDate> nextReceipt) {
    }

    /** A supplier's lines first received recently and earlier, with their average days late (early counts as on time). */
    public record SupplierReceipts(String supplier, int recentLines, double recentDaysLate, int earlierLines, double earlierDaysLate) {
    }

    /** A supplier whose recent receipts came later than before. */
    public record Slipping(String supplier, int recentLines, double recentDaysLate, double earlierDaysLate) {
    }

    /** Whether the SKU's free stock, at its recent daily rate, runs out before its next receipt. */
    public static Optional<StockOut> stockOut(SkuCover cover, LocalDate today) {
        if (cover.freeUnits() <= 0 || cover.unitsShipped() <= 0) {
            return Optional.empty();
        }
        double perDay = cover.unitsShipped() / (double) RATE_DAYS;
        LocalDate runsOut = today.plusDays((long) Math.floor(cover.freeUnits() / perDay));
        LocalDate limit = cover.nextReceipt().orElse(today.plusDays(NO_RECEIPT_HORIZON_DAYS + 1L));
        if (!runsOut.isBefore(limit)) {
            return Optional.empty();
        }
        return Optional.of(new StockOut(cover.sku(), cover.name(), cover.freeUnits(), Math.round(perDay * 10) / 10.0, runsOut,
                cover.nextReceipt()));
    }

    /** Whether a supplier's recent receipts were later, on average, than its earlier ones by {@link #SLIP_DAYS} or more. */
    public static Optional<Slipping> slipping(SupplierReceipts receipts) {
        if (receipts.recentLines() < MIN_RECENT_RECEIPTS || receipts.earlierLines() == 0
                || receipts.recentDaysLate() < receipts.earlierDaysLate() + SLIP_DAYS) {
            return Optional.empty();
        }
        return Optional.of(new Slipping(receipts.supplier(), receipts.recentLines(), round(receipts.recentDaysLate()),
                round(receipts.earlierDaysLate())));
    }

    private static double round(double days) {
        return Math.round(days * 10) / 10.0;
    }
}
