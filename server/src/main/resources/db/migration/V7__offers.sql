-- Offers (issue #5): rules a retailer turns on, the single-use codes they issue, and redemption attempts.

create table offer_rules (
    id               bigserial primary key,
    kind             text not null check (kind in ('waitlist_discount', 'late_compensation', 'long_wait_thanks')),
    percent_off      integer check (percent_off between 1 and 90),
    percent_per_week integer check (percent_per_week between 1 and 90),
    cap_percent      integer check (cap_percent between 1 and 90),
    after_days       integer check (after_days between 1 and 365),
    valid_days       integer not null check (valid_days between 1 and 365),
    min_order_minor  bigint not null default 0 check (min_order_minor >= 0),
    sku              text references products (sku),
    active           boolean not null default true,
    created_at       timestamptz not null
);
create unique index offer_rules_one_active_per_kind on offer_rules (kind) where active;

create table discount_codes (
    code              text primary key check (code ~ '^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$'),
    rule_id           bigint not null references offer_rules (id),
    cause             text not null,
    customer_email    text not null,
    percent_off       integer not null check (percent_off between 1 and 90),
    min_order_minor   bigint not null default 0 check (min_order_minor >= 0),
    sku               text references products (sku),
    issued_at         timestamptz not null,
    expires_at        timestamptz not null,
    redeemed_at       timestamptz,
    redeemed_order_id bigint references orders (id),
    unique (rule_id, cause),
    check ((redeemed_at is null) = (redeemed_order_id is null)),
    check (expires_at > issued_at)
);

create table redemption_attempts (
    id             bigserial primary key,
    customer_email text not null,
    succeeded      boolean not null,
    attempted_at   timestamptz not null
);
create index redemption_attempts_recent on redemption_attempts (lower(customer_email), attempted_at);
