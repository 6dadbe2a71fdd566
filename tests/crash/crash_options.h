#pragma once
// The crash test program's own options, taken off the command line before GoogleTest
// sees it:  crash_tests [--trials N] [--seed S|random] [--kill-window-ms LOW,HIGH] [gtest flags]
#include <chrono>

namespace planscore::test {

struct CrashOptions {
  int trials = 20;
  // Fixed, so that a run in `make test` is the same run each time (the kill moments still
  // fall between the server's own steps differently); `--seed random` explores, and the
  // seed is printed so that run can be replayed.
  unsigned seed = 20151231;
  std::chrono::milliseconds kill_low{100}, kill_high{1000};
};

CrashOptions& crash_options();

}  // namespace planscore::test
