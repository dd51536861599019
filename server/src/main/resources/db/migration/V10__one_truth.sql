-- One truth (issue #10): the storefront decides on the same facts an order is decided on, so the availability
-- projection is gone; a cancelled line whose payment held nothing is closed as 'cancelled'; discontinuing a
-- product cancels the lines no supply will fill.

drop table availability;

alter table line_payments drop constraint line_payments_state_check;
alter table line_payments add constraint line_payments_state_check
    check (state in ('awaiting_authorization', 'awaiting_fill', 'authorized', 'captured', 'voided', 'refunded', 'failed', 'cancelled'));
drop index line_payments_active;
create index line_payments_active on line_payments (updated_at) where state not in ('voided', 'refunded', 'cancelled');

alter table cancellations drop constraint cancellations_via_check;
alter table cancellations add constraint cancellations_via_check
    check (via in ('api', 'cancel-link', 'payment-not-received', 'discontinued'));

-- The day a SKU's queue was last worked out (fills, pegs, promises); the upkeep pass settles queues not yet
-- worked out today, so promises follow the calendar even where no command touches the SKU.
alter table stock add column queue_settled_on date;
