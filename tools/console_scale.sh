#!/usr/bin/env bash
# The console at scale (issue 12): 50,000 SKUs and 1,000,000 orders on an external PostgreSQL, every console page
# requested many times, p50/p95 per page. Run from the repository root after `mvn -B -ntp -q package -DskipTests`.
#
#   tools/console_scale.sh fill      creates the database (default restock_scale) if missing, migrates it with the
#                                    app, fills it (tools/console_scale_fill.sql, which says how the rows are derived)
#                                    and stores a planning run made by `restock plan`; skipped when already filled
#   tools/console_scale.sh measure   starts the server on that database, signs in and measures every page
#   tools/console_scale.sh all       both
#
# Settings (environment): PGHOST (127.0.0.1), PGPORT (5432), PGUSER (postgres), SCALE_DB (restock_scale),
# SCALE_PORT (18090), SCALE_REQUESTS (requests per page after 5 warm-ups, 50), SCALE_JAR (the server jar to run),
# SCALE_PLAN (planner: store a run of `restock plan`, as the nightly run would; sql: tools/console_scale_plan.sql, for
# when planning 50,000 SKUs takes hours, as on the loaded 2-core machine of 2026-12-06). The fill takes several minutes and a
# few GB on disk; `dropdb -h 127.0.0.1 -U postgres restock_scale` removes it. Never point SCALE_DB at a database used
# for anything else: the fill expects an empty one.
set -euo pipefail
cd "$(dirname "$0")/.."
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
db=${SCALE_DB:-restock_scale}
port=${SCALE_PORT:-18090}
requests=${SCALE_REQUESTS:-50}
jar=${SCALE_JAR:-server/target/restock-server-0.1.0-SNAPSHOT.jar}
user=bench
password=scale-bench-password-1
# SCALE_URL_OPTIONS is added to the JDBC URL, e.g. "&options=-c%20jit%3Doff" (PostgreSQL's JIT off for the server).
export DATABASE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$db?user=$PGUSER${SCALE_URL_OPTIONS:-}"
[ -f "$jar" ] || { echo "build first: mvn -B -ntp -q package -DskipTests" >&2; exit 2; }

fill() {
  if ! psql -d postgres -tAc "select 1 from pg_database where datname = '$db'" | grep -q 1; then
    createdb "$db"
  fi
  # Migrates the database (every command opens it through Flyway) and makes the staff user the measurement signs in as.
  if ! java -jar "$jar" users list 2>/dev/null | grep -q "^$user\b"; then
    echo "$password" | java -jar "$jar" users create --username "$user" --password-stdin >/dev/null
  fi
  local filled
  filled=$(psql -d "$db" -tAc "select count(*) from products")
  if [ "$filled" -ge 50000 ]; then
    echo "$db already holds $filled products: fill skipped"
  elif [ "$filled" -ne 0 ]; then
    echo "$db holds $filled products, neither empty nor filled: drop it (dropdb $db) and run again" >&2; exit 1
  else
    echo "filling $db (several minutes)..."
    time psql -q -d "$db" -f tools/console_scale_fill.sql
  fi
  if [ "$(psql -d "$db" -tAc "select count(*) from planning_runs")" -eq 0 ] && [ "${SCALE_PLAN:-planner}" = sql ]; then
    echo "storing a planning run made in SQL (tools/console_scale_plan.sql), not by the planner..."
    psql -q -d "$db" -f tools/console_scale_plan.sql
  elif [ "$(psql -d "$db" -tAc "select count(*) from planning_runs")" -eq 0 ]; then
    echo "planning every SKU once, as the nightly run does, and storing the run..."
    local plan
    plan=$(mktemp)
    time java -jar "$jar" plan --out "$plan" 2>/dev/null
    psql -q -d "$db" -v ON_ERROR_STOP=1 <<SQL
\\set csv \`cat $plan\`
insert into planning_runs (ran_at, service_level, skus, suggested, plan_csv)
select now(), 0.95, (select count(*) from products where not discontinued),
       (select count(*) from regexp_split_to_table(:'csv', E'\\n') line
        where line ~ '^[^,]' and line !~ '^sku,' and split_part(line, ',', 9) ~ '^[1-9]'), :'csv';
SQL
    rm -f "$plan"
  fi
  psql -d "$db" -tAc "select 'products ' || (select count(*) from products) || ', orders ' || (select count(*) from orders)
    || ', order lines ' || (select count(*) from order_lines) || ', waiting lines ' || (select count(*) from order_lines where waiting > 0)
    || ', order events ' || (select count(*) from order_events) || ', stock movements ' || (select count(*) from stock_movements)
    || ', purchase orders ' || (select count(*) from purchase_orders) || ' (' || (select count(*) from purchase_orders where status = 'open')
    || ' open), backorder causes ' || (select count(*) from backorder_causes) || ', waitlist ' || (select count(*) from waitlist)
    || ', database ' || pg_size_pretty(pg_database_size('$db'))"
}

measure() {
  local log pid base cookies token
  log=$(mktemp)
  java -jar "$jar" serve --port "$port" >"$log" 2>&1 &
  pid=$!
  trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null || true; rm -f "$log" "${cookies:-}"' RETURN
  base="http://127.0.0.1:$port"
  for _ in $(seq 1 120); do curl -sf -o /dev/null "$base/console/login" && break; sleep 1; done
  cookies=$(mktemp)
  token=$(curl -s -c "$cookies" -b "$cookies" "$base/console/login" | grep -o 'name="_login" value="[^"]*"' | sed 's/.*value="//;s/"//')
  curl -s --max-time 300 -o /dev/null -c "$cookies" -b "$cookies" --data-urlencode "_login=$token" --data-urlencode "username=$user" \
    --data-urlencode "password=$password" "$base/console/login"
  # The overview's KPI cards, alerts and 12-week KPI chart (kpis.json, [] while read) are read in the background on the first request (InsightQueries.kept): how
  # long after the first overview request they appear, polling every 2 s (at most 15 minutes).
  local started ready
  started=$(date +%s)
  ready=""
  for _ in $(seq 1 450); do
    if ! curl -s --max-time 300 -b "$cookies" "$base/console/overview" | grep -q -E 'id="(kpis|alerts)-reading"' &&
       [ "$(curl -s --max-time 300 -b "$cookies" "$base/console/overview/kpis.json")" != "[]" ]; then
      ready=$(( $(date +%s) - started )); break
    fi
    sleep 2
  done
  echo "overview KPI cards, alerts and KPI trend shown $([ -n "$ready" ] && echo "after $ready s" || echo "not within 15 minutes") (first request at $(date -u -d @"$started" +%TZ))"
  local hot short order po
  hot=S00001
  short=$(psql -d "$db" -tAc "select sku from stock where backordered > 0 order by backordered desc, sku limit 1")
  order=$(psql -d "$db" -tAc "select max(id) from orders")
  po=$(psql -d "$db" -tAc "select min(id) from purchase_orders where status = 'open'")
  echo "$(date -u +%FT%TZ) $requests requests per page after 5 warm-ups (5 requests, no warm-up, where the first took over 2 s); load before: $(uptime | sed 's/.*load average/load average/')"
  # login reads nothing from the database: its time is the machine's floor (curl, Javalin, the template) under its load.
  local pages=(login overview overview/trend.json overview/kpis.json overview/causes.json backorders "backorders?sku=$short" orders "orders?q=customer4711%40" "orders?q=$order"
               "orders?q=Silk+Fan+12" "orders?q=lantern" "orders/$order" purchase-orders "purchase-orders?status=open" "purchase-orders/$po"
               suppliers products "products?after=S25000" "skus/$hot" "skus/$hot/chart.json" "skus/$short" waitlists planning)
  # SCALE_PAGES="login overview backorders" measures only those pages.
  [ -n "${SCALE_PAGES:-}" ] && read -r -a pages <<<"$SCALE_PAGES"
  for page in "${pages[@]}"; do
    # The first request says the status; a page slower than 2 s gets 5 timed requests instead (the first "before" runs).
    read -r code first < <(curl -s --max-time 300 -o /dev/null -w '%{http_code} %{time_total}\n' -b "$cookies" "$base/console/$page")
    n=$requests
    if awk -v t="$first" 'BEGIN {exit !(t > 2)}'; then n=5; else for _ in 1 2 3 4; do curl -s --max-time 300 -o /dev/null -b "$cookies" "$base/console/$page"; done; fi
    for _ in $(seq 1 "$n"); do curl -s --max-time 300 -o /dev/null -w '%{time_total}\n' -b "$cookies" "$base/console/$page"; done | sort -n |
      awk -v p="$page" -v c="$code" '{a[NR]=$1} END {i=int(NR*0.95+0.999); printf "%-34s %s  n %3d  p50 %6.0f ms  p95 %6.0f ms  max %6.0f ms\n", p, c, NR, a[int((NR+1)/2)]*1000, a[i]*1000, a[NR]*1000}'
  done
  echo "load after: $(uptime | sed 's/.*load average/load average/')"
}

case "${1:-all}" in
  fill) fill ;;
  measure) measure ;;
  all) fill; measure ;;
  *) echo "usage: tools/console_scale.sh fill|measure|all" >&2; exit 2 ;;
esac
