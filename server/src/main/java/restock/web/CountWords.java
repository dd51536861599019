package restock.web;

import restock.catalog.Sku;
import restock.service.StockCommands;
import restock.views.ConsoleRows;

import java.util.List;

/** What the SKU page's stock count says when it records nothing: a count far from the record, or one below what is reserved. */
final class CountWords {
    /** Order lines a refused count names (each a link); more are counted, not named. */
    static final int MAX_LINES_NAMED = 10;

    private CountWords() {
    }

    /** "510 is far from the 51 on record; check the shelf, then press Record count again to record it ...". */
    static String far(StockCommands.CountOutcome.FarFromRecord far) {
        return Format.count(far.countedQuantity()) + " is far from the " + Format.count(far.onHand()) + " on record; check the shelf, then press "
                + "Record count again to record it (a different number is checked again)";
    }

    /**
     * Why a count below what is reserved was not recorded, which order lines hold the units ("order 12 line 1", linked on
     * the page) and what staff can do on their pages. It spoke of "adjusting 84946 by -459" where staff had typed a count,
     * and named no order (an outside check). Cancelling frees units for the queue first, which it says too.
     */
    static String belowReserved(Sku sku, StockCommands.CountOutcome.BelowReserved below, List<ConsoleRows.ReservedLine> holders) {
        List<ConsoleRows.ReservedLine> named = holders.subList(0, Math.min(holders.size(), MAX_LINES_NAMED));
        List<String> lines = named.stream().map(line -> "order " + line.orderId() + " line " + line.lineNumber() + " (" + Format.count(line.reserved()) + ")").toList();
        String more = holders.size() > named.size() ? " and " + Format.plural(holders.size() - named.size(), "more line") : "";
        String freed = below.waiting() > 0 ? " (while " + Format.count(below.waiting()) + " units wait for " + sku.code()
                + ", units a cancel frees go to those orders first)" : "";
        return "a count of " + Format.count(below.countedQuantity()) + " is below the " + Format.count(below.reserved()) + " units of " + sku.code()
                + " reserved for open orders, and the record may not promise customers more than the shelf holds. The units are reserved for "
                + String.join(", ", lines) + more + ". The count can be recorded once at most " + Format.count(below.countedQuantity())
                + " are reserved: on each order's page, ship the units that have already left the shelf, or cancel lines that cannot be filled"
                + freed + "; then record the count again.";
    }
}
