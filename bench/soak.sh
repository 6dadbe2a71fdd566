#!/usr/bin/env bash
# Soak: the server on loopback for SOAK_MINUTES (default 30) under wrk readers (a signed-in
# viewer cycling the evaluation, a register's records and the plan) and concurrent
# writers (three section editors adding, correcting, deleting and importing records,
# bench/soak_writers.py). Prints per minute: reads, read errors, read p99, writes, write
# errors, write p99, the server's RSS (and of it: heap and other anonymous memory, and
# mapped files such as SQLite's shared WAL index) and the database's size on disk with its
# WAL; then the RSS at start and end. Nothing is asserted: the figures are for people to
# compare with earlier runs.
set -euo pipefail
cd "$(dirname "$0")/.."
binary=${PLANSCORE:-./build/planscore}
minutes=${SOAK_MINUTES:-30}
connections=${SOAK_CONNECTIONS:-32}
work=$(mktemp -d)
server="" writers=""
cleanup() {
  [ -n "$writers" ] && kill "$writers" 2>/dev/null
  [ -n "$server" ] && kill -TERM "$server" 2>/dev/null && wait "$server" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

db="$work/db.sqlite"
"$binary" --db "$db" init --demo > /dev/null
add_user() {  # NAME ROLE [SECTION] → prints the password
  local section=()
  [ $# -ge 3 ] && section=(--section "$3")
  "$binary" --db "$db" user add "$1" --role "$2" "${section[@]}" | sed -n 's/.*signing in): //p'
}
viewer_password=$(add_user soak_viewer viewer)
writer_accounts=()
for account in documents:records_trainings general_affairs:switchboard_audits \
               procurement:procurement_trainings; do
  section=${account%%:*} register=${account##*:}
  password=$(add_user "soak_$section" section_editor "$section")
  writer_accounts+=("soak_$section:$password:$register")
done

"$binary" --db "$db" serve --port 0 --log-file "$work/server.log" > "$work/out" 2>&1 &
server=$!
for _ in $(seq 100); do grep -q "listening on" "$work/out" && break; sleep 0.1; done
base=$(sed -n 's/.*listening on \(http:[^ ]*\).*/\1/p' "$work/out")
rss() { awk '/^VmRSS:/ { print $2 }' "/proc/$server/status"; }
# RSS split into anonymous memory (heap, stacks) and mapped files, both in kB, and the
# database with its WAL in MB: growth that follows the data is caching, growth without it
# is a leak.
memory() {
  awk '/^RssAnon:/ { a = $2 } /^RssFile:|^RssShmem:/ { f += $2 } END { printf "%s %s", a, f }' \
    "/proc/$server/status"
  du -cm "$db" "$db-wal" 2>/dev/null | awk 'END { printf " %s", $1 }'
}
rss_start=$(rss)

curl -sf -c "$work/jar" -H 'Content-Type: application/json' \
  -d "{\"username\":\"soak_viewer\",\"password\":\"$viewer_password\"}" "$base/api/session" > /dev/null
token=$(awk '$6 == "planscore_session" { print $7 }' "$work/jar")
cat > "$work/paths.lua" <<'LUA'
local paths = {"/api/evaluation/105", "/api/registers/records_trainings/records?limit=50",
               "/api/plan", "/api/reviews/105"}
local n = 0
request = function()
  n = n + 1
  return wrk.format("GET", paths[(n % #paths) + 1])
end
LUA

/usr/bin/python3 bench/soak_writers.py "$base" $((minutes * 60)) "${writer_accounts[@]}" \
  > "$work/writes.txt" &
writers=$!

# One wrk run per minute: its requests, errors and p99 are that minute's.
header() {
  printf "%-6s %10s %7s %9s %8s %7s %9s %10s %10s %10s %7s\n" minute reads errors "p99 ms" \
    writes errors "p99 ms" "RSS kB" "anon kB" "file kB" "db MB"
}
header
for minute in $(seq "$minutes"); do
  wrk -t2 -c"$connections" -d60s --latency -s "$work/paths.lua" \
    -H "Cookie: planscore_session=$token" "$base" > "$work/wrk.txt"
  reads=$(awk '/requests in/ { print $1 }' "$work/wrk.txt")
  p99=$(awk '$1 == "99%" { v = $2; if (v ~ /us$/) { sub(/us$/, "", v); v /= 1000 }
                          else if (v ~ /ms$/) { sub(/ms$/, "", v) }
                          else if (v ~ /s$/) { sub(/s$/, "", v); v *= 1000 } print v }' "$work/wrk.txt")
  errors=$(awk '/Non-2xx/ { n += $NF } /Socket errors/ { gsub(/,/, ""); n += $4 + $6 + $8 + $10 }
                END { print n + 0 }' "$work/wrk.txt")
  sample="$(rss) $(memory)"
  echo "$minute $reads $errors $p99 $sample" >> "$work/reads.txt"
  printf "%-6s %10s %7s %9.2f %8s %7s %9s %10s %10s %10s %7s\n" "$minute" "$reads" "$errors" \
    "$p99" "…" "…" "…" $sample
done
wait "$writers"
writers=""

echo
echo "per minute, reads and writes together:"
header
join -a1 <(sort -n "$work/reads.txt" |
             awk '{ printf "%06d %s %s %s %s %s %s %s\n", $1, $2, $3, $4, $5, $6, $7, $8 }') \
         <(sort -n "$work/writes.txt" | awk '{ printf "%06d %s %s %s\n", $1, $2, $3, $4 }') |
  awk '{ printf "%-6d %10s %7s %9.2f %8s %7s %9s %10s %10s %10s %7s\n", $1, $2, $3, $4, $9, $10,
         $11, $5, $6, $7, $8 }'
awk '{ r += $2; e += $3 } END { printf "reads: %d requests, %d errors\n", r, e }' "$work/reads.txt"
awk '{ w += $2; e += $3 } END { printf "writes: %d requests, %d errors\n", w, e }' "$work/writes.txt"
echo "server RSS: ${rss_start} kB at start, $(rss) kB at end"
grep -c " status=5" "$work/server.log" | xargs printf "server log lines with a 5xx status: %s\n" || true
