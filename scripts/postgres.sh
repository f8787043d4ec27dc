#!/usr/bin/env bash
# Starts a throwaway PostgreSQL 15 on loopback for tests and prints its connection string.
# Usage: scripts/postgres.sh start DIR PORT | scripts/postgres.sh stop DIR
set -euo pipefail
PGBIN=/usr/lib/postgresql/15/bin
cmd="$1"; dir="$2"
if [ ! -x "$PGBIN/initdb" ]; then
  echo "Installing PostgreSQL 15 from Debian's packages ..." >&2
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-15) >&2
fi
case "$cmd" in
  start)
    port="$3"
    rm -rf "$dir" && mkdir -p "$dir" && chown postgres "$dir"
    runuser -u postgres -- "$PGBIN/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 >/dev/null
    runuser -u postgres -- "$PGBIN/pg_ctl" -D "$dir/data" -l "$dir/log" -w start \
      -o "-h 127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" >/dev/null
    echo "postgresql://postgres@127.0.0.1:$port"
    ;;
  stop)
    runuser -u postgres -- "$PGBIN/pg_ctl" -D "$dir/data" -m fast stop >/dev/null 2>&1 || true
    ;;
esac
