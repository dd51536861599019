-- The notice relay reads the event logs in id order and must not pass an event that is yet to appear. Ids come
-- from a sequence when a row is written and transactions commit in any order, so a gap below a visible event is
-- either an event of a transaction still in progress or one rolled back. The relay tells them apart by the
-- transactions in progress (pg_current_snapshot), which lists only transactions that hold a transaction id: an
-- event's id is therefore handed out only after its transaction holds one (restock.notify.EventGaps).
create function next_event_id(sequence_name regclass) returns bigint
    language plpgsql volatile as $$
begin
    perform pg_current_xact_id();
    return nextval(sequence_name);
end
$$;

alter table order_events alter column id set default next_event_id('order_events_id_seq');
alter table payment_events alter column id set default next_event_id('payment_events_id_seq');
