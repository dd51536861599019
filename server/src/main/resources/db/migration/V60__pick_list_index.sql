-- The pick list (GET /api/orders/to-ship): orders with a line whose open units are all reserved (what a shipment
-- sends), oldest first. Few lines are in that state at any time (they ship each day), so a partial index over them
-- stays small however many orders the shop has had.
create index order_lines_ready_by_order on order_lines (order_id) where reserved > 0 and waiting = 0;
