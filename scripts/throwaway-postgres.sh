#!/usr/bin/env bash
# A throwaway PostgreSQL for the tests: `start` initialises a cluster in a new temporary folder (as the
# `postgres` user, because initdb refuses root), listens on a free loopback port only, waits until it
# accepts connections and prints `export TEST_DATABASE_URL=…` and `export THROWAWAY_POSTGRES_DIR=…`;
# `stop DIR` stops it and deletes the folder. Installs Debian's postgresql package when it is missing.
set -euo pipefail

run_as_postgres() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$1"; else bash -c "$1"; fi; }

find_bin() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
  [ -n "$dir" ] && [ -x "$dir/initdb" ] && echo "$dir"
}

case "${1:-}" in
  start)
    bin=$(find_bin || true)
    if [ -z "$bin" ]; then
      apt-get update -qq >&2
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
      bin=$(find_bin)
    fi
    dir=$(mktemp -d /tmp/recapture-postgres.XXXXXX)
    chown postgres "$dir" 2>/dev/null || true
    port=$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
    run_as_postgres "'$bin/initdb' -D '$dir/data' -A trust -U postgres >'$dir/initdb.log' 2>&1" \
      || { cat "$dir/initdb.log" >&2; exit 1; }
    run_as_postgres "'$bin/pg_ctl' -D '$dir/data' -l '$dir/server.log' -w -t 60 \
      -o \"-p $port -k '$dir' -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200\" start >/dev/null" \
      || { cat "$dir/server.log" >&2; exit 1; }
    for _ in $(seq 1 60); do
      "$bin/pg_isready" -q -h 127.0.0.1 -p "$port" && break
      sleep 1
    done
    "$bin/pg_isready" -q -h 127.0.0.1 -p "$port" || { echo "PostgreSQL did not start" >&2; cat "$dir/server.log" >&2; exit 1; }
    echo "export TEST_DATABASE_URL=postgres://postgres@127.0.0.1:$port/postgres"
    echo "export THROWAWAY_POSTGRES_DIR=$dir"
    ;;
  stop)
    dir=${2:?usage: throwaway-postgres.sh stop DIR}
    bin=$(find_bin)
    run_as_postgres "'$bin/pg_ctl' -D '$dir/data' -m immediate stop >/dev/null" || true
    rm -rf "$dir"
    ;;
  *)
    echo "usage: $0 start | stop DIR" >&2
    exit 2
    ;;
esac
