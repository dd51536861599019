package restock.store;

import org.jdbi.v3.core.Handle;
import restock.catalog.Sku;
import restock.inventory.Movement;
import restock.inventory.NamedStockLevel;
import restock.inventory.StockLevel;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** The append-only stock ledger and the balances per SKU, with what is incoming on open purchase orders. */
public final class SqlInventory {
    private static final String LEVEL_SELECT = """
            select s.sku, s.on_hand, s.reserved, s.backordered, p.name,
                   coalesce((select sum(l.quantity_ordered - l.quantity_received)
                             from purchase_order_lines l join purchase_orders o on o.id = l.purchase_order_id
                             where o.status = 'open' and l.sku = s.sku), 0) as incoming
            from stock s join products p on p.sku = s.sku""";

    private SqlInventory() {
    }

    public static void record(Handle handle, Movement movement) {
        handle.createUpdate("""
                        insert into stock_movements (sku, location_code, kind, quantity, counted_quantity, reason,
                                                     purchase_order_line_id, order_line_id, occurred_at)
                        values (:sku, :location, :kind, :quantity, :counted, :reason, :poLine, :orderLine, :at)""")
                .bind("sku", movement.sku().code())
                .bind("location", SqlBooks.LOCATION)
                .bind("kind", movement.kind().code())
                .bind("quantity", movement.quantity())
                .bind("counted", movement.countedQuantity().orElse(null))
                .bind("reason", movement.reason().orElse(null))
                .bind("poLine", movement.purchaseOrderLineId().orElse(null))
                .bind("orderLine", movement.orderLineId().orElse(null))
                .bind("at", OffsetDateTime.ofInstant(movement.occurredAt(), ZoneOffset.UTC))
                .execute();
    }

    public static Optional<StockLevel> level(Handle handle, Sku sku) {
        return handle.createQuery(LEVEL_SELECT + " where s.sku = :sku and s.location_code = :location")
                .bind("sku", sku.code())
                .bind("location", SqlBooks.LOCATION)
                .map((rs, ctx) -> level(rs))
                .findOne();
    }

    /** Balances of up to {@code limit} SKUs after {@code afterSku}, in SKU order. */
    public static List<NamedStockLevel> list(Handle handle, String afterSku, int limit) {
        return handle.createQuery(LEVEL_SELECT + " where s.location_code = :location and s.sku > :after order by s.sku limit :limit")
                .bind("location", SqlBooks.LOCATION)
                .bind("after", afterSku)
                .bind("limit", limit)
                .map((rs, ctx) -> new NamedStockLevel(rs.getString("name"), level(rs)))
                .list();
    }

    private static StockLevel level(ResultSet rs) throws SQLException {
        return new StockLevel(Sku.of(rs.getString("sku")), rs.getInt("on_hand"), rs.getInt("reserved"),
                rs.getInt("on_hand") - rs.getInt("reserved"), rs.getInt("incoming"), rs.getInt("backordered"));
    }
}
