#!/usr/bin/env bash
# Console page latency: signs in, then sends 100 sequential GETs to each page (after 5 warm-up requests) and prints
# the median and 95th percentile of curl's total time. Usage: tools/console_latency.sh BASE_URL USER PASSWORD [SKU]
set -euo pipefail
base=${1:?base URL, e.g. http://127.0.0.1:8080}
user=${2:?staff user}
password=${3:?password}
sku=${4:-85099B}
jar=$(mktemp)
trap 'rm -f "$jar"' EXIT
token=$(curl -s -c "$jar" -b "$jar" "$base/console/login" | grep -o 'name="_login" value="[^"]*"' | sed 's/.*value="//;s/"//')
curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "_login=$token" --data-urlencode "username=$user" \
  --data-urlencode "password=$password" "$base/console/login"
for page in overview backorders orders purchase-orders suppliers products waitlists planning "skus/$sku" "skus/$sku/chart.json" \
            orders/1 purchase-orders/1 overview/trend.json overview/kpis.json overview/causes.json; do
  for _ in 1 2 3 4 5; do curl -s -o /dev/null -b "$jar" "$base/console/$page"; done
  for _ in $(seq 1 100); do curl -s -o /dev/null -w '%{time_total}\n' -b "$jar" "$base/console/$page"; done | sort -n |
    awk -v p="$page" '{a[NR]=$1} END {printf "%-26s p50 %4.0f ms  p95 %4.0f ms\n", p, a[int(NR*0.5)]*1000, a[int(NR*0.95)]*1000}'
done
# The storefront demo page (served with --demo only; no session needed).
if curl -s -o /dev/null -w '%{http_code}' "$base/shop" | grep -q 200; then
  for _ in 1 2 3 4 5; do curl -s -o /dev/null "$base/shop"; done
  for _ in $(seq 1 100); do curl -s -o /dev/null -w '%{time_total}\n' "$base/shop"; done | sort -n |
    awk '{a[NR]=$1} END {printf "%-26s p50 %4.0f ms  p95 %4.0f ms\n", "/shop", a[int(NR*0.5)]*1000, a[int(NR*0.95)]*1000}'
fi
