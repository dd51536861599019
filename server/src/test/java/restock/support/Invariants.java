package restock.support;

import org.jdbi.v3.core.Handle;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Checks the stock invariants straight from the tables, for every SKU at once. */
public final class Invariants {
    private Invariants() {
    }

    public static void check(Handle handle) {
        List<Map<String, Object>> broken = handle.createQuery("""
                select s.sku, s.on_hand, s.reserved, s.backordered,
                       coalesce(l.reserved, 0) as line_reserved, coalesce(l.waiting, 0) as line_waiting,
                       coalesce(m.moved, 0) as ledger_on_hand, coalesce(l.shipped, 0) as shipped, coalesce(m.shipped, 0) as ledger_shipped
                from stock s
                left join (select sku, sum(reserved) as reserved, sum(waiting) as waiting, sum(shipped) as shipped
                           from order_lines group by sku) l on l.sku = s.sku
                left join (select sku, sum(quantity) as moved, -sum(quantity) filter (where kind = 'shipment') as shipped
                           from stock_movements group by sku) m on m.sku = s.sku
                where s.on_hand < 0 or s.reserved > s.on_hand
                   or s.reserved <> coalesce(l.reserved, 0)
                   or s.backordered <> coalesce(l.waiting, 0)
                   or s.on_hand <> coalesce(m.moved, 0)
                   or coalesce(l.shipped, 0) <> coalesce(m.shipped, 0)
                   or (s.on_hand > s.reserved and coalesce(l.waiting, 0) > 0)""")
                .mapToMap()
                .list();
        assertThat(broken).as("SKUs whose stock row disagrees with its lines or its ledger").isEmpty();
        List<Map<String, Object>> neverBackordered = handle.createQuery("""
                select p.sku, s.backordered from products p join stock s on s.sku = p.sku
                where (p.backorder_policy = 'never' and s.backordered > 0)
                   or (p.backorder_policy = 'always' and p.backorder_cap is not null and s.backordered > p.backorder_cap)""")
                .mapToMap()
                .list();
        assertThat(neverBackordered).as("SKUs waiting beyond their backorder policy's limit").isEmpty();
        List<Map<String, Object>> pegs = handle.createQuery("""
                select l.id, l.waiting, sum(p.quantity) as pegged from order_lines l join backorder_pegs p on p.order_line_id = l.id
                group by l.id, l.waiting having sum(p.quantity) > l.waiting""")
                .mapToMap()
                .list();
        assertThat(pegs).as("lines pegged to more supply than they wait for").isEmpty();
    }
}
