-- The simulated payment gateway's own books (issue 11): kept here, not in one process's memory, so that every
-- Restock instance on this database talks to the same gateway. A real gateway keeps these on its side.
create sequence gateway_ids;

-- Every decided answer by the caller's idempotency key: the same key never moves money twice.
create table gateway_requests (
    idempotency_key text primary key check (length(idempotency_key) between 1 and 300),
    outcome         text not null check (outcome in ('succeeded', 'declined')),
    reference       text,
    expires_at      timestamptz,
    reason          text,
    answered_at     timestamptz not null,
    check ((outcome = 'succeeded') = (reference is not null)),
    check ((outcome = 'declined') = (reason is not null))
);
create index gateway_requests_by_reference on gateway_requests (reference);

create table gateway_authorizations (
    id           text primary key,
    amount_minor bigint not null check (amount_minor >= 0),
    open         boolean not null,
    created_at   timestamptz not null
);

create table gateway_charges (
    id             text primary key,
    amount_minor   bigint not null check (amount_minor >= 0),
    refunded_minor bigint not null check (refunded_minor between 0 and amount_minor),
    created_at     timestamptz not null
);
