#!/usr/bin/env bash
# How often held-out demand falls inside `restock forecast`'s 80% and 95% bands (method auto), on three public sets:
# online retail (every 5th of the 3,528 weekly SKUs, last 8 weeks held out), carparts (1,046 monthly series, last 6
# months) and M1 (1,001 series, its own test part). docs/BENCHMARKS.md, "Forecast intervals".
#   tools/interval_coverage/run.sh [jar, default server/target/restock-server-0.1.0-SNAPSHOT.jar] [data, default ../shared/data]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
jar=$(realpath "${1:-$here/../../server/target/restock-server-0.1.0-SNAPSHOT.jar}")
data=$(realpath "${2:-$here/../../../shared/data}")
work=$(mktemp -d /tmp/restock-coverage-XXXXXX)
for set in online_retail carparts m1; do
  mkdir -p "$work/$set" && cd "$work/$set"
  case $set in
    online_retail) python3 "$here/prepare_online_retail.py" 5 "$data" > /dev/null ;;
    *) python3 "$here/prepare_$set.py" "$data" ;;
  esac
  java -jar "$jar" forecast --input history.csv --meta meta.csv --out forecasts.csv 2> /dev/null
  echo "$set: $(python3 "$here/score.py" forecasts.csv | cut -d: -f2-)"
done
