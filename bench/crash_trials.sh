#!/usr/bin/env bash
# The long crash run: CRASH_TRIALS (default 100) SIGKILLs of the real server under
# concurrent writers per backend, each followed by a restart and every check
# (tests/crash). Prints one line per trial and the totals; `make test` runs 20 of the
# same trials per backend.
#   CRASH_BACKENDS="sqlite postgresql" (the default) chooses the backends; PostgreSQL
#   runs against a private cluster started here and stopped afterwards.
#   CRASH_SEED=S replays a run (default: a random seed, printed; `make test` uses a fixed one); CRASH_KILL_WINDOW_MS=LOW,HIGH moves the kill moments.
set -euo pipefail
cd "$(dirname "$0")/.."
binary=${CRASH_TESTS:-./build/tests/crash_tests}
arguments=(--trials "${CRASH_TRIALS:-100}")
arguments+=(--seed "${CRASH_SEED:-random}")
[ -n "${CRASH_KILL_WINDOW_MS:-}" ] && arguments+=(--kill-window-ms "$CRASH_KILL_WINDOW_MS")
for backend in ${CRASH_BACKENDS:-sqlite postgresql}; do
  started=$(date +%s)
  if [ "$backend" = postgresql ]; then
    state=$(mktemp /tmp/planscore-crash-postgres.XXXXXX)
    trap 'bash tests/tools/test_postgres.sh stop "$state"' EXIT
    bash tests/tools/test_postgres.sh start "$state"
    PLANSCORE_TEST_POSTGRES=$state "$binary" "${arguments[@]}" --gtest_brief=1
    bash tests/tools/test_postgres.sh stop "$state"
    trap - EXIT
  else
    "$binary" "${arguments[@]}" --gtest_brief=1
  fi
  echo "crash trials on $backend took $(($(date +%s) - started)) s"
done
