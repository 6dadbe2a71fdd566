#pragma once
// The crash test program's own options, taken off the command line before GoogleTest
// sees it:  crash_tests [--trials N] [--seed S] [--kill-window-ms LOW,HIGH] [gtest flags]
#include <chrono>

namespace planscore::test {

struct CrashOptions {
  int trials = 20;
  unsigned seed = 0;  // 0: a random one, printed so a failure can be replayed
  std::chrono::milliseconds kill_low{100}, kill_high{1000};
};

CrashOptions& crash_options();

}  // namespace planscore::test
