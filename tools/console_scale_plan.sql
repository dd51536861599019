-- A stored planning run of every SKU, made in SQL from the filled figures, for measuring the console's planning page
-- when `restock plan` over 50,000 SKUs takes too long on the machine at hand (tools/console_scale.sh says when it is
-- used). Same CSV columns as the planner's; simpler figures: demand per day over the last 182 days, reorder point
-- = demand over the supplier's lead time plus 30% safety stock, order up to 30 days more, a suggestion when the
-- inventory position (on hand - reserved - backordered + incoming) is at or below the reorder point.
\set ON_ERROR_STOP on
with demand as (
    select sku, sum(quantity) / 182.0 as daily from order_lines where placed_at >= now() - interval '182 days' group by sku
), incoming as (
    select l.sku, sum(l.quantity_ordered - l.quantity_received) as units from purchase_order_lines l
    join purchase_orders o on o.id = l.purchase_order_id where o.status = 'open' group by l.sku
), figures as (
    select p.sku, p.name, sup.name as supplier, coalesce(d.daily, 0) as daily, sup.lead_time_days as lead,
           s.on_hand - s.reserved - s.backordered + coalesce(i.units, 0) as position
    from products p join stock s on s.sku = p.sku join suppliers sup on sup.id = p.supplier_id
    left join demand d on d.sku = p.sku left join incoming i on i.sku = p.sku
), plans as (
    select f.*, f.daily * f.lead * 1.3 as reorder_point, f.daily * f.lead * 0.3 as safety, f.daily * (f.lead * 1.3 + 30) as order_up_to
    from figures f
)
insert into planning_runs (ran_at, service_level, skus, suggested, plan_csv)
select now(), 0.95, count(*), count(*) filter (where position <= reorder_point and order_up_to - position >= 1),
       E'\uFEFF' || 'sku,name,supplier,daily_demand,reorder_point,safety_stock,order_up_to,inventory_position,suggested_quantity,order_by,'
       || E'days_of_cover,stocks_out_before_next_receipt,reason\r\n'
       || string_agg(concat_ws(',', sku, name, supplier, to_char(daily, 'FM999990.000'), round(reorder_point), to_char(safety, 'FM999990.0'),
              round(order_up_to), position,
              case when position <= reorder_point and order_up_to - position >= 1 then ceil(order_up_to - position)::int else 0 end,
              case when position <= reorder_point and order_up_to - position >= 1 then current_date::text else '' end,
              case when daily > 0 then to_char(greatest(position, 0) / daily, 'FM999990.0') else '' end,
              case when daily > 0 and position < daily * lead then 'true' else 'false' end,
              case when position <= reorder_point and order_up_to - position >= 1 then 'position at or below the reorder point' else '' end),
          E'\r\n' order by sku) || E'\r\n'
from plans;
