package restock.web;

import restock.service.PurchasingCommands;

import java.util.List;

/**
 * What a purchase order page says after a receipt: the units, and the waiting order lines they filled, as the SKU books
 * filled them. It said only "waiting orders were filled first, in queue order", and staff could not tell whom (an
 * outside check). Each line is named "order 12 line 3", which the page links to its order.
 */
final class ReceiptWords {
    /** Filled lines named one by one; the rest are counted (the message is a flash, at most {@link Console#MAX_FLASH_LENGTH}). */
    static final int MAX_LINES_NAMED = 5;

    private ReceiptWords() {
    }

    /** "100 units received on purchase order 7. Filled: order 1221 line 3 (40), order 1156 line 6 (60 of 1,767 waiting)." */
    static String after(long purchaseOrderId, int units, List<PurchasingCommands.Filled> filled) {
        String received = Format.plural(units, "unit") + " received on purchase order " + purchaseOrderId + ".";
        if (filled.isEmpty()) {
            return received + " No order was waiting for them, so all went to stock.";
        }
        List<String> named = filled.stream().limit(MAX_LINES_NAMED).map(ReceiptWords::line).toList();
        List<PurchasingCommands.Filled> rest = filled.subList(named.size(), filled.size());
        String more = rest.isEmpty() ? "" : ", and " + Format.plural(rest.size(), "more line") + " ("
                + Format.plural(rest.stream().mapToInt(PurchasingCommands.Filled::units).sum(), "unit") + ")";
        return received + " Filled, in queue order: " + String.join(", ", named) + more + ".";
    }

    private static String line(PurchasingCommands.Filled line) {
        String of = line.stillWaiting() == 0 ? "" : " of " + Format.count(line.units() + line.stillWaiting()) + " waiting";
        return "order " + line.orderId() + " line " + line.lineNumber() + " (" + Format.count(line.units()) + of + ")";
    }
}
