-- Optional holds for back-in-stock notices: units set aside for a notified waitlister until the notice lapses.
alter table waitlist
    add column held_quantity integer check (held_quantity > 0),
    add column hold_used_at  timestamptz,
    add check (held_quantity is null or notice_until is not null);
create index waitlist_active_holds on waitlist (sku) where held_quantity is not null and hold_used_at is null;
