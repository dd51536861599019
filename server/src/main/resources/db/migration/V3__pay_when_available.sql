-- Pay when available (issue #4): a payment per order line, the gateway calls owed for it, and their log.

alter table orders add column payment_method_token text check (length(payment_method_token) between 1 and 255);

create table line_payments (
    order_line_id            bigint primary key references order_lines (id),
    state                    text not null check (state in ('awaiting_authorization', 'awaiting_fill', 'authorized',
                                                            'captured', 'voided', 'refunded', 'failed')),
    amount_minor             bigint not null check (amount_minor >= 0),
    currency                 char(3) not null,
    payment_method_token     text not null check (length(payment_method_token) between 1 and 255),
    backordered_at_placement boolean not null,
    authorization_id         text,
    expires_at               timestamptz,
    charge_id                text,
    captured_minor           bigint not null default 0 check (captured_minor between 0 and amount_minor),
    refunded_minor           bigint not null default 0 check (refunded_minor between 0 and captured_minor),
    failure_reason           text,
    hold_until               timestamptz,
    generation               integer not null default 0 check (generation >= 0),
    updated_at               timestamptz not null,
    check ((state = 'authorized') = (authorization_id is not null and expires_at is not null)),
    check ((state = 'failed') = (hold_until is not null)),
    check (state <> 'captured' or captured_minor = amount_minor)
);
create index line_payments_active on line_payments (updated_at) where state not in ('voided', 'refunded');

create table payment_operations (
    id               bigserial primary key,
    order_line_id    bigint not null references order_lines (id),
    kind             text not null check (kind in ('authorize', 'capture', 'charge', 'void', 'refund')),
    amount_minor     bigint not null check (amount_minor >= 0),
    idempotency_key  text not null unique,
    status           text not null check (status in ('pending', 'in_flight', 'unknown', 'succeeded', 'declined')),
    attempts         integer not null default 0 check (attempts >= 0),
    lease_until      timestamptz,
    result_reference text,
    result_reason    text,
    created_at       timestamptz not null,
    updated_at       timestamptz not null
);
-- One gateway call under way per line at a time, and at most one capture or charge that took money per line.
create unique index payment_operations_one_open_per_line on payment_operations (order_line_id)
    where status in ('pending', 'in_flight', 'unknown');
create unique index payment_operations_one_capture_per_line on payment_operations (order_line_id)
    where kind in ('capture', 'charge') and status = 'succeeded';
create index payment_operations_pending on payment_operations (status, lease_until) where status in ('pending', 'in_flight', 'unknown');

-- What happened to payments, in order; notices (issue #5) read it: authorized, charged, charge_failed, voided, refunded.
create table payment_events (
    id            bigserial primary key,
    order_line_id bigint not null references order_lines (id),
    kind          text not null check (kind in ('authorized', 'charged', 'charge_failed', 'voided', 'refunded', 'released')),
    amount_minor  bigint not null check (amount_minor >= 0),
    reference     text,
    occurred_at   timestamptz not null
);
create trigger payment_events_append_only before update or delete on payment_events
    for each row execute function forbid_change();

-- Why customers cancelled (issue #7 reads these), and which cancel links were used.
create table cancellations (
    id          bigserial primary key,
    order_id    bigint not null references orders (id),
    reason      text not null check (length(reason) between 1 and 200),
    via         text not null check (via in ('api', 'cancel-link', 'payment-not-received')),
    occurred_at timestamptz not null
);
create table used_cancel_links (
    token_hash text primary key,
    order_id   bigint not null references orders (id),
    used_at    timestamptz not null
);
