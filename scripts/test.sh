#!/usr/bin/env bash
# `make test`: installs what is missing, starts a throwaway PostgreSQL, then runs the type check,
# lint, every package's tests and the browser end-to-end tests. Ends with "N passed, N failed".
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"
export CI=true

ensure_deps || { echo "yarn install failed"; echo "0 passed, 1 failed"; exit 1; }
bash scripts/system-deps.sh || { echo "installing system packages failed"; echo "0 passed, 1 failed"; exit 1; }

RESULTS="$(mktemp -d)"
chmod 755 "$RESULTS" # the postgres user runs the server below it
PG_DIR="$RESULTS/pg"
PG_PORT="${KUBEDECK_TEST_PG_PORT:-$(node -e 's=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')}"
trap 'scripts/postgres.sh stop "$PG_DIR"' EXIT
if ! PG_URL="$(scripts/postgres.sh start "$PG_DIR" "$PG_PORT")"; then
  echo "Could not start PostgreSQL for the tests; its log:"
  cat "$PG_DIR/log" 2>/dev/null
  echo "0 passed, 1 failed"
  exit 1
fi
export BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING="$PG_URL"

passed=0; failed=0; skipped=0
count() { passed=$((passed + $1)); failed=$((failed + $2)); skipped=$((skipped + ${3:-0})); }

echo "==> Type check"
if yarn tsc --noEmit; then count 1 0; else count 0 1; fi

echo "==> Lint"
if yarn backstage-cli repo lint; then count 1 0; else count 0 1; fi

echo "==> Package tests (jest, SQLite and PostgreSQL)"
yarn backstage-cli repo test --json --outputFile="$RESULTS/jest.json" --verbose=false
jest_status=$?
if [ -f "$RESULTS/jest.json" ]; then
  read -r p f s < <(node -e '
    const r = require(process.argv[1]);
    // A suite that failed to run at all has no assertion results: count it as one failure.
    const broken = r.testResults.filter(t => t.status === "failed" && t.assertionResults.length === 0).length;
    console.log(r.numPassedTests, r.numFailedTests + broken, r.numPendingTests + r.numTodoTests);
  ' "$RESULTS/jest.json")
  count "$p" "$f" "$s"
  if [ "$jest_status" -ne 0 ] && [ "$f" -eq 0 ]; then count 0 1; fi
else
  count 0 1
fi

echo "==> Browser end-to-end tests"
if [ -x scripts/e2e.sh ]; then
  bash scripts/e2e.sh 2>&1 | tee "$RESULTS/e2e.log"
  e2e_status=${PIPESTATUS[0]}
  read -r p f s < <(node -e '
    const log = require("fs").readFileSync(process.argv[1], "utf8");
    const n = k => Number((log.match(new RegExp("^# " + k + " (\\d+)$", "m")) || [0, 0])[1]);
    console.log(n("pass"), n("fail"), n("skipped"));
  ' "$RESULTS/e2e.log")
  count "$p" "$f" "$s"
  if [ "$e2e_status" -ne 0 ] && [ "$f" -eq 0 ]; then count 0 1; fi
fi

summary="$passed passed, $failed failed"
[ "$skipped" -gt 0 ] && summary="$summary, $skipped skipped"
echo "$summary"
[ "$failed" -eq 0 ]
