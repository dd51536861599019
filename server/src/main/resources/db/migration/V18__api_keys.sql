-- Scoped API keys (#11): stored as the SHA-256 of a 256-bit random key, never the key itself; a short prefix
-- identifies a key in lists and logs. Rotation gives a new key and lets the old one work until it expires.
create table api_keys (
    id                  bigserial primary key,
    name                text not null check (length(name) between 1 and 100),
    scope               text not null check (scope in ('storefront', 'operations', 'reporting')),
    prefix              text not null unique check (prefix ~ '^rk_(ops|sf|rep)_[A-Za-z0-9_-]{8}$'),
    secret_sha256       bytea not null unique check (length(secret_sha256) = 32),
    requests_per_minute integer not null check (requests_per_minute between 1 and 1000000),
    created_at          timestamptz not null,
    created_by          text not null check (length(created_by) between 1 and 100),
    expires_at          timestamptz,
    revoked_at          timestamptz,
    replaced_by         bigint references api_keys (id),
    check (expires_at is null or expires_at > created_at)
);
create index api_keys_active on api_keys (scope) where revoked_at is null;
