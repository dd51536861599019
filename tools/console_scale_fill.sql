-- Fills a freshly migrated, empty Restock database with the console's scale test: 50,000 SKUs, 1,000,000 orders
-- (about 2,000,000 lines) over the year up to today, in set-based SQL (generate_series), in one transaction.
-- Run by tools/console_scale.sh; never on a database that holds anything else. Deterministic: every "random" choice
-- is a hash of a row number (hashint8), so two fills of the same day are identical.
--
-- How the rows are derived, so that they keep the schema's constraints and the invariants the app checks:
--   * orders and lines first. Each line's state follows from its SKU and its age:
--       - SKUs with index % 17 = 0 ("short SKUs", about 2,900) are out of stock now: their lines of the last
--         10 to 39 days (per SKU) wait (backordered), or are refused where the policy is 'never';
--       - other lines of the last 2 days are reserved (not yet shipped);
--       - older lines shipped, 3% were cancelled, and 5% waited some days first (backordered, filled, shipped);
--     so quantity = reserved + waiting + refused + shipped + cancelled holds line by line.
--   * order_events tell each line's story in that order (placed; reserved/backordered/refused; filled; shipped or
--     cancelled), with their times.
--   * the stock ledger: one shipment per shipped line, some shrinkage adjustments, and receipts from closed purchase
--     orders sized so that the ledger ends at the chosen balance: on_hand = reserved + free, free = 0 for short
--     SKUs (so their queues have nothing to fill from) and 5..64 units otherwise. A large opening receipt a year ago
--     and then even receipts (the other 40%) keep the running balance above zero for evenly spread demand.
--   * stock: on_hand = the ledger's sum, reserved = the lines' reserved units, backordered = the lines' waiting units,
--     queue_settled_on = today (the upkeep pass has nothing due on the day of the fill).
--   * short SKUs have an open purchase order line covering their waiting units (some already past their expected
--     date: late supply), each waiting line is pegged to it and has a promise from it; other SKUs get some open
--     lines too. Purchase orders group lines per supplier and week; some closed lines arrived late or short.
--   * every backorder event (backordered or refused) has its stored causes, so the cause pass finds nothing
--     pending; the relay's cursors stand at the end of the event logs, so no mail goes out for this history.
--   * waitlists for short SKUs, three offer rules.
-- The nightly planning run is then stored by tools/console_scale.sh (restock plan over the filled database).

\set ON_ERROR_STOP on
\if :{?skus}
\else
\set skus 50000
\endif
\if :{?orders}
\else
\set orders 1000000
\endif
begin;
set local work_mem = '256MB';
set local timezone = 'UTC';
set local synchronous_commit = off;

create temp table params as
select current_date as today, (current_date - 365) as first_day, :skus as skus, :orders as orders, 100 as suppliers;

-- Deterministic pseudo-random numbers: r(seed, n) in [0, n).
create function pg_temp.r(seed bigint, n integer) returns integer language sql immutable as
$$ select (abs(hashint8(seed)::bigint) % n)::integer $$;

insert into categories (code, name, created_at)
select c.code, c.name, now() - interval '400 days'
from (values ('lights', 'Candles and lights'), ('bags', 'Bags'), ('kitchen', 'Kitchen and tea'), ('party', 'Party'),
             ('decorations', 'Decorations'), ('gifts', 'Gifts'), ('garden', 'Garden'), ('stationery', 'Stationery')) c(code, name);

insert into suppliers (id, name, created_at, contact_name, contact_email, phone, lead_time_days, minimum_order, pack_size, currency, updated_at)
select i, 'Scale Supplier ' || lpad(i::text, 3, '0'), now() - interval '400 days', 'Buyer ' || i, 'orders' || i || '@supplier.example',
       '+44 20 7946 ' || lpad(i::text, 4, '0'), 7 + pg_temp.r(i, 36), (array[0, 24, 48, 100])[1 + pg_temp.r(i * 3, 4)],
       (array[1, 6, 12, 24])[1 + pg_temp.r(i * 5, 4)], 'GBP', now() - interval '400 days'
from generate_series(1, (select suppliers from params)) i;
select setval('suppliers_id_seq', (select max(id) from suppliers)) as ignored \gset

-- Products: S00001..S50000; a low index sells more (the line's SKU index is 50,000 * u^2).
create temp table sku_facts as
select i as idx, 'S' || lpad(i::text, 5, '0') as sku,
       case when pg_temp.r(i * 11, 100) < 80 then 'always' when pg_temp.r(i * 11, 100) < 95 then 'when-supply-confirmed' else 'never' end as policy,
       1 + (i % (select suppliers from params)) as supplier_id,
       i % 17 = 0 as short,
       10 + pg_temp.r(i * 13, 30) as short_days
from generate_series(1, (select skus from params)) i;
create unique index on sku_facts (idx);
analyze sku_facts;

insert into products (sku, name, price_minor, currency, backorder_policy, backorder_cap, created_at, category_code, supplier_id, updated_at)
select f.sku,
       (array['Vintage', 'Silk', 'Paper', 'Glass', 'Enamel', 'Wooden', 'Retro', 'Floral', 'Spotty', 'Woodland'])[1 + pg_temp.r(f.idx * 17, 10)] || ' '
       || (array['Fan', 'Lantern', 'Mug', 'Bunting', 'Tea Set', 'Lunch Bag', 'Candle', 'Heart', 'Jar', 'Doily', 'Notebook', 'Clock'])[1 + pg_temp.r(f.idx * 19, 12)]
       || ' ' || f.idx,
       99 + pg_temp.r(f.idx * 23, 4900), 'GBP', f.policy, null, now() - interval '400 days',
       (array['lights', 'bags', 'kitchen', 'party', 'decorations', 'gifts', 'garden', 'stationery'])[1 + pg_temp.r(f.idx * 29, 8)],
       f.supplier_id, now() - interval '400 days'
from sku_facts f;
insert into stock (sku, location_code, on_hand, reserved, backordered) select sku, 'main', 0, 0, 0 from sku_facts;

-- Orders: evenly over the year, ids in time order.
insert into orders (id, customer_email, allow_partial, priority, placed_at)
select i, 'customer' || pg_temp.r(i * 31, 60000) || '@example.com', true, case when pg_temp.r(i * 37, 100) = 0 then 5 else 0 end,
       (select first_day from params)::timestamptz + (i::double precision / (select orders from params)) * interval '365 days'
           + pg_temp.r(i * 41, 600) * interval '1 second'
from generate_series(1, (select orders from params)) i;
select setval('orders_id_seq', (select max(id) from orders)) as ignored \gset

-- Lines: 1 to 3 per order, with the state each gets (see the head of this file).
create temp table gen_lines as
with raw as (
    select o.id as order_id, n as line_number, o.priority, o.placed_at,
           1 + floor((select skus from params) * power(pg_temp.r(o.id * 43 + n, 1000000) / 1000000.0, 2))::integer as idx,
           (array[1, 1, 1, 2, 2, 3, 4, 6, 12])[1 + pg_temp.r(o.id * 47 + n, 9)] as quantity,
           pg_temp.r(o.id * 53 + n, 100) as fate
    from orders o cross join lateral generate_series(1, 1 + pg_temp.r(o.id * 7, 3)) n
)
select row_number() over (order by r.order_id, r.line_number) as id, r.*, f.sku, f.policy,
       case
           when f.short and r.placed_at >= (select today from params) - f.short_days then (case when f.policy = 'never' then 'refused' else 'waiting' end)
           when r.placed_at >= (select today from params) - 2 then 'reserved'
           when r.fate < 3 then 'cancelled'
           when r.fate < 8 and r.placed_at < (select today from params) - 21 then 'late-shipped'
           else 'shipped'
       end as state,
       1 + pg_temp.r(r.order_id * 59 + r.line_number, 12) as wait_days
from raw r join sku_facts f on f.idx = r.idx;
analyze gen_lines;

insert into order_lines (id, order_id, line_number, sku, priority, placed_at, quantity, reserved, waiting, refused, shipped, cancelled, refusal_reason)
select id, order_id, line_number, sku, priority, placed_at, quantity,
       case when state = 'reserved' then quantity else 0 end,
       case when state = 'waiting' then quantity else 0 end,
       case when state = 'refused' then quantity else 0 end,
       case when state in ('shipped', 'late-shipped') then quantity else 0 end,
       case when state = 'cancelled' then quantity else 0 end,
       case when state = 'refused' then 'product ' || sku || ' is sold only from stock on hand and not enough is available' end
from gen_lines;
select setval('order_lines_id_seq', (select max(id) from order_lines)) as ignored \gset

-- Order events, in time order.
insert into order_events (order_id, order_line_id, sku, kind, quantity, occurred_at)
select order_id, order_line_id, sku, kind, quantity, occurred_at from (
    select id as order_id, null::bigint as order_line_id, null::text as sku, 'placed' as kind, 0 as quantity, placed_at as occurred_at, 0 as step
    from orders
    union all
    select order_id, id, sku, case when state in ('waiting', 'late-shipped') then 'backordered' when state = 'refused' then 'refused' else 'reserved' end,
           quantity, placed_at, 1
    from gen_lines
    union all
    select order_id, id, sku, 'filled', quantity, placed_at + wait_days * interval '1 day', 2 from gen_lines where state = 'late-shipped'
    union all
    select order_id, id, sku, 'shipped', quantity,
           placed_at + (case when state = 'late-shipped' then wait_days + 1 else 1 end) * interval '1 day', 3
    from gen_lines where state in ('shipped', 'late-shipped')
    union all
    select order_id, id, sku, 'cancelled', quantity, placed_at + interval '3 hours', 3 from gen_lines where state = 'cancelled'
) e
order by occurred_at, step, order_id, order_line_id;

insert into cancellations (order_id, reason, via, occurred_at)
select order_id, (array['found it elsewhere', 'took too long', 'no longer needed'])[1 + pg_temp.r(order_id, 3)], 'api',
       min(placed_at) + interval '3 hours'
from gen_lines where state = 'cancelled' group by order_id;

-- The ledger: shipments, then some shrinkage.
insert into stock_movements (sku, location_code, kind, quantity, order_line_id, occurred_at)
select sku, 'main', 'shipment', -quantity, id, placed_at + (case when state = 'late-shipped' then wait_days + 1 else 1 end) * interval '1 day'
from gen_lines where state in ('shipped', 'late-shipped')
order by 6;
insert into stock_movements (sku, location_code, kind, quantity, reason, occurred_at)
select f.sku, 'main', 'adjustment', -(1 + pg_temp.r(f.idx * 61, 3)), 'damaged in the warehouse',
       (select first_day from params) + 30 + pg_temp.r(f.idx * 67, 300) + interval '14 hours'
from sku_facts f where f.idx % 20 = 3;

-- Receipts each SKU needs so that its ledger ends at on_hand = reserved + free.
create temp table sku_totals as
select f.idx, f.sku, f.supplier_id, f.short,
       coalesce(l.reserved, 0) as reserved, coalesce(l.waiting, 0) as waiting, coalesce(l.lines, 0) as lines,
       coalesce(m.out_units, 0) as out_units,
       coalesce(l.reserved, 0) + case when f.short then 0 else 5 + pg_temp.r(f.idx * 71, 60) end as on_hand
from sku_facts f
left join (select sku, sum(quantity) filter (where state = 'reserved') as reserved, sum(quantity) filter (where state = 'waiting') as waiting,
                  count(*) as lines
           from gen_lines group by sku) l on l.sku = f.sku
left join (select sku, -sum(quantity) as out_units from stock_movements group by sku) m on m.sku = f.sku;

-- k receipts a year (1 to 12 by volume): the first (60% of what shipped, plus the closing balance) a year ago, the others even.
create temp table receipt_plan as
with k as (
    select t.*, least(12, greatest(1, (t.lines / 20)::integer)) as receipts, t.on_hand + t.out_units as total from sku_totals t
), parts as (
    select k.*, case when receipts = 1 then 0 else floor(0.4 * out_units / (receipts - 1))::integer end as even from k
)
select p.idx, p.sku, p.supplier_id, j,
       case when j = 0 then p.total - p.even * (p.receipts - 1) else p.even end as quantity,
       (select first_day from params) + (j * 365 / p.receipts) as received_on
from parts p cross join lateral generate_series(0, p.receipts - 1) j
where p.total > 0;
delete from receipt_plan where quantity <= 0;

-- Closed purchase orders: one per supplier and week of receipt; some lines late (received after the expected date), some short.
create temp table closed_po as
select row_number() over (order by min(received_on), supplier_id) as id, supplier_id, date_trunc('week', received_on)::date as week,
       min(received_on) as first_received, max(received_on) as last_received
from receipt_plan group by supplier_id, date_trunc('week', received_on);
insert into purchase_orders (id, supplier_id, status, created_at, ended_at)
select c.id, c.supplier_id, 'closed', (c.week - s.lead_time_days) + interval '9 hours', c.last_received + interval '11 hours'
from closed_po c join suppliers s on s.id = c.supplier_id;

create temp table closed_lines as
select row_number() over (order by c.id, rp.sku, rp.j) as id, c.id as po_id,
       row_number() over (partition by c.id order by rp.sku, rp.j) as line_number, rp.sku, rp.quantity as received,
       rp.quantity + case when pg_temp.r(rp.idx * 73 + rp.j, 100) < 5 then 1 + pg_temp.r(rp.idx * 79 + rp.j, 10) else 0 end as ordered,
       rp.received_on - case when pg_temp.r(rp.supplier_id * 1000 + rp.idx + rp.j, 100) < 25 then 1 + pg_temp.r(rp.idx * 83 + rp.j, 10) else 0 end as expected_on,
       rp.received_on
from receipt_plan rp join closed_po c on c.supplier_id = rp.supplier_id and c.week = date_trunc('week', rp.received_on)::date;
insert into purchase_order_lines (id, purchase_order_id, line_number, sku, quantity_ordered, quantity_received, expected_date,
                                  original_expected_date, first_received_at, last_received_at)
select id, po_id, line_number, sku, ordered, received, expected_on, expected_on, received_on + interval '11 hours', received_on + interval '11 hours'
from closed_lines;
insert into purchase_order_receipts (purchase_order_line_id, quantity, received_at)
select id, received, received_on + interval '11 hours' from closed_lines order by received_on, id;
insert into stock_movements (sku, location_code, kind, quantity, purchase_order_line_id, occurred_at)
select sku, 'main', 'receipt', received, id, received_on + interval '11 hours' from closed_lines order by received_on, id;

-- Open purchase orders: every short SKU (covering its waiting units; a third already late) and one in eight other SKUs.
create temp table open_plan as
select t.idx, t.sku, t.supplier_id, t.waiting + 12 + pg_temp.r(t.idx * 89, 100) as ordered,
       case when t.short and pg_temp.r(t.idx * 97, 3) = 0 then (select today from params) - 1 - pg_temp.r(t.idx * 101, 14)
            else (select today from params) + 1 + pg_temp.r(t.idx * 103, 35) end as expected_on
from sku_totals t where t.short or t.idx % 8 = 1;
create temp table open_po as
select (select max(id) from closed_po) + row_number() over (order by supplier_id, date_trunc('week', expected_on)) as id, supplier_id,
       date_trunc('week', expected_on)::date as week
from open_plan group by supplier_id, date_trunc('week', expected_on);
insert into purchase_orders (id, supplier_id, status, created_at, ended_at)
select o.id, o.supplier_id, 'open', least(now() - interval '1 day', (o.week - s.lead_time_days) + interval '9 hours'), null
from open_po o join suppliers s on s.id = o.supplier_id;
create temp table open_lines as
select (select max(id) from closed_lines) + row_number() over (order by o.id, p.sku) as id, o.id as po_id,
       row_number() over (partition by o.id order by p.sku) as line_number, p.sku, p.ordered, p.expected_on
from open_plan p join open_po o on o.supplier_id = p.supplier_id and o.week = date_trunc('week', p.expected_on)::date;
insert into purchase_order_lines (id, purchase_order_id, line_number, sku, quantity_ordered, quantity_received, expected_date, original_expected_date)
select id, po_id, line_number, sku, ordered, 0, expected_on, expected_on from open_lines;
-- The incoming-supply limit is a deferred trigger that sums a SKU's open lines once per inserted line at commit:
-- planned with statistics of the filled tables it reads an index; planned on "empty" ones it scans them each time.
analyze purchase_orders;
analyze purchase_order_lines;
select setval('purchase_orders_id_seq', (select max(id) from purchase_orders)) as ignored \gset
select setval('purchase_order_lines_id_seq', (select max(id) from purchase_order_lines)) as ignored \gset

-- Waiting lines: pegged to their SKU's open line, promised from it (late supply: a promise already past).
insert into backorder_pegs (order_line_id, purchase_order_line_id, quantity)
select g.id, o.id, g.quantity from gen_lines g join open_lines o on o.sku = g.sku where g.state = 'waiting';
insert into line_promises (order_line_id, purchase_order_line_id, eta_from, eta_to, probability, first_eta_to, first_probability,
                           first_promised_at, filled_at, updated_at)
select g.id, o.id, o.expected_on + 1, o.expected_on + 4, 0.6 + pg_temp.r(g.id, 35) / 100.0, o.expected_on + 4, 0.8, g.placed_at, null, g.placed_at
from gen_lines g join open_lines o on o.sku = g.sku where g.state = 'waiting';
-- Lines that waited and were filled: their first promise, kept or not.
insert into line_promises (order_line_id, purchase_order_line_id, eta_from, eta_to, probability, first_eta_to, first_probability,
                           first_promised_at, filled_at, updated_at)
select g.id, null, null, null, 1, (g.placed_at + (g.wait_days + pg_temp.r(g.id * 3, 7) - 3) * interval '1 day')::date, 0.8, g.placed_at,
       g.placed_at + g.wait_days * interval '1 day', g.placed_at + g.wait_days * interval '1 day'
from gen_lines g where g.state = 'late-shipped';

-- Every backorder event with its causes, as the cause analysis stores them.
insert into backorder_causes (order_event_id, order_line_id, sku, outcome, quantity, occurred_at, primary_cause, causes, classified_at)
select e.id, e.order_line_id, e.sku, case when e.kind = 'refused' then 'refused' else 'waited' end, e.quantity, e.occurred_at, c.cause,
       jsonb_build_array(jsonb_build_object('cause', c.cause, 'unitsExplained', e.quantity,
           'summary', 'generated for the console scale test', 'evidence', jsonb_build_object('generated', true))),
       e.occurred_at + interval '1 minute'
from order_events e
cross join lateral (select case when e.kind = 'refused' then (case when pg_temp.r(e.id, 2) = 0 then 'policy' else 'planning' end)
                                else (array['demand_spike', 'demand_spike', 'supplier_late', 'supplier_late', 'supplier_late', 'planning', 'planning',
                                            'supplier_short', 'record_error', 'unknown'])[1 + pg_temp.r(e.id, 10)] end as cause) c
where e.kind in ('backordered', 'refused') and e.quantity > 0;

-- Waitlists on short SKUs; some already notified.
insert into waitlist (sku, email, quantity, consent_at, confirmed_at, notified_at, notice_until, created_at)
select f.sku, 'shopper' || w || '.' || f.idx || '@example.com', 1 + pg_temp.r(f.idx * 107 + w, 3),
       now() - (1 + pg_temp.r(f.idx * 109 + w, 60)) * interval '1 day', null,
       case when w = 1 and f.idx % 5 = 0 then now() - interval '2 days' end,
       case when w = 1 and f.idx % 5 = 0 then now() - interval '1 day' end,
       now() - (1 + pg_temp.r(f.idx * 109 + w, 60)) * interval '1 day'
from sku_facts f cross join lateral generate_series(1, 1 + pg_temp.r(f.idx * 113, 12)) w
where f.short;

insert into offer_rules (kind, percent_off, percent_per_week, cap_percent, after_days, valid_days, min_order_minor, sku, active, created_at)
values ('waitlist_discount', 10, null, null, null, 14, 0, null, true, now() - interval '100 days'),
       ('late_compensation', null, 5, 20, 7, 30, 0, null, true, now() - interval '100 days'),
       ('long_wait_thanks', 5, null, null, 21, 30, 0, null, true, now() - interval '100 days');

-- Balances from the ledger and the lines.
update stock s set on_hand = coalesce(m.units, 0), reserved = coalesce(l.reserved, 0), backordered = coalesce(l.waiting, 0),
                   queue_settled_on = (select today from params)
from sku_facts f
left join (select sku, sum(quantity) as units from stock_movements group by sku) m on m.sku = f.sku
left join (select sku, sum(reserved) as reserved, sum(waiting) as waiting from order_lines group by sku) l on l.sku = f.sku
where f.sku = s.sku;

update relay_cursors set last_id = (select coalesce(max(id), 0) from order_events) where name = 'order_events';
update relay_cursors set last_id = (select coalesce(max(id), 0) from payment_events) where name = 'payment_events';

-- The invariants, checked before commit: any row printed here is a defect of this fill.
do $$
declare
    bad bigint;
begin
    select count(*) into bad from stock s
    left join (select sku, sum(quantity) as units from stock_movements group by sku) m on m.sku = s.sku
    left join (select sku, sum(reserved) as reserved, sum(waiting) as waiting from order_lines group by sku) l on l.sku = s.sku
    where s.on_hand <> coalesce(m.units, 0) or s.reserved <> coalesce(l.reserved, 0) or s.backordered <> coalesce(l.waiting, 0);
    if bad > 0 then raise exception '% stock rows disagree with the ledger or the lines', bad; end if;
    select count(*) into bad from stock where backordered > 0 and on_hand - reserved > 0;
    if bad > 0 then raise exception '% SKUs have free stock and a queue', bad; end if;
    select count(*) into bad from order_lines l where l.waiting > 0
        and (select coalesce(sum(quantity), 0) from backorder_pegs p where p.order_line_id = l.id) <> l.waiting;
    if bad > 0 then raise exception '% waiting lines are not pegged in full', bad; end if;
    select count(*) into bad from order_events e where e.kind in ('backordered', 'refused') and e.quantity > 0
        and not exists (select 1 from backorder_causes c where c.order_event_id = e.id);
    if bad > 0 then raise exception '% backorder events have no causes', bad; end if;
end
$$;

commit;
vacuum analyze;
