#!/usr/bin/env bash
# The long crash run: CRASH_TRIALS (default 100) SIGKILLs of the real server under
# concurrent writers, each followed by a restart and every check (tests/crash). Prints
# one line per trial and the totals; `make test` runs 20 of the same trials.
#   CRASH_SEED=S replays a run; CRASH_KILL_WINDOW_MS=LOW,HIGH moves the kill moments.
set -euo pipefail
cd "$(dirname "$0")/.."
binary=${CRASH_TESTS:-./build/tests/crash_tests}
arguments=(--trials "${CRASH_TRIALS:-100}")
[ -n "${CRASH_SEED:-}" ] && arguments+=(--seed "$CRASH_SEED")
[ -n "${CRASH_KILL_WINDOW_MS:-}" ] && arguments+=(--kill-window-ms "$CRASH_KILL_WINDOW_MS")
started=$(date +%s)
"$binary" "${arguments[@]}" --gtest_brief=1
echo "crash trials took $(($(date +%s) - started)) s"
