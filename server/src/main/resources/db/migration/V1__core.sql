-- Restock core: catalog, stock ledger, purchase orders, orders and the backorder queue.
-- Every invariant the code keeps is also a constraint here, so a bug cannot write a broken state.

create function forbid_change() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only: % is not allowed', tg_table_name, tg_op;
end
$$;

create table locations (
    code text primary key check (code ~ '^[a-z0-9-]{1,32}$'),
    name text not null
);
insert into locations (code, name) values ('main', 'Main warehouse');

create table products (
    sku              text primary key check (sku ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$'),
    name             text not null check (length(name) between 1 and 200),
    price_minor      bigint not null check (price_minor between 0 and 10000000000),
    currency         char(3) not null check (currency ~ '^[A-Z]{3}$'),
    backorder_policy text not null check (backorder_policy in ('never', 'when-supply-confirmed', 'always')),
    backorder_cap    integer check (backorder_cap between 0 and 1000000),
    created_at       timestamptz not null,
    check (backorder_cap is null or backorder_policy = 'always')
);

create table suppliers (
    id         bigserial primary key,
    name       text not null unique check (length(name) between 1 and 200),
    created_at timestamptz not null
);

create table stock (
    sku           text not null references products (sku),
    location_code text not null references locations (code),
    on_hand       integer not null check (on_hand >= 0),
    reserved      integer not null check (reserved >= 0 and reserved <= on_hand),
    backordered   integer not null check (backordered >= 0),
    primary key (sku, location_code)
);

create table purchase_orders (
    id          bigserial primary key,
    supplier_id bigint not null references suppliers (id),
    status      text not null check (status in ('open', 'closed', 'cancelled')),
    created_at  timestamptz not null,
    ended_at    timestamptz,
    check ((status = 'open') = (ended_at is null))
);

create table purchase_order_lines (
    id                bigserial primary key,
    purchase_order_id bigint not null references purchase_orders (id),
    line_number       integer not null check (line_number > 0),
    sku               text not null references products (sku),
    quantity_ordered  integer not null check (quantity_ordered > 0),
    quantity_received integer not null default 0 check (quantity_received >= 0 and quantity_received <= quantity_ordered),
    expected_date     date not null,
    first_received_at timestamptz,
    last_received_at  timestamptz,
    unique (purchase_order_id, line_number),
    check ((quantity_received = 0) = (first_received_at is null))
);
create index purchase_order_lines_by_sku on purchase_order_lines (sku);

-- Each receipt with its date: later issues learn supplier lateness and short shipment from these.
create table purchase_order_receipts (
    id                     bigserial primary key,
    purchase_order_line_id bigint not null references purchase_order_lines (id),
    quantity               integer not null check (quantity > 0),
    received_at            timestamptz not null
);
create trigger purchase_order_receipts_append_only before update or delete on purchase_order_receipts
    for each row execute function forbid_change();

create table orders (
    id             bigserial primary key,
    customer_email text not null check (length(customer_email) between 3 and 254),
    allow_partial  boolean not null,
    priority       smallint not null check (priority between 0 and 9),
    placed_at      timestamptz not null
);

create sequence order_lines_id_seq;
create table order_lines (
    id             bigint primary key default nextval('order_lines_id_seq'),
    order_id       bigint not null references orders (id),
    line_number    integer not null check (line_number > 0),
    sku            text not null references products (sku),
    priority       smallint not null check (priority between 0 and 9),
    placed_at      timestamptz not null,
    quantity       integer not null check (quantity between 1 and 10000),
    reserved       integer not null check (reserved >= 0),
    waiting        integer not null check (waiting >= 0),
    refused        integer not null check (refused >= 0),
    shipped        integer not null check (shipped >= 0),
    cancelled      integer not null check (cancelled >= 0),
    refusal_reason text,
    unique (order_id, line_number),
    check (quantity = reserved + waiting + refused + shipped + cancelled),
    check ((refused > 0) = (refusal_reason is not null))
);
alter sequence order_lines_id_seq owned by order_lines.id;
create index order_lines_by_order on order_lines (order_id);
create index order_lines_queue on order_lines (sku, priority desc, placed_at, id) where waiting > 0;

-- Which purchase order line will fill which waiting line; recomputed for a SKU on every write to it.
create table backorder_pegs (
    order_line_id          bigint not null references order_lines (id),
    purchase_order_line_id bigint not null references purchase_order_lines (id),
    quantity               integer not null check (quantity > 0),
    primary key (order_line_id, purchase_order_line_id)
);
create index backorder_pegs_by_supply on backorder_pegs (purchase_order_line_id);

create table stock_movements (
    id                     bigserial primary key,
    sku                    text not null,
    location_code          text not null,
    kind                   text not null check (kind in ('receipt', 'shipment', 'adjustment', 'count', 'return')),
    quantity               integer not null,
    counted_quantity       integer check (counted_quantity >= 0),
    reason                 text check (length(reason) <= 500),
    purchase_order_line_id bigint references purchase_order_lines (id),
    order_line_id          bigint references order_lines (id),
    occurred_at            timestamptz not null,
    foreign key (sku, location_code) references stock (sku, location_code),
    check ((kind = 'count') = (counted_quantity is not null)),
    check (kind <> 'adjustment' or (reason is not null and quantity <> 0)),
    check (kind not in ('receipt', 'return') or quantity > 0),
    check (kind <> 'receipt' or purchase_order_line_id is not null),
    check (kind <> 'shipment' or (quantity < 0 and order_line_id is not null))
);
create index stock_movements_by_sku on stock_movements (sku, id);
create trigger stock_movements_append_only before update or delete on stock_movements
    for each row execute function forbid_change();

-- What happened to order lines, in order; payment capture and notices (later issues) read it by id.
create table order_events (
    id            bigserial primary key,
    order_id      bigint not null references orders (id),
    order_line_id bigint references order_lines (id),
    sku           text references products (sku),
    kind          text not null check (kind in ('placed', 'reserved', 'backordered', 'refused', 'filled', 'shipped', 'cancelled')),
    quantity      integer not null check (quantity >= 0),
    occurred_at   timestamptz not null
);
create index order_events_by_order on order_events (order_id, id);
create trigger order_events_append_only before update or delete on order_events
    for each row execute function forbid_change();

-- First answers to commands that carried an Idempotency-Key; a retry gets the same answer.
create table idempotent_requests (
    scope         text not null,
    key           text not null check (length(key) between 1 and 255),
    request_hash  text not null,
    status_code   integer not null,
    response_body text not null,
    created_at    timestamptz not null,
    primary key (scope, key)
);
