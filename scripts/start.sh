#!/usr/bin/env bash
# `make start`: installs what is missing and runs the portal on embedded defaults (SQLite under
# data/, guest sign-in, in-memory broker, the kube-sim demo cluster). Ctrl-C stops everything.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"
ensure_deps
mkdir -p data/sqlite data/kube-sim

pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT INT TERM

if [ -f packages/kube-sim/src/cli.ts ]; then
  echo "Starting the kube-sim demo cluster on 127.0.0.1:6443 ..."
  node packages/kube-sim/bin/kube-sim --scenario demo --port 6443 \
    --kubeconfig-out data/kube-sim/kubeconfig > data/kube-sim/kube-sim.log 2>&1 &
  pids+=($!)
fi

yarn start > data/portal.log 2>&1 &
pids+=($!)
echo "Starting the portal (log: data/portal.log) ..."
for _ in $(seq 1 180); do
  if curl -sf http://localhost:7007/.backstage/health/v1/readiness >/dev/null &&
     curl -sf http://localhost:3000 >/dev/null; then
    echo
    echo "Kubedeck is ready: http://localhost:3000  (sign in as guest)"
    [ -f data/kube-sim/kubeconfig ] && echo "Demo cluster kubeconfig: data/kube-sim/kubeconfig"
    wait "${pids[@]}"
    exit 0
  fi
  if ! kill -0 "${pids[-1]}" 2>/dev/null; then
    echo "The portal exited during start-up; last lines of data/portal.log:" >&2
    tail -n 40 data/portal.log >&2
    exit 1
  fi
  sleep 2
done
echo "The portal did not become ready within 6 minutes; see data/portal.log" >&2
exit 1
