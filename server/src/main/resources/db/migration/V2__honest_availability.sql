-- Honest availability (issue #3): product lifecycle, promises per waiting line, and the availability projection.

alter table products
    add column release_date date,
    add column discontinued boolean not null default false;

-- The date the supplier first confirmed, kept when a purchase order slips (expected_date then moves).
alter table purchase_order_lines add column original_expected_date date;
update purchase_order_lines set original_expected_date = expected_date;
alter table purchase_order_lines alter column original_expected_date set not null;
create index purchase_orders_by_supplier on purchase_orders (supplier_id);

-- Each waiting line's current promise, and the first one it was given (the calibration report reads those).
create table line_promises (
    order_line_id          bigint primary key references order_lines (id),
    purchase_order_line_id bigint references purchase_order_lines (id),
    eta_from               date,
    eta_to                 date,
    probability            double precision not null check (probability between 0 and 1),
    first_eta_to           date,
    first_probability      double precision check (first_probability between 0 and 1),
    first_promised_at      timestamptz,
    filled_at              timestamptz,
    updated_at             timestamptz not null,
    check ((eta_from is null) = (eta_to is null)),
    check (eta_from <= eta_to),
    check ((first_eta_to is null) = (first_probability is null))
);

alter table order_events drop constraint order_events_kind_check;
alter table order_events add constraint order_events_kind_check
    check (kind in ('placed', 'reserved', 'backordered', 'refused', 'filled', 'shipped', 'cancelled', 'promise_changed'));

-- What the storefront reads: kept current by every write to the SKU, never recomputed per request.
create table availability (
    sku                   text primary key references products (sku),
    available             integer not null check (available >= 0),
    steps                 jsonb not null,
    restock_interval_days integer check (restock_interval_days > 0),
    updated_at            timestamptz not null
);
