package restock.service;

import org.jdbi.v3.core.Handle;
import restock.common.CalendarLimits;
import restock.store.SqlExport;

import java.util.List;

/**
 * What {@code restock export} writes: the products and stock balances as stored, or, when a product holds a date an
 * import would refuse, nothing but which products and how to mend them.
 */
public final class CatalogExport {
    private CatalogExport() {
    }

    /** The export's answer: the tables to write, or why nothing may be written. */
    public sealed interface Outcome {
        /** Products (the asked columns, by SKU) and stock balances (SKU, on hand, reserved, backordered). */
        record Tables(List<List<String>> products, List<List<String>> stock) implements Outcome {
        }

        /** One sentence per product that holds a date outside {@link CalendarLimits}, each saying how to mend it. */
        record Refused(List<String> reasons) implements Outcome {
        }
    }

    /**
     * The tables, read in the caller's transaction; refused when a release date is outside {@link CalendarLimits}: such a
     * date was stored before the limits (V65) and was exported as 'infinity' or an odd year that import then refused.
     */
    public static Outcome read(Handle handle, List<String> productColumns) {
        List<String> refused = SqlExport.releaseDatesOutside(handle, CalendarLimits.EARLIEST, CalendarLimits.LATEST).entrySet().stream()
                .map(product -> "product " + product.getKey() + ": release_date is " + product.getValue() + ", stored before"
                        + " dates were held to " + CalendarLimits.EARLIEST + " to " + CalendarLimits.LATEST + "; give it one within them"
                        + " (PATCH /api/products/" + product.getKey() + " with a releaseDate, or null, or the console's product edit)")
                .toList();
        if (!refused.isEmpty()) {
            return new Outcome.Refused(refused);
        }
        return new Outcome.Tables(SqlExport.productCells(handle, productColumns), SqlExport.stockCells(handle));
    }
}
