package restock.web;

import restock.purchasing.PurchaseOrder;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How a purchase order's page shades a line, and what its key says of each shade, by the purchase order's own rules
 * ({@link PurchaseOrder#daysLate}, {@link PurchaseOrder#daysOverdue}, {@link PurchaseOrder#cameShort}). A line overdue
 * with nothing arrived was shaded as one that "came late or came short" (an outside check): what is still to come
 * past its date, what came late and what came short are shaded apart, and the key names only those on the page.
 */
public enum LineShade {
    /** Units still to come, late or overdue: overdue, or late with nothing arrived yet. */
    OWED("owed", "Still to come, late or overdue: nothing arrived by the date first confirmed, or units are past the date expected now."),
    /** Its first units arrived after the date first confirmed. */
    LATE("late", "Came late: its first units arrived after the date first confirmed."),
    /** Its order was closed with fewer units arrived than ordered. */
    SHORT("short", "Came short: the order was closed with fewer units than were ordered.");

    private final String cssClass;
    private final String key;

    LineShade(String cssClass, String key) {
        this.cssClass = cssClass;
        this.key = key;
    }

    /** The row's and the swatch's class. */
    public String cssClass() {
        return cssClass;
    }

    /** What the key says of the shade. */
    public String key() {
        return key;
    }

    /** The shades of one line on a day. */
    public static Set<LineShade> of(PurchaseOrder order, PurchaseOrder.Line line, LocalDate today) {
        Set<LineShade> shades = EnumSet.noneOf(LineShade.class);
        boolean arrived = line.firstReceivedAt().isPresent();
        long daysLate = order.daysLate(line, today);
        if (order.daysOverdue(line, today) > 0 || !arrived && daysLate > 0) {
            shades.add(OWED);
        }
        if (arrived && daysLate > 0) {
            shades.add(LATE);
        }
        if (order.cameShort(line)) {
            shades.add(SHORT);
        }
        return shades;
    }

    /** The shades the order's lines have on a day, each once, for the key. */
    public static Set<LineShade> onPage(PurchaseOrder order, LocalDate today) {
        Set<LineShade> shades = EnumSet.noneOf(LineShade.class);
        order.lines().forEach(line -> shades.addAll(of(order, line, today)));
        return shades;
    }

    /** A row's class attribute: its shades' classes, space-separated ("" for none). */
    public static String classes(Set<LineShade> shades) {
        return shades.stream().map(LineShade::cssClass).collect(Collectors.joining(" "));
    }
}
