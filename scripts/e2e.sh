#!/usr/bin/env bash
# Browser end-to-end tests: builds the frontend, starts the backend (which serves the built app
# through app-backend) on app-config.yaml + app-config.e2e.yaml, waits until it answers, runs the
# packages/e2e tests against it with Debian's Chromium and stops the backend again. Exits with
# the tests' status; the node test runner's TAP summary (# pass / # fail / # skipped) is printed.
#
# Arguments: test files to run instead of all, relative to packages/e2e (src/alertsBell.test.ts).
# Environment: E2E_SKIP_BUILD=1 reuses an existing packages/app/dist; E2E_START_TIMEOUT (seconds,
# default 300) bounds the wait for the backend. Screenshots land in e2e-screenshots/.
set -uo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"

BASE_URL="http://localhost:7007"
LOG_DIR="$ROOT/e2e-screenshots"
BACKEND_LOG="$LOG_DIR/backend.log"
START_TIMEOUT="${E2E_START_TIMEOUT:-300}"
mkdir -p "$LOG_DIR"
rm -f "$LOG_DIR"/*.png

if [ ! -x /usr/bin/chromium ]; then
  echo "Installing Debian's chromium package for the browser tests ..."
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null ||
    { echo "e2e: could not install chromium" >&2; exit 1; }
fi

if curl -s -o /dev/null "$BASE_URL"; then
  echo "e2e: something already listens on $BASE_URL; stop it first (make start?)" >&2
  exit 1
fi

if [ "${E2E_SKIP_BUILD:-}" = "1" ] && [ -f packages/app/dist/index.html ]; then
  echo "==> Reusing the frontend build in packages/app/dist"
else
  echo "==> Building the frontend (packages/app/dist)"
  yarn workspace app build --config ../../app-config.yaml --config ../../app-config.e2e.yaml \
    > "$LOG_DIR/build.log" 2>&1 || {
    echo "e2e: the frontend build failed; last lines of $LOG_DIR/build.log:" >&2
    tail -n 40 "$LOG_DIR/build.log" >&2
    exit 1
  }
fi

# Each service runs in its own process group (setsid) so that the exit trap stops it with all
# of its children.
KUBE_SIM_PID=""
BACKEND_PID=""
stop_group() {
  local pid="$1"
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM -- "-$pid" 2>/dev/null
  for _ in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  kill -KILL -- "-$pid" 2>/dev/null
  return 0
}
stop_services() { stop_group "$BACKEND_PID"; stop_group "$KUBE_SIM_PID"; }
trap stop_services EXIT
trap 'exit 130' INT TERM

# The kube-sim demo cluster, on a free port; app-config.e2e.yaml points the backend at the
# kubeconfig it writes.
KUBE_SIM_DIR="$LOG_DIR/kube-sim"
if [ -f packages/kube-sim/src/cli.ts ]; then
  echo "==> Starting the kube-sim demo cluster (log: $KUBE_SIM_DIR/kube-sim.log)"
  rm -rf "$KUBE_SIM_DIR" && mkdir -p "$KUBE_SIM_DIR"
  setsid node packages/kube-sim/bin/kube-sim --scenario demo --port 0 \
    --kubeconfig-out "$KUBE_SIM_DIR/kubeconfig" > "$KUBE_SIM_DIR/kube-sim.log" 2>&1 &
  KUBE_SIM_PID=$!
  # The backend reads the kubeconfig when it starts: wait for kube-sim to write it.
  for _ in $(seq 1 60); do
    [ -s "$KUBE_SIM_DIR/kubeconfig" ] || ! kill -0 "$KUBE_SIM_PID" 2>/dev/null && break
    sleep 1
  done
  if [ ! -s "$KUBE_SIM_DIR/kubeconfig" ]; then
    echo "e2e: kube-sim did not start; its log ($KUBE_SIM_DIR/kube-sim.log):" >&2
    tail -n 30 "$KUBE_SIM_DIR/kube-sim.log" >&2
    exit 1
  fi
fi

echo "==> Starting the backend on $BASE_URL (log: $BACKEND_LOG)"
setsid bash -c 'source scripts/env.sh && exec node "$ROOT"/.yarn/releases/yarn-*.cjs workspace backend start \
  --config ../../app-config.yaml --config ../../app-config.e2e.yaml' > "$BACKEND_LOG" 2>&1 &
BACKEND_PID=$!

# What the backend logged since its last (re)start, without our own readiness polls.
current_log() {
  awk '/^Loading config from/ { buf = "" } !/health\/v1\/readiness/ { buf = buf $0 "\n" }
       END { printf "%s", buf }' "$BACKEND_LOG"
}
show_log() { current_log | tail -n 60 >&2; }

# The CLI's watcher outlives a backend that crashed or failed to start (it waits for a file
# change to restart it), so such a report left standing for 15 seconds counts as an exit.
ready=""
failed_for=0
for _ in $(seq 1 "$START_TIMEOUT"); do
  if curl -sf "$BASE_URL/.backstage/health/v1/readiness" >/dev/null &&
     curl -sf "$BASE_URL/" | grep -q '<div id="root">'; then
    ready=1
    break
  fi
  if current_log | grep -qE '^Node\.js v|Backend startup failed'; then
    failed_for=$((failed_for + 1))
  else
    failed_for=0
  fi
  if ! kill -0 "$BACKEND_PID" 2>/dev/null || [ "$failed_for" -ge 15 ]; then
    echo "e2e: the backend failed to start; its log since the last start ($BACKEND_LOG):" >&2
    show_log
    exit 1
  fi
  sleep 1
done
if [ -z "$ready" ]; then
  echo "e2e: the backend did not serve the app on $BASE_URL within ${START_TIMEOUT}s; its log ($BACKEND_LOG):" >&2
  show_log
  exit 1
fi

echo "==> Running the browser tests against $BASE_URL"
# Node's test runner expands the default pattern itself.
[ "$#" -gt 0 ] || set -- 'src/*.test.ts'
BASE_URL="$BASE_URL" yarn workspace @kubedeck/e2e test "$@"
status=$?
[ "$status" -eq 0 ] || { echo "e2e: tests failed; the backend's last log lines ($BACKEND_LOG):" >&2; current_log | tail -n 30 >&2; }
exit "$status"
