#!/usr/bin/env bash
# wrk against the running server: the evaluation endpoint beside the health endpoint
# (its limit), at 64 and 256 keep-alive connections, measured in the same run. Goal:
# evaluation ≥ 50% of health's requests per second, p99 ≤ 10 ms, no errors.
# wrk and the server share the machine's cores, as they would on a small agency server.
set -euo pipefail
cd "$(dirname "$0")/.."
binary=${PLANSCORE:-./build/planscore}
seconds=${BENCH_SECONDS:-10}
work=$(mktemp -d)
server=""
cleanup() {
  [ -n "$server" ] && kill -TERM "$server" 2>/dev/null && wait "$server" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

# BENCH_DB: a database that already holds a plan and records (SQLite file or PostgreSQL
# URL, as evaluation_bench leaves them); by default a fresh one with the demo data.
db=${BENCH_DB:-$work/db.sqlite}
[ -n "${BENCH_DB:-}" ] || "$binary" --db "$db" init --demo > /dev/null
password=$("$binary" --db "$db" user add "bench$$" --role viewer | sed -n 's/.*signing in): //p')
# wrk's 256 connections all come from this machine's one address, as a city's users
# behind a reverse proxy would: the per-address connection limit is the proxy's job then.
"$binary" --db "$db" serve --port 0 --max-connections-per-address 0 \
  --log-file "$work/server.log" > "$work/out" 2>&1 &
server=$!
# A server first brings the plan's maintained totals up to date: at 10^7 records that
# can take a minute.
for _ in $(seq 1200); do grep -q "listening on" "$work/out" && break; sleep 0.1; done
base=$(sed -n 's/.*listening on \(http:[^ ]*\).*/\1/p' "$work/out")
[ -n "$base" ] || { echo "the server did not start:" >&2; cat "$work/out" >&2; exit 1; }
curl -sf -c "$work/jar" -H 'Content-Type: application/json' \
  -d "{\"username\":\"bench$$\",\"password\":\"$password\"}" "$base/api/session" > /dev/null
token=$(awk '$6 == "planscore_session" { print $7 }' "$work/jar")

# Prints "requests_per_second p99_ms errors timeouts" for one wrk run. Errors are answers
# other than 2xx and broken connections; timeouts are requests wrk gave up on after 2 s,
# which a server with a queue of 256 on two cores may still have answered.
measure() {
  local connections=$1 path=$2
  wrk -t2 -c"$connections" -d"${seconds}s" --latency -H "Cookie: planscore_session=$token" \
    "$base$path" > "$work/wrk.txt"
  local rps p99 errors timeouts
  rps=$(awk '/^Requests\/sec:/ { print $2 }' "$work/wrk.txt")
  p99=$(awk '$1 == "99%" { v = $2; if (v ~ /us$/) { sub(/us$/, "", v); v /= 1000 }
                          else if (v ~ /ms$/) { sub(/ms$/, "", v) }
                          else if (v ~ /s$/) { sub(/s$/, "", v); v *= 1000 } print v }' "$work/wrk.txt")
  errors=$(awk '/Non-2xx/ { n += $NF } /Socket errors/ { gsub(/,/, ""); n += $4 + $6 + $8 }
                END { print n + 0 }' "$work/wrk.txt")
  timeouts=$(awk '/Socket errors/ { gsub(/,/, ""); n += $10 } END { print n + 0 }' "$work/wrk.txt")
  echo "$rps $p99 $errors $timeouts"
}

printf "%-6s %-22s %12s %9s %7s %9s\n" conns endpoint "req/s" "p99 ms" errors timeouts
for connections in 64 256; do
  read -r health_rps health_p99 health_errors health_timeouts < <(measure "$connections" /api/health)
  read -r eval_rps eval_p99 eval_errors eval_timeouts < <(measure "$connections" /api/evaluation/105)
  printf "%-6s %-22s %12.0f %9.2f %7d %9d\n" "$connections" /api/health "$health_rps" "$health_p99" \
    "$health_errors" "$health_timeouts"
  printf "%-6s %-22s %12.0f %9.2f %7d %9d\n" "$connections" /api/evaluation/105 "$eval_rps" "$eval_p99" \
    "$eval_errors" "$eval_timeouts"
  awk -v e="$eval_rps" -v h="$health_rps" -v p="$eval_p99" 'BEGIN {
    printf "       evaluation/health = %.2f (goal >= 0.50), evaluation p99 %.2f ms (goal <= 10)\n", e / h, p }'
done
# The server's peak resident memory over the whole run.
awk '/^VmHWM:/ { printf "server peak RSS: %.1f MB\n", $2 / 1024 }' "/proc/$server/status"
