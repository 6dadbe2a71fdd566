# planscore: `make run` and `make test` do everything on a fresh Debian 12 machine.
SHELL := /bin/bash
BUILD_DIR ?= build
ASAN_DIR  ?= build-asan
FUZZ_DIR  ?= build-fuzz
DB        ?= data/planscore.db
JOBS      ?= 2
FUZZ_SECONDS ?= 10
# Long enough to reach the parsers' depth limits (65 levels of JSON, 64 of YAML, 256 of a
# formula's tree) and their size limits; libFuzzer's default (4096 bytes, or the largest
# seed) never let an input nest 20,000 deep.
FUZZ_MAX_LEN ?= 200000
# Line tables only (-g1): backtraces and sanitizer reports still name file and line, and
# the build takes a third less time than with full debug information. The sanitizer build
# and fuzz builds are -O1, as AddressSanitizer and libFuzzer recommend; they compile in half
# the time of -O2.
CMAKE_FLAGS = -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
RELEASE_FLAGS = -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O2 -g1 -DNDEBUG"
INSTRUMENTED_FLAGS = -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1 -DNDEBUG"
# Every tests/fuzz/fuzz_*.cpp is a target; a new one runs without being listed here.
FUZZERS = $(basename $(notdir $(wildcard tests/fuzz/fuzz_*.cpp)))

.PHONY: all deps build web run test system-tests unit-tests web-tests fuzz-build fuzz-smoke fuzz bench format clean

all: build

deps:
	@bash scripts/install-deps.sh

build: deps
	@cmake -S . -B $(BUILD_DIR) $(CMAKE_FLAGS) $(RELEASE_FLAGS) -DPLANSCORE_TEST_SUITES=system > /dev/null
	@cmake --build $(BUILD_DIR) -j $(JOBS)

# The web app (web/, Vue + Vite) built into web/dist. `npm ci` runs only when the lock file
# is newer than the last install, and the build only when a source is newer than dist/.
WEB_SOURCES = web/src web/index.html web/package.json web/package-lock.json web/vite.config.ts web/tsconfig.json
web: deps
	@cd web && if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then \
	  npm ci --no-audit --no-fund; \
	fi
	@if [ ! -f web/dist/index.html ] || [ -n "$$(find $(WEB_SOURCES) -newer web/dist/index.html -print -quit)" ]; then \
	  cd web && npm run build; \
	else \
	  echo "web/dist is up to date"; \
	fi

# Creates the embedded database on first use (shipped plan + demo records) and runs the
# main job, serving the web app. Builds the server alone, not the tests.
run: deps web
	@cmake -S . -B $(BUILD_DIR) $(CMAKE_FLAGS) $(RELEASE_FLAGS) -DPLANSCORE_TEST_SUITES=system > /dev/null
	@cmake --build $(BUILD_DIR) -j $(JOBS) --target planscore
	@mkdir -p $(dir $(DB))
	@./$(BUILD_DIR)/planscore --db $(DB) run --web-root web/dist

test: system-tests unit-tests fuzz-smoke web-tests
	@echo "make test: all suites passed"

# The planscore binary end to end (API, CLI, crash trials) and every database test on
# PostgreSQL, in the optimised build (PLANSCORE_TEST_SUITES in CMakeLists.txt).
system-tests: build
	@cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS)

# The web app's lint (ESLint), its unit tests (Vitest), then the end-to-end suite (headless
# Chromium) against the server `build` made; screenshots land in web/test-output/screenshots/.
web-tests: build web
	@cd web && npm run lint
	@cd web && npx vitest run
	@cd web && PLANSCORE_BINARY=../$(BUILD_DIR)/planscore node e2e/run.mjs

# Each layer's own tests, in process, under AddressSanitizer and UndefinedBehaviorSanitizer.
# Leaks are recorded with full stacks (fast_unwind_on_malloc=0) so the suppressions for
# system libraries (tests/lsan.supp) can tell a library's own leak from one of ours.
unit-tests: deps
	@cmake -S . -B $(ASAN_DIR) $(CMAKE_FLAGS) $(INSTRUMENTED_FLAGS) -DPLANSCORE_SANITIZE=ON \
	  -DPLANSCORE_TEST_SUITES=unit > /dev/null
	@cmake --build $(ASAN_DIR) -j $(JOBS)
	@cd $(ASAN_DIR) && ASAN_OPTIONS=detect_leaks=1:fast_unwind_on_malloc=0 \
	  LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp UBSAN_OPTIONS=print_stacktrace=1 \
	  ctest --output-on-failure -j $(JOBS)

fuzz-build: deps
	@CXX=clang++-14 cmake -S . -B $(FUZZ_DIR) $(CMAKE_FLAGS) $(INSTRUMENTED_FLAGS) -DPLANSCORE_FUZZ=ON \
	  -DCMAKE_CXX_FLAGS="-fsanitize=address,undefined -fno-sanitize-recover=all" > /dev/null
	@cmake --build $(FUZZ_DIR) -j $(JOBS)

# Each fuzz target runs FUZZ_SECONDS over its seed corpus (with its dictionary
# tests/fuzz/<target>.dict when there is one) on inputs up to FUZZ_MAX_LEN bytes;
# `make fuzz FUZZ_SECONDS=600` is the long run (see bench/README.md). One job at a time: the targets share the machine's cores.
fuzz-smoke: fuzz-build
	@for target in $(FUZZERS); do \
	  work=$$(mktemp -d); cp tests/fuzz/corpus/$$target/* $$work/ 2>/dev/null; \
	  dict=""; [ -f tests/fuzz/$$target.dict ] && dict="-dict=tests/fuzz/$$target.dict"; \
	  echo "fuzz $$target for $(FUZZ_SECONDS)s"; \
	  ./$(FUZZ_DIR)/tests/fuzz/$$target -max_total_time=$(FUZZ_SECONDS) -max_len=$(FUZZ_MAX_LEN) \
	    -print_final_stats=1 \
	    $$dict $$work 2>&1 | grep -E "stat::number_of_executed_units|ERROR|SUMMARY" ; \
	  status=$${PIPESTATUS[0]}; rm -rf $$work; \
	  [ $$status -eq 0 ] || { echo "fuzz target $$target failed"; exit 1; }; \
	done

fuzz: fuzz-smoke

bench: build
	@bash bench/run.sh

format:
	@git ls-files '*.cpp' '*.h' | xargs clang-format -i

clean:
	rm -rf $(BUILD_DIR) $(ASAN_DIR) $(FUZZ_DIR) web/dist web/test-output
