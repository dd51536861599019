package restock.web;

import restock.purchasing.PurchaseOrder;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

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

    /**
     * The shade of one line on a day, one per line so the key names every colour a row shows: still to come first, then
     * came short (a line that came late and short is shaded short, and its badge says how late it came), then came late.
     */
    public static Optional<LineShade> of(PurchaseOrder order, PurchaseOrder.Line line, LocalDate today) {
        boolean arrived = line.firstReceivedAt().isPresent();
        long daysLate = order.daysLate(line, today);
        if (order.daysOverdue(line, today) > 0 || !arrived && daysLate > 0) {
            return Optional.of(OWED);
        }
        if (order.cameShort(line)) {
            return Optional.of(SHORT);
        }
        return arrived && daysLate > 0 ? Optional.of(LATE) : Optional.empty();
    }

    /** The shades the order's lines show on a day, each once, for the key. */
    public static Set<LineShade> onPage(PurchaseOrder order, LocalDate today) {
        Set<LineShade> shades = EnumSet.noneOf(LineShade.class);
        order.lines().forEach(line -> of(order, line, today).ifPresent(shades::add));
        return shades;
    }

    /** A row's class attribute: its shade's class ("" for none). */
    public static String classOf(PurchaseOrder order, PurchaseOrder.Line line, LocalDate today) {
        return of(order, line, today).map(LineShade::cssClass).orElse("");
    }
}
