-- The nightly planning run's results, kept for planners and the dashboard.
create table planning_runs (
    id            bigserial primary key,
    ran_at        timestamptz not null,
    service_level double precision not null check (service_level > 0.5 and service_level < 1),
    skus          integer not null check (skus >= 0),
    suggested     integer not null check (suggested >= 0),
    plan_csv      text not null
);
