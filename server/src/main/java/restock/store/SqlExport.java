package restock.store;

import org.jdbi.v3.core.Handle;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The catalogue and the stock balances as stored, as text cells for an export: each value as PostgreSQL prints it,
 * so what was stored is what is written, even a value today's rules would refuse. Decides nothing.
 */
public final class SqlExport {
    private SqlExport() {
    }

    /** Each product whose release date is outside {@code earliest} to {@code latest}: its SKU and the date as stored. */
    public static Map<String, String> releaseDatesOutside(Handle handle, LocalDate earliest, LocalDate latest) {
        Map<String, String> stored = new LinkedHashMap<>();
        handle.createQuery("""
                        select sku, release_date::text as stored from products
                        where release_date not between :earliest and :latest order by sku""")
                .bind("earliest", earliest).bind("latest", latest)
                .map((rs, ctx) -> Map.entry(rs.getString("sku"), rs.getString("stored")))
                .forEach(row -> stored.put(row.getKey(), row.getValue()));
        return stored;
    }

    /**
     * Every product by SKU, one cell per asked column of {@code products} in that order (the import's columns, which are
     * the table's names; one it lacks fails the read): empty for null, {@code true}/{@code false} for flags.
     */
    public static List<List<String>> productCells(Handle handle, List<String> columns) {
        return handle.createQuery("select * from products order by sku").map((rs, ctx) -> {
            List<String> cells = new ArrayList<>(columns.size());
            for (String column : columns) {
                String stored = rs.getString(column);
                cells.add(stored == null ? "" : column.equals("discontinued") ? Boolean.toString(rs.getBoolean(column)) : stored);
            }
            return cells;
        }).list();
    }

    /** Every stock balance by SKU: SKU, on hand, reserved, backordered. */
    public static List<List<String>> stockCells(Handle handle) {
        return handle.createQuery("select sku, on_hand, reserved, backordered from stock order by sku")
                .map((rs, ctx) -> List.of(rs.getString("sku"), rs.getString("on_hand"), rs.getString("reserved"), rs.getString("backordered")))
                .list();
    }
}
