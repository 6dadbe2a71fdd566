#!/usr/bin/env bash
# Runs the benchmarks at each size; every figure is printed beside its limit.
set -euo pipefail
cd "$(dirname "$0")/.."
# PostgreSQL runs on a private cluster with its default durability (fsync on).
state=$(mktemp /tmp/planscore-bench-postgres.XXXXXX)
trap 'bash tests/tools/test_postgres.sh stop "$state"' EXIT
PLANSCORE_POSTGRES_DURABLE=1 bash tests/tools/test_postgres.sh start "$state"
admin=$(sed -n 's/^url=//p' "$state")
for records in ${BENCH_SIZES:-100000 1000000 10000000}; do
  ./build/bench/evaluation_bench "$records"
  ./build/bench/evaluation_bench "$records" --postgresql "$admin"
done
bash bench/http_bench.sh
