#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server on a loopback port as the postgres user and prints its URL.
# Used by .ci/run and by developers who want to run the suites against a server.
set -euo pipefail
port="${PGPORT_TEST:-54329}"
dir="${PGDATA_TEST:-/tmp/serendip-pg-$port}"
bindir="$(pg_config --bindir)"
if ! runuser -u postgres -- "$bindir/pg_ctl" -D "$dir" status >/dev/null 2>&1; then
  rm -rf "$dir"
  mkdir -p "$dir"
  chown postgres:postgres "$dir"
  runuser -u postgres -- "$bindir/initdb" -D "$dir" -A trust -U postgres >/dev/null
  runuser -u postgres -- "$bindir/pg_ctl" -D "$dir" -l "$dir/server.log" -w \
    -o "-p $port -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300" start >/dev/null
fi
echo "postgres://postgres@127.0.0.1:$port/postgres"
