#!/usr/bin/env bash
# Installs the Debian packages the tests need when they are missing: PostgreSQL 15, Chromium,
# kubectl is expected on the machine image (no package for it is reachable here).
set -euo pipefail
missing=()
[ -x /usr/lib/postgresql/15/bin/initdb ] || missing+=(postgresql-15)
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v kcat >/dev/null || missing+=(kcat)
if [ "${#missing[@]}" -gt 0 ]; then
  echo "Installing Debian packages: ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
command -v kubectl >/dev/null || { echo "kubectl is not installed: the conformance tests need it" >&2; exit 1; }
