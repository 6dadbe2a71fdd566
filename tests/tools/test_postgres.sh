#!/bin/bash
# A private PostgreSQL cluster for one test run: `start STATE_FILE` makes it (initdb in a
# temporary folder, a free loopback port, durability off since nothing here must survive
# a crash of the machine, unless PLANSCORE_POSTGRES_DURABLE=1, as benchmarks want) and
# writes its admin URL to STATE_FILE; `stop STATE_FILE` stops it and removes the folder. CTest runs them as a fixture, so stop runs whatever the
# outcome of the tests in between.
set -euo pipefail
command=${1:?usage: test_postgres.sh start|stop STATE_FILE}
state=${2:?usage: test_postgres.sh start|stop STATE_FILE}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -x "$bin/initdb" ] || { echo "PostgreSQL server binaries not found (apt-get install postgresql)" >&2; exit 1; }

# initdb and the server refuse to run as root; as root they run as the postgres account.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

stop_cluster() {
  [ -f "$state" ] || return 0
  local dir
  dir=$(sed -n 's/^dir=//p' "$state")
  if [ -n "$dir" ] && [ -d "$dir/data" ]; then
    as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop > /dev/null 2>&1 || true
    rm -rf "$dir"
  fi
  rm -f "$state"
}

case "$command" in
  start)
    stop_cluster  # a cluster left by an interrupted run
    dir=$(mktemp -d /tmp/planscore-postgres.XXXXXX)
    chmod 755 "$dir"
    [ "$(id -u)" -eq 0 ] && chown postgres: "$dir"
    port=$(/usr/bin/python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 --no-locale > "$dir/initdb.log"
    durability="-c fsync=off -c full_page_writes=off -c synchronous_commit=off"
    [ "${PLANSCORE_POSTGRES_DURABLE:-0}" = 1 ] && durability=""
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start -o \
      "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$dir \
       $durability -c max_connections=300" > /dev/null
    printf 'dir=%s\nurl=postgresql://postgres@127.0.0.1:%s/postgres\n' "$dir" "$port" > "$state"
    echo "PostgreSQL test cluster on 127.0.0.1:$port ($dir)"
    ;;
  stop)
    stop_cluster
    ;;
  *)
    echo "unknown command '$command': start or stop" >&2; exit 2
    ;;
esac
