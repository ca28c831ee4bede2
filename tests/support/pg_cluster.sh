#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# A throw-away PostgreSQL cluster for the tests (Debian's postgresql-15: initdb and pg_ctl), on a
# Unix socket only (no TCP port to collide with a parallel test), fsync on like a real server.
#   pg_cluster.sh start DIR   initdb DIR/data if needed, start it, create database `sluice`;
#                             prints the base URL: postgresql:///sluice?host=DIR/data&user=sluice
#   pg_cluster.sh stop DIR    stop it (immediate) and remove DIR
#   pg_cluster.sh restart DIR stop (fast: the server ends its connections) and start again
#   pg_cluster.sh createdb DIR NAME  a new empty database NAME; prints its URL
# As root (CI containers) the server runs as the unprivileged `postgres` account, since postgres
# refuses to run as root; clients connect over the socket with trust authentication.
set -euo pipefail
cmd=$1 dir=$(realpath -m "$2")
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)
[ -x "$bin/initdb" ] || { echo "pg_cluster: initdb not found (Debian: postgresql-15; scripts/setup.sh installs it)" >&2; exit 1; }
data=$dir/data
as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
start() {
  mkdir -p "$dir"
  if [ ! -f "$data/PG_VERSION" ]; then
    mkdir -p "$data"
    if [ "$(id -u)" = 0 ]; then
      chown postgres: "$data" && chmod 0700 "$data"
      runuser -u postgres -- test -x "$data" ||
        { echo "pg_cluster: the postgres account cannot reach $data (a parent folder is private)" >&2; exit 1; }
    fi
    as_owner "$bin/initdb" -D "$data" -U sluice -A trust -E UTF8 --no-locale >"$dir/initdb.log" 2>&1 ||
      { cat "$dir/initdb.log" >&2; exit 1; }
  fi
  as_owner "$bin/pg_ctl" -D "$data" -l "$data/server.log" -w -t 60 \
    -o "-c listen_addresses='' -k $data -c max_connections=200 -c fsync=on -c synchronous_commit=on" start >/dev/null ||
    { cat "$data/server.log" >&2; exit 1; }
  "$bin/psql" -h "$data" -U sluice -d postgres -qtAc "SELECT 1 FROM pg_database WHERE datname = 'sluice'" | grep -q 1 ||
    "$bin/createdb" -h "$data" -U sluice sluice
  echo "postgresql:///sluice?host=$data&user=sluice"
}
case $cmd in
  start) start ;;
  stop)
    [ -f "$data/postmaster.pid" ] && as_owner "$bin/pg_ctl" -D "$data" -m immediate -w stop >/dev/null 2>&1 || true
    rm -rf "$dir" ;;
  restart)
    as_owner "$bin/pg_ctl" -D "$data" -m fast -w stop >/dev/null
    start ;;
  createdb)
    "$bin/createdb" -h "$data" -U sluice "$3"
    echo "postgresql:///$3?host=$data&user=sluice" ;;
  *) echo "usage: pg_cluster.sh start|stop|restart DIR | createdb DIR NAME" >&2; exit 2 ;;
esac
