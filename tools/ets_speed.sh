#!/usr/bin/env bash
# Issue #6's speed target, run side by side on one machine: R's automatic ets() and Restock's Ets.automatic on the
# 2,509 complete carparts series (45 months, h = 6), both on 2 cores. Needs R with the forecast package:
#   apt-get install -y --no-install-recommends r-cran-forecast
# Usage (from the project folder, after mvn -q -B package -DskipTests): bash tools/ets_speed.sh [../shared/data/carparts]
set -euo pipefail
data="${1:-../shared/data/carparts}"
out="$(mktemp -d)"
r_line="$(Rscript tools/r_ets_timing.R "$data/carparts_wide.csv" 2 "$out/r_ets.csv" | tail -1)"
echo "$r_line"
r_seconds="$(echo "$r_line" | sed -n 's/^r_ets_seconds=\([0-9.]*\).*/\1/p')"
java -jar bench/target/restock-bench-0.1.0-SNAPSHOT.jar ets-speed --data "$data" --threads 2 --r-seconds "$r_seconds"
