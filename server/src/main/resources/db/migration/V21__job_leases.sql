-- Background work across instances (issue 11): each recurring job runs in one instance at a time, the one
-- holding its lease; a lease not renewed in time (its holder died) passes to another instance.
create table job_leases (
    name        text primary key check (length(name) between 1 and 100),
    holder      text not null check (length(holder) between 1 and 200),
    acquired_at timestamptz not null,
    lease_until timestamptz not null,
    check (lease_until > acquired_at)
);

-- Scheduled runs (the nightly plan): one row per job and due time, claimed by one instance; another takes it
-- over only when the claim lapsed unfinished.
create table scheduled_runs (
    job         text not null check (length(job) between 1 and 100),
    due_at      timestamptz not null,
    holder      text not null check (length(holder) between 1 and 200),
    claimed_at  timestamptz not null,
    lease_until timestamptz not null,
    finished_at timestamptz,
    primary key (job, due_at)
);
