#!/usr/bin/env bash
# What the model-based test pays to start each history from an empty shop: TRUNCATE of every table (before) against
# deleting the rows with triggers off and resetting the sequences (after), ten of each, twice, in one script on one
# migrated database. Needs a migrated template on the server (any rt_*_template a test run left, or pass one).
#
#   tools/model_reset_cost.sh [template-database] [psql-connection-options]
set -euo pipefail
conn=(${2:--h 127.0.0.1 -U postgres})
template=${1:-$(psql "${conn[@]}" -d test -Atc "select datname from pg_database where datname like 'rt\_%template' limit 1")}
[[ -n "$template" ]] || { echo "no migrated template: run a test on the server first, or pass one" >&2; exit 2; }
db=scratch_reset_$$
psql "${conn[@]}" -d test -qc "create database $db template $template"
trap 'psql "${conn[@]}" -d test -qc "drop database if exists $db"' EXIT
tables=$(psql "${conn[@]}" -d "$db" -Atc "select string_agg(quote_ident(table_name), ',') from information_schema.tables
  where table_schema = 'public' and table_type = 'BASE TABLE' and table_name not in ('flyway_schema_history', 'locations')")
work=$(mktemp -d)
for i in $(seq 1 10); do echo "truncate ${tables//,/, } restart identity cascade;"; done > "$work/truncate.sql"
for i in $(seq 1 10); do
  echo "begin; set local session_replication_role = replica;"
  for t in ${tables//,/ }; do echo "delete from $t;"; done
  echo "select count(setval(c.oid, 1, false)) from pg_class c where c.relkind = 'S' and c.relnamespace = 'public'::regnamespace; commit;"
done > "$work/delete.sql"
for round in 1 2; do
  s=$(date +%s%N); psql "${conn[@]}" -d "$db" -q -f "$work/truncate.sql" >/dev/null; t=$(( ($(date +%s%N) - s) / 1000000 ))
  s=$(date +%s%N); psql "${conn[@]}" -d "$db" -q -f "$work/delete.sql" >/dev/null; d=$(( ($(date +%s%N) - s) / 1000000 ))
  echo "round $round: 10 truncates $t ms, 10 delete resets $d ms (ratio $(( t / (d > 0 ? d : 1) ))x); $(uptime | sed 's/.*load/load/')"
done
rm -rf "$work"
