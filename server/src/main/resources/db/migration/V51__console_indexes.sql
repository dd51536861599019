-- The console's overview reads events, orders and shipments by time (issue 12 item 4): without these, each load of
-- the overview scans the whole order event log. Not yet measured at 1,000,000 orders (see docs/BENCHMARKS.md).
create index order_events_by_time on order_events (occurred_at);
create index orders_by_placed_at on orders (placed_at);
create index stock_movements_shipments_by_time on stock_movements (occurred_at) where kind = 'shipment';
