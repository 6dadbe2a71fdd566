#!/usr/bin/env bash
# Runs the benchmarks at each size; every figure is printed beside its limit.
set -euo pipefail
cd "$(dirname "$0")/.."
for records in ${BENCH_SIZES:-100000 1000000 10000000}; do
  ./build/bench/evaluation_bench "$records"
done
bash bench/http_bench.sh
