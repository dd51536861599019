-- Webhook endpoints a shop can manage (#14): paused (no new messages; those queued are still delivered, so
-- nothing is lost) and deleted (kept for the outbox's history; queued messages to it are dead-lettered).
alter table webhook_endpoints add column paused_at timestamptz;
alter table webhook_endpoints add column deleted_at timestamptz;
alter table webhook_endpoints add column secret_rotated_at timestamptz;
alter table webhook_endpoints add constraint webhook_endpoints_paused_is_inactive check (paused_at is null or not active);
alter table webhook_endpoints add constraint webhook_endpoints_deleted_is_inactive check (deleted_at is null or not active);
