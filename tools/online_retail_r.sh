#!/usr/bin/env bash
# The online_retail weekly benchmark with R's numbers beside Restock's: export the training series, forecast them
# with R's forecast package (../shared/tools/r_oracle_forecast.R, frequency 52, h = 8), then benchmark.
# Needs: apt-get install -y --no-install-recommends r-cran-forecast; mvn -q -B package -DskipTests first.
# Usage: bash tools/online_retail_r.sh [../shared/data/online_retail] [../shared/tools]
set -euo pipefail
data="${1:-../shared/data/online_retail}"
tools="${2:-../shared/tools}"
work="$(mktemp -d)"
jar=bench/target/restock-bench-0.1.0-SNAPSHOT.jar
java -jar "$jar" online-retail --data "$data" --export-training "$work/training.csv"
time Rscript "$tools/r_oracle_forecast.R" "$work/training.csv" "$work/r_forecasts.csv" 8 52 naive,mean,ses,croston,sba,tsb,ets,theta
java -jar "$jar" online-retail --data "$data" --r-forecasts "$work/r_forecasts.csv"
