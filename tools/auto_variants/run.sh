#!/usr/bin/env bash
# Validation-rule variants for auto's class policy (docs/BENCHMARKS.md). From the project folder, after
# `mvn -q -B package -DskipTests`:  bash tools/auto_variants/run.sh or|cp|cpall
# Compiled into restock.forecast's package on the class path (it reads the package's cross-validation errors).
set -euo pipefail
cp="forecast/target/classes:bench/target/lib/*"
out=$(mktemp -d)
javac -cp "$cp" -d "$out" tools/auto_variants/Variants.java
java -cp "$out:$cp" restock.forecast.Variants "${1:-or}"
rm -rf "$out"
