#!/usr/bin/env bash
# Runs the benchmarks at each size on both backends; every figure is printed beside its
# limit. At each size the HTTP benchmark then serves the database evaluation_bench filled.
set -euo pipefail
cd "$(dirname "$0")/.."
# PostgreSQL runs on a private cluster with its default durability (fsync on).
state=$(mktemp /tmp/planscore-bench-postgres.XXXXXX)
work=$(mktemp -d /tmp/planscore-bench.XXXXXX)
trap 'bash tests/tools/test_postgres.sh stop "$state"; rm -rf "$work"' EXIT
PLANSCORE_POSTGRES_DURABLE=1 bash tests/tools/test_postgres.sh start "$state"
admin=$(sed -n 's/^url=//p' "$state")
for records in ${BENCH_SIZES:-100000 1000000 10000000}; do
  ./build/bench/evaluation_bench "$records" "$work/sqlite"
  BENCH_DB="$work/sqlite/bench.db" bash bench/http_bench.sh
  ./build/bench/evaluation_bench "$records" "$work/postgresql" --postgresql "$admin"
  BENCH_DB="${admin%/*}/planscore_bench" bash bench/http_bench.sh
done
