-- Staff who run the shop from the console (issue 12 item 4): users with PBKDF2 password hashes, and their sessions.
-- A session is known by the SHA-256 of its cookie (the cookie itself is never stored) and carries the token every
-- form must send back (CSRF).

create table staff_users (
    id             bigserial primary key,
    username       text not null check (username ~ '^[a-z0-9][a-z0-9._-]{0,63}$'),
    password_hash  text not null check (password_hash ~ '^pbkdf2-sha256\$[0-9]+\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$'),
    created_at     timestamptz not null,
    created_by     text not null check (length(created_by) between 1 and 200),
    failed_logins  integer not null default 0 check (failed_logins >= 0),
    locked_until   timestamptz
);
create unique index staff_users_by_name on staff_users (username);

create table staff_sessions (
    token_sha256 bytea primary key check (length(token_sha256) = 32),
    user_id      bigint not null references staff_users (id),
    csrf_token   text not null check (length(csrf_token) between 32 and 100),
    created_at   timestamptz not null,
    expires_at   timestamptz not null,
    ended_at     timestamptz,
    check (expires_at > created_at)
);
create index staff_sessions_by_user on staff_sessions (user_id);

-- Lines staff cancel from the console say so in the cancellation record.
alter table cancellations drop constraint cancellations_via_check;
alter table cancellations add constraint cancellations_via_check
    check (via in ('api', 'cancel-link', 'payment-not-received', 'discontinued', 'console'));
