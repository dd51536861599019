-- Something to cheer about (issue #5): a transactional outbox, webhook endpoints and the waitlist.

-- Messages to deliver, written in the same transaction as the change they tell of. At-least-once: receivers
-- de-duplicate on message_id. Messages with the same ordering_key (one customer) are delivered in id order.
create table outbox (
    id              bigserial primary key,
    message_id      uuid not null unique,
    channel         text not null check (channel in ('email', 'webhook')),
    topic           text not null check (length(topic) between 1 and 100),
    recipient       text not null check (length(recipient) between 1 and 2000),
    subject         text,
    body_text       text not null,
    body_html       text,
    ordering_key    text not null,
    status          text not null check (status in ('pending', 'sent', 'dead')),
    attempts        integer not null default 0 check (attempts >= 0),
    next_attempt_at timestamptz not null,
    last_error      text,
    created_at      timestamptz not null,
    sent_at         timestamptz,
    check ((status = 'sent') = (sent_at is not null))
);
create index outbox_due on outbox (next_attempt_at, id) where status = 'pending';
create index outbox_order on outbox (ordering_key, id) where status = 'pending';

create table webhook_endpoints (
    id         bigserial primary key,
    url        text not null check (url ~ '^https?://'),
    secret     text not null check (length(secret) >= 16),
    active     boolean not null default true,
    created_at timestamptz not null
);

-- Shoppers waiting for an out-of-stock SKU: demand for planning (#6) and the queue for back-in-stock notices.
create table waitlist (
    id              bigserial primary key,
    sku             text not null references products (sku),
    email           text not null check (length(email) between 3 and 254),
    quantity        integer not null check (quantity between 1 and 10000),
    consent_at      timestamptz not null,
    confirmed_at    timestamptz,
    unsubscribed_at timestamptz,
    notified_at     timestamptz,
    notice_until    timestamptz,
    created_at      timestamptz not null,
    check ((notified_at is null) = (notice_until is null))
);
create unique index waitlist_one_active_per_email on waitlist (sku, lower(email)) where unsubscribed_at is null;
create index waitlist_queue on waitlist (sku, id) where unsubscribed_at is null and notified_at is null;

-- How far the notice relay has read each event log.
create table relay_cursors (
    name    text primary key,
    last_id bigint not null check (last_id >= 0)
);
insert into relay_cursors (name, last_id) values ('order_events', 0), ('payment_events', 0);
