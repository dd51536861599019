-- The console at 50,000 SKUs and 1,000,000 orders (issue 12, measured with tools/console_scale.sh, figures in
-- docs/BENCHMARKS.md): each index below turned a page's (or a background pass's) scan of a whole table into a lookup.

-- A SKU's lines (its page's demand history, its chart, planning, the order search by SKU or product name).
create index order_lines_by_sku on order_lines (sku, order_id);

-- A waiting line's latest cause (the backorder queue, a SKU's page).
create index backorder_causes_by_line on backorder_causes (order_line_id, order_event_id);

-- Backorder events still to classify: the cause pass (every second, and before a page that shows causes) reads these
-- instead of the whole order event log.
create index order_events_backorders on order_events (id)
    where kind in ('backordered', 'refused') and quantity > 0 and order_line_id is not null;

-- A SKU's events (its demand history) and, for its cancellations, whether the line had waited.
create index order_events_by_sku on order_events (sku, kind, occurred_at) where sku is not null;
create index order_events_backordered_lines on order_events (order_line_id) where kind = 'backordered';

-- The overview's daily trend reads only the index (kind and units by time), not the event rows.
drop index order_events_by_time;
create index order_events_by_time on order_events (occurred_at) include (kind, quantity);

-- Open purchase orders (the overview's figures and late supply, the purchase order list) without reading closed ones.
create index purchase_orders_open on purchase_orders (id) where status = 'open';
create index purchase_order_lines_unreceived on purchase_order_lines (expected_date, purchase_order_id) where quantity_received < quantity_ordered;

-- The order search matches part of an email address: a trigram index answers "contains" without reading every order.
-- pg_trgm ships with PostgreSQL (contrib) and is a trusted extension, which a database owner may create.
-- An extension belongs to the database, not to Restock's schema: it goes to public when absent (a schema Restock
-- is migrated into may be dropped, and the extension with it), and the indexes name its operator class in whatever
-- schema holds it, so they are made whatever the search path.
create extension if not exists pg_trgm with schema public;
do $$
declare
    trgm text := (select n.nspname from pg_extension e join pg_namespace n on n.oid = e.extnamespace where e.extname = 'pg_trgm');
begin
    execute format('create index orders_by_email_trigram on orders using gin (lower(customer_email) %I.gin_trgm_ops)', trgm);
    execute format('create index products_by_name_trigram on products using gin (lower(name) %I.gin_trgm_ops)', trgm);
    execute format('create index products_by_sku_trigram on products using gin (lower(sku) %I.gin_trgm_ops)', trgm);
end $$;
