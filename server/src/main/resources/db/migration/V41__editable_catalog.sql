-- Suppliers and products as records people edit (issue #12): supplier terms that planning uses, categories, and an
-- append-only audit trail of every edit.

alter table suppliers
    add column contact_name   text check (length(contact_name) between 1 and 200),
    add column contact_email  text check (length(contact_email) between 3 and 254),
    add column phone          text check (length(phone) between 1 and 40),
    add column lead_time_days integer check (lead_time_days between 1 and 365),
    add column minimum_order  integer not null default 0 check (minimum_order between 0 and 1000000),
    add column pack_size      integer not null default 1 check (pack_size between 1 and 100000),
    add column currency       char(3) check (currency ~ '^[A-Z]{3}$'),
    add column updated_at     timestamptz;

create table categories (
    code       text primary key check (code ~ '^[a-z0-9][a-z0-9-]{0,63}$'),
    name       text not null check (length(name) between 1 and 200),
    created_at timestamptz not null
);

alter table products
    add column category_code text references categories (code),
    add column supplier_id   bigint references suppliers (id),
    add column updated_at    timestamptz;
create index products_by_category on products (category_code);
create index products_by_supplier on products (supplier_id);

-- Who changed what, when, from which value to which: one row per edit, never changed.
create table catalog_audit (
    id          bigserial primary key,
    entity      text not null check (entity in ('product', 'supplier', 'category')),
    entity_key  text not null check (length(entity_key) between 1 and 200),
    action      text not null check (action in ('created', 'updated')),
    changed_by  text not null check (length(changed_by) between 1 and 200),
    changes     jsonb not null check (jsonb_typeof(changes) = 'object'),
    occurred_at timestamptz not null
);
create index catalog_audit_by_entity on catalog_audit (entity, entity_key, id);
create trigger catalog_audit_append_only before update or delete on catalog_audit
    for each row execute function forbid_change();
