#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster for the server tests (CI runs them on PGlite and on this).
#   bash scripts/test-postgres.sh start   # prints the database URL as its last line
#   bash scripts/test-postgres.sh stop    # stops the cluster and deletes its files
# Speed over durability: fsync is off, the cluster lives only for one test run.
set -euo pipefail

BIN=/usr/lib/postgresql/15/bin
DIR=${PD_DESK_TEST_PG_DIR:-/tmp/pd-desk-test-pg}
PORT=${PD_DESK_TEST_PG_PORT:-54329}
DB=pd_desk_test

# initdb and pg_ctl refuse to run as root.
as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

stop() {
  if [ -f "$DIR/data/postmaster.pid" ]; then as_postgres "$BIN/pg_ctl" -D "$DIR/data" -m fast -w stop >/dev/null; fi
  rm -rf "$DIR"
}

start() {
  if [ ! -x "$BIN/initdb" ]; then
    echo "PostgreSQL 15 is not installed: apt-get install -y postgresql-15" >&2
    exit 1
  fi
  stop
  mkdir -p "$DIR"
  if [ "$(id -u)" -eq 0 ]; then chown postgres: "$DIR"; fi
  as_postgres "$BIN/initdb" -D "$DIR/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >"$DIR/initdb.log"
  as_postgres "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -o \
    "-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    start >/dev/null
  "$BIN/psql" -q -h 127.0.0.1 -p "$PORT" -U postgres -c "create database $DB" >/dev/null
  echo "postgres://postgres@127.0.0.1:$PORT/$DB"
}

case ${1:-} in
  start) start ;;
  stop) stop ;;
  *)
    echo "usage: $0 start|stop" >&2
    exit 2
    ;;
esac
