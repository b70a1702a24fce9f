#!/usr/bin/env bash
# Throwaway PostgreSQL cluster for tests, on a free port of 127.0.0.1, trust auth, no fsync.
#   scripts/start-postgres.sh start DIR   → prints shell exports (eval them):
#        SYNAPSCALE_TEST_PG_URL, SYNAPSCALE_TEST_PG_DIR, SYNAPSCALE_TEST_PG_PORT
#   scripts/start-postgres.sh stop DIR    → stops it (the directory is left for inspection)
#   scripts/start-postgres.sh restart DIR → stop + start on the same port (used by fault tests)
set -euo pipefail

cmd=${1:?usage: start-postgres.sh start|stop|restart|pause DIR}
dir=${2:?usage: start-postgres.sh start|stop|restart|pause DIR}
PGBIN=${PGBIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)}
[ -x "$PGBIN/pg_ctl" ] || { echo "start-postgres: PostgreSQL server binaries not found (install postgresql-15)" >&2; exit 1; }

as_owner() {
  # initdb and postgres refuse to run as root: run them as the postgres user then.
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
  local port
  for _ in $(seq 1 200); do
    port=$(( (RANDOM % 30000) + 20000 ))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return 0; fi
  done
  echo "start-postgres: no free port found" >&2; return 1
}

start() {
  mkdir -p "$dir"
  if [ "$(id -u)" -eq 0 ]; then chown postgres:postgres "$dir"; fi
  if [ ! -f "$dir/data/PG_VERSION" ]; then
    as_owner "$PGBIN/initdb" -D "$dir/data" --auth=trust --no-sync -U postgres -E UTF8 >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; exit 1; }
  fi
  local port=${3:-}
  [ -n "$port" ] || port=$(cat "$dir/port" 2>/dev/null || free_port)
  echo "$port" | as_owner tee "$dir/port" >/dev/null
  as_owner "$PGBIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
    start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
  as_owner "$PGBIN/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -qtAc \
    "SELECT 1 FROM pg_database WHERE datname='synapscale_test'" | grep -q 1 \
    || as_owner "$PGBIN/createdb" -h 127.0.0.1 -p "$port" -U postgres synapscale_test
  echo "export SYNAPSCALE_TEST_PG_URL=postgresql://postgres@127.0.0.1:$port/synapscale_test"
  echo "export SYNAPSCALE_TEST_PG_DIR=$dir"
  echo "export SYNAPSCALE_TEST_PG_PORT=$port"
}

stop() {
  [ -f "$dir/data/postmaster.pid" ] || return 0
  as_owner "$PGBIN/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
}

case "$cmd" in
  start) start "$@" ;;
  stop) stop ;;
  restart) stop; start "$@" >/dev/null ;;
  *) echo "usage: start-postgres.sh start|stop|restart DIR" >&2; exit 2 ;;
esac
