-- The outbox is listed through the API (GET /api/outbox), newest first, so a shop can see what failed and replay it.
-- Parked (dead-lettered) messages are few among many sent: without an index of them, listing the parked ones walked
-- the primary key past the whole history. (Pending and retrying ones have outbox_pending_by_id.)
create index outbox_dead_by_id on outbox (id) where status = 'dead';
