-- Events issue #5 turns into messages: an authorization about to be renewed or released.
alter table payment_events drop constraint payment_events_kind_check;
alter table payment_events add constraint payment_events_kind_check
    check (kind in ('authorized', 'charged', 'charge_failed', 'voided', 'refunded', 'released', 'authorization_expiring', 'payment_method_updated'));
