-- Root causes (issue #12): every backorder event (a line that had to wait, or was refused) gets its causes,
-- ranked, each with the evidence it was decided on. Written once per event by the cause analysis; never changed.

create table backorder_causes (
    order_event_id bigint primary key references order_events (id),
    order_line_id  bigint not null references order_lines (id),
    sku            text not null references products (sku),
    outcome        text not null check (outcome in ('waited', 'refused')),
    quantity       integer not null check (quantity > 0),
    occurred_at    timestamptz not null,
    primary_cause  text not null check (primary_cause in
        ('demand_spike', 'supplier_late', 'supplier_short', 'planning', 'record_error', 'policy', 'unknown')),
    causes         jsonb not null check (jsonb_typeof(causes) = 'array' and jsonb_array_length(causes) between 1 and 7),
    classified_at  timestamptz not null
);
create index backorder_causes_by_time on backorder_causes (occurred_at);
create index backorder_causes_by_sku on backorder_causes (sku, occurred_at);
create trigger backorder_causes_append_only before update or delete on backorder_causes
    for each row execute function forbid_change();
