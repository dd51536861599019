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

    /**
     * " 1 now waits without supply: order 5 line 1; 2 waiting lines re-promised from purchase order 7: order 3 line 1, ...":
     * the lines left without supply first, as they are the ones to act on (a long list cut off at the cookie's length
     * named only the re-promised ones).
     */
    static String after(List<WaitingMoved> moved) {
        if (moved.isEmpty()) {
            return " No waiting order was promised from it.";
        }
        List<WaitingMoved> repromised = moved.stream().filter(line -> !line.withoutSupply()).toList();
        List<WaitingMoved> without = moved.stream().filter(WaitingMoved::withoutSupply).toList();
        List<String> parts = new ArrayList<>();
        if (!without.isEmpty()) {
            parts.add(Format.count(without.size()) + " now " + (without.size() == 1 ? "waits" : "wait") + " without supply: "
                    + named(without, line -> place(line) + (line.uncoveredUnits() < line.waitingUnits()
                    ? " (" + Format.count(line.uncoveredUnits()) + " of " + Format.plural(line.waitingUnits(), "unit") + ")" : "")));
        }
        if (!repromised.isEmpty()) {
            parts.add(Format.plural(repromised.size(), "waiting line") + " re-promised from " + purchaseOrders(repromised) + ": "
                    + named(repromised, WaitingWords::place));
        }
        return " " + String.join("; ", parts) + ". Customers whose date changed are told by email.";
    }

    private static String named(List<WaitingMoved> lines, Function<WaitingMoved, String> words) {
        String named = lines.stream().limit(NAMED_LINES).map(words).collect(Collectors.joining(", "));
        return lines.size() > NAMED_LINES ? named + " and " + (lines.size() - NAMED_LINES) + " more" : named;
    }

    private static String place(WaitingMoved line) {
        return "order " + line.orderId() + " line " + line.lineNumber();
    }

    /** "purchase order 7" or "purchase orders 7, 9": the supply the lines are promised from now. */
    private static String purchaseOrders(List<WaitingMoved> lines) {
        List<Long> ids = lines.stream().flatMap(line -> line.purchaseOrders().keySet().stream()).distinct().sorted().toList();
        return (ids.size() == 1 ? "purchase order " : "purchase orders ") + ids.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }
}
