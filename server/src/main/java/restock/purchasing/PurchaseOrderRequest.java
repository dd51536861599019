package restock.purchasing;

import restock.catalog.Sku;
import restock.common.InvalidInput;

import java.time.LocalDate;
import java.util.List;

/**
 * A validated request to order stock from a supplier. {@code newSupplier} says the request may introduce the
 * supplier (it is created when no supplier has the name); without it the supplier must exist already, so a typo is
 * refused instead of becoming a second supplier.
 */
public record PurchaseOrderRequest(String supplier, boolean newSupplier, List<Line> lines) {
    public static final int MAX_LINES = 500;
    public static final int MAX_UNITS_PER_LINE = 1_000_000;
    public static final int MAX_SUPPLIER_NAME_LENGTH = restock.common.TextLimit.SUPPLIER_NAME.maxLength();

    /** One ordered line. */
    public record Line(Sku sku, int quantity, LocalDate expectedDate) {
    }

    public PurchaseOrderRequest {
        if (supplier == null || supplier.isBlank() || supplier.length() > MAX_SUPPLIER_NAME_LENGTH) {
            throw new InvalidInput("supplier", "supplier must be a name of 1 to " + MAX_SUPPLIER_NAME_LENGTH + " characters");
        }
        if (lines == null || lines.isEmpty() || lines.size() > MAX_LINES) {
            throw new InvalidInput("lines", "a purchase order needs 1 to " + MAX_LINES + " lines");
        }
        for (int i = 0; i < lines.size(); i++) {
            requireUnits("lines[" + i + "].quantity", lines.get(i).quantity());
        }
        lines = List.copyOf(lines);
    }

    /**
     * A new purchase order is a promise about the future: each line counts as supply from its expected date, so a date
     * before today would be supply that is late before it was ordered. (A line that becomes overdue later is the
     * promise rules' business: they learn the supplier's lateness from it.)
     */
    public void requireExpectedFrom(LocalDate today) {
        for (int i = 0; i < lines.size(); i++) {
            requireExpectedFrom("lines[" + i + "].expectedDate", lines.get(i).expectedDate(), today);
        }
    }

    /** The rule for one expected date, a new line's or a rescheduled one's. */
    public static void requireExpectedFrom(String field, LocalDate expectedDate, LocalDate today) {
        if (expectedDate.isBefore(today)) {
            throw new InvalidInput(field, field + " is " + expectedDate + ", before today (" + today
                    + "); a purchase order line is expected today or later: enter the date the supplier now promises");
        }
    }

    public static void requireUnits(String field, long quantity) {
        if (quantity <= 0 || quantity > MAX_UNITS_PER_LINE) {
            throw new InvalidInput(field, field + " must be between 1 and " + MAX_UNITS_PER_LINE + ", was " + quantity);
        }
    }
}
