#!/usr/bin/env bash
# Issue 10 item 2: the model-based test's long run (at least 1,000,000 steps once), split over several processes.
# The test is one round trip after another between its JVM and PostgreSQL, so one process keeps about one core busy;
# on this 2-core machine two processes (each its own worktree of HEAD, its own fresh database, its own random seed)
# run the million steps in about half the time of one. Each process runs histories of the CI size until it has its
# share of the steps; every step of every process is compared with the model. Exit status 1 if any process failed.
#   tools/model-long.sh [processes, default 2] [steps in all, default 1000000]
#   (RESTOCK_TEST_DATABASE_URL to use a server; without it each process starts an embedded PostgreSQL)
set -uo pipefail
cd "$(dirname "$0")/.."
processes=${1:-2}
steps=${2:-1000000}
share=$(( (steps + processes - 1) / processes ))
work=$(mktemp -d /tmp/restock-model-long-XXXXXX)
echo "model-long: commit $(git rev-parse --short HEAD), $processes processes of $share steps, logs in $work"
started=$(date +%s)
for i in $(seq 1 "$processes"); do
  git worktree add -q --detach "$work/tree$i" HEAD
  (cd "$work/tree$i" \
    && mvn -B -ntp -pl server -am test -Plong-tests -Dgroups=long -Dtest=OneTruthProperties \
         -Drestock.model.minSteps="$share" -Dsurefire.failIfNoSpecifiedTests=false > "$work/log$i" 2>&1
    echo $? > "$work/status$i") &
done
wait
failed=0
total=0
for i in $(seq 1 "$processes"); do
  status=$(cat "$work/status$i")
  compared=$(grep -oE '^model-based test: [0-9]+ steps compared$' "$work/log$i" | grep -oE '[0-9]+' | tail -1)
  seed=$(grep -m1 -oE 'seed += [-0-9]+' "$work/log$i")
  echo "process $i: exit $status, ${compared:-no} steps compared, $seed"
  [ "$status" -eq 0 ] || failed=1
  total=$(( total + ${compared:-0} ))
  git worktree remove --force "$work/tree$i"
done
echo "model-long: $total steps compared in $(( $(date +%s) - started )) s, $([ $failed -eq 0 ] && echo 'all agreed with the model' || echo 'FAILED: see the logs')"
exit $failed
