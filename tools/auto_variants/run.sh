#!/usr/bin/env bash
# Experiments on auto's class policy (docs/BENCHMARKS.md, the online-retail target of #13). From the project folder,
# after `mvn -q -B package -DskipTests`:  bash tools/auto_variants/run.sh or|cp|cpall [Variants|Combos|FittedTsb|Recency]
# (Variants: validation rules, forecast2 branch; Combos: combinations, shrinkage, per-origin classes and weighted
# averages, forecast3 branch; FittedTsb: TSB with fitted constants; Recency: recency-weighted origins, top-k
# combinations, an RMSSE-like scale and level-shift rules, fc branch). `run.sh m1 M1Patterns` counts M1's patterns. Compiled into restock.forecast's package on the
# class path (they read the package's cross-validation errors); not product code.
set -euo pipefail
cp="forecast/target/classes:bench/target/lib/*"
out=$(mktemp -d)
javac -cp "$cp" -d "$out" tools/auto_variants/*.java
java -cp "$out:$cp" "restock.forecast.${2:-Variants}" "${1:-or}"
rm -rf "$out"
