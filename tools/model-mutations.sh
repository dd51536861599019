#!/usr/bin/env bash
# Issue 10 item 2: the model-based test must catch mutations of the one decision. Each mutation is applied to a
# throw-away worktree of HEAD, the model-based test runs there, and the script reports whether it failed (caught)
# and the first disagreement it printed. Exit status 1 if any mutation survived.
#   tools/model-mutations.sh [name ...]   (all when none named; embedded PostgreSQL, RESTOCK_TEST_DATABASE_URL to use a server)
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

declare -A file pattern replacement
file[drop-policy-check]=server/src/main/java/restock/catalog/BackorderPolicy.java
pattern[drop-policy-check]='public int unitsAllowedToWait(int shortfall, int alreadyWaiting, IntUnaryOperator promisableUnits) { return 0; }'
replacement[drop-policy-check]='public int unitsAllowedToWait(int shortfall, int alreadyWaiting, IntUnaryOperator promisableUnits) { return promisableUnits.applyAsInt(shortfall); }'
file[portions-by-printed-date]=server/src/main/java/restock/allocation/IncomingSupply.java
pattern[portions-by-printed-date]='comparing(line -> line.expectedArrival(today, confidence), arrival)'
replacement[portions-by-printed-date]='comparing(line -> Optional.of(line.expectedDate()), arrival)'
file[lateness-from-moved-date]=server/src/main/java/restock/store/SqlReliability.java
pattern[lateness-from-moved-date]="::date - l.original_expected_date end as lateness_days"
replacement[lateness-from-moved-date]="::date - l.expected_date end as lateness_days"
file[answer-judges-whole-leftover]=server/src/main/java/restock/allocation/Staircase.java
pattern[answer-judges-whole-leftover]='int take = Math.min(needed, leftover.units());'
replacement[answer-judges-whole-leftover]='int take = leftover.units();'
file[supply-by-median-day]=server/src/main/java/restock/allocation/IncomingSupply.java
pattern[supply-by-median-day]='return ExpectedArrival.of(expectedDate, odds, today, confidence);'
replacement[supply-by-median-day]='return ExpectedArrival.of(expectedDate, odds, today, 0.5);'
file[cart-lines-answered-alone]=server/src/main/java/restock/service/AvailabilityQueries.java
pattern[cart-lines-answered-alone]='positions.put(item.sku(), position.after(decision));'
replacement[cart-lines-answered-alone]='positions.put(item.sku(), position);'
file[waitlist-for-discontinued]=server/src/main/java/restock/service/WaitlistCommands.java
pattern[waitlist-for-discontinued]='if (product.lifecycle().discontinued()) {'
replacement[waitlist-for-discontinued]='if (false) {'
file[more-due-from-claimed-supply]=server/src/main/java/restock/allocation/OrderDecision.java
pattern[more-due-from-claimed-supply]='Optional<Promise> moreDue = refused > 0 && forShortfall instanceof Outlook.Promised due ?'
replacement[more-due-from-claimed-supply]='Optional<Promise> moreDue = refused > 0 && Staircase.of(new SkuPosition(position.sku(), position.policy(), position.lifecycle(), 0, 0, 0, position.supply(), position.settings())).outlookFor(shortfall) instanceof Outlook.Promised due ?'

names=("$@")
[ ${#names[@]} -gt 0 ] || names=(drop-policy-check portions-by-printed-date lateness-from-moved-date answer-judges-whole-leftover supply-by-median-day cart-lines-answered-alone waitlist-for-discontinued more-due-from-claimed-supply)
survived=0
for name in "${names[@]}"; do
  work=$(mktemp -d /tmp/restock-mutation-XXXXXX)
  git worktree add -q --detach "$work/tree" HEAD
  python3 - "$work/tree/${file[$name]}" "${pattern[$name]}" "${replacement[$name]}" <<'PY'
import sys
path, old, new = sys.argv[1:4]
text = open(path).read()
assert old in text, "mutation pattern not found in " + path
open(path, "w").write(text.replace(old, new, 1))
PY
  (cd "$work/tree" && mvn -B -ntp -pl server -am test -Dtest=OneTruthProperties -Dsurefire.failIfNoSpecifiedTests=false \
      > "$work/log" 2>&1)
  status=$?
  first=$(grep -m1 -E "^\[|Expecting|expected" "$work/log" | grep -v INFO | cut -c1-200)
  if [ $status -ne 0 ] && grep -q "agrees with the model\|AssertionError\|Expecting" "$work/log"; then
    echo "$name: caught ($(grep -m1 -oE '\[[^]]*(availability|order|feed|stock|line)[^]]*\]' "$work/log" | head -c 200))"
  else
    echo "$name: SURVIVED (test status $status; log $work/log)"
    survived=1
  fi
  git worktree remove --force "$work/tree"
done
exit $survived
