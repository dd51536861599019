package restock.web;

import restock.service.PurchasingCommands.WaitingMoved;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What ending a purchase order did to the lines that waited on its supply, for the sentence after it: "Purchase order 12
 * cancelled." alone hid which customers were re-promised and which now wait with nothing coming (an outside check).
 */
final class WaitingWords {
    /**
     * Waiting lines named one by one in each group; the rest are counted. The sentence travels in a cookie of at most
     * {@link Console#MAX_FLASH_LENGTH} characters.
     */
    static final int NAMED_LINES = 3;

    private WaitingWords() {
    }

    /** " 2 waiting lines re-promised from other purchase orders: order 3 line 1 (now from purchase order 7), ...; 1 now without supply: ...". */
    static String after(List<WaitingMoved> moved) {
        if (moved.isEmpty()) {
            return " No waiting order was promised from it.";
        }
        List<WaitingMoved> repromised = moved.stream().filter(line -> !line.withoutSupply()).toList();
        List<WaitingMoved> without = moved.stream().filter(WaitingMoved::withoutSupply).toList();
        List<String> parts = new ArrayList<>();
        if (!repromised.isEmpty()) {
            parts.add(Format.plural(repromised.size(), "waiting line") + " re-promised from another purchase order: "
                    + named(repromised, line -> place(line) + " (now from " + purchaseOrders(line) + ")"));
        }
        if (!without.isEmpty()) {
            parts.add(without.size() + " now " + (without.size() == 1 ? "waits" : "wait") + " without supply: "
                    + named(without, line -> place(line) + (line.uncoveredUnits() < line.waitingUnits()
                    ? " (" + line.uncoveredUnits() + " of " + line.waitingUnits() + " units)" : "")));
        }
        return " " + String.join("; ", parts) + ". Customers whose date changed are told by email.";
    }

    private static String named(List<WaitingMoved> lines, Function<WaitingMoved, String> words) {
        String named = lines.stream().limit(NAMED_LINES).map(words).collect(Collectors.joining(", "));
        return lines.size() > NAMED_LINES ? named + " and " + (lines.size() - NAMED_LINES) + " more (see the backorders page)" : named;
    }

    private static String place(WaitingMoved line) {
        return "order " + line.orderId() + " line " + line.lineNumber();
    }

    private static String purchaseOrders(WaitingMoved line) {
        return (line.purchaseOrders().size() == 1 ? "purchase order " : "purchase orders ")
                + line.purchaseOrders().keySet().stream().sorted().map(String::valueOf).collect(Collectors.joining(", "));
    }
}
