-- The secret that signs customers' links, generated once so that links sent before a restart keep working.
create table secrets (
    name       text primary key,
    value      bytea not null check (length(value) >= 16),
    created_at timestamptz not null
);
