#!/usr/bin/env bash
# Restock under faults (issue 11): instances sharing one PostgreSQL, clients retrying keyed commands, SIGKILLs of
# an instance and PostgreSQL restarts at random moments; then every invariant, every acknowledged order exactly
# once, every retry the first answer, nothing charged without a fill, no message lost or sent twice.
#
#   tools/chaos.sh [minutes=10] [kills=20] [restarts=3] [instances=2] [clients=4] [jdbc-url]
#
# Without a URL the run starts a PostgreSQL of its own (restarting it disturbs nobody). With a URL it works in a
# fresh schema there and restarts that server with pg_ctlcluster: only for the machine's own cluster, and everyone
# else using it sees the restart. Repeat a run with CHAOS_SEED=<seed it printed>. Exits 1 on any violation.
set -euo pipefail
cd "$(dirname "$0")/.."
classpath_file="$PWD/server/target/chaos.classpath"
# The server module and what it needs (forecast), compiled with its tests; the reactor writes the server's test
# classpath last, so the file ends up holding it.
mvn -B -ntp -q -pl server -am -DskipTests test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile="$classpath_file"
folder="server/target/chaos-$(date +%Y%m%d-%H%M%S)"
seed=()
if [[ -n "${CHAOS_SEED:-}" ]]; then seed=("-Dchaos.seed=$CHAOS_SEED"); fi
exec java -Xmx1g "${seed[@]}" -Dchaos.folder="$folder" -cp "server/target/test-classes:server/target/classes:$(cat "$classpath_file")" \
    restock.chaos.ChaosRun "${1:-10}" "${2:-20}" "${3:-3}" "${4:-2}" "${5:-4}" ${6:+"$6"}
