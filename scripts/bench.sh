#!/usr/bin/env bash
# `make bench`: runs every package's bench/*.bench.ts and writes docs/benchmarks.md.
# Each benchmark prints, as the last line of its output, {"rows":[{benchmark,figure,baseline,ratio}]}.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"
ensure_deps
node scripts/bench-report.mjs "$@"
