-- Messages the relay could not store in the outbox, with the reason: parked, so that one bad message neither rolls
-- back the others nor stops the relay at the same event on every pass (#11). Outbox messages that cannot be
-- delivered are dead-lettered in the outbox itself (status 'dead', last_error) and can be replayed.
create table parked_messages (
    id         bigserial primary key,
    message_id uuid not null unique,
    cause      text not null check (length(cause) between 1 and 500),
    channel    text not null check (channel in ('email', 'webhook')),
    topic      text not null check (length(topic) between 1 and 100),
    recipient  text not null check (length(recipient) between 1 and 2000),
    reason     text not null check (length(reason) between 1 and 2000),
    parked_at  timestamptz not null
);
