#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>
#include <string>

#include "crash/crash_options.h"

namespace planscore::test {

CrashOptions& crash_options() {
  static CrashOptions options;
  return options;
}

}  // namespace planscore::test

int main(int argc, char** argv) {
  auto& options = planscore::test::crash_options();
  int kept = 1;
  for (int i = 1; i < argc; ++i) {
    const std::string argument = argv[i];
    const bool has_value = i + 1 < argc;
    if (argument == "--trials" && has_value) {
      options.trials = std::atoi(argv[++i]);
    } else if (argument == "--seed" && has_value) {
      const std::string seed = argv[++i];
      options.seed = seed == "random"
                         ? std::random_device{}()
                         : static_cast<unsigned>(std::strtoul(seed.c_str(), nullptr, 10));
    } else if (argument == "--kill-window-ms" && has_value) {
      long low = 0, high = 0;
      if (std::sscanf(argv[++i], "%ld,%ld", &low, &high) != 2 || low < 0 || high < low) {
        std::fprintf(stderr, "--kill-window-ms takes LOW,HIGH\n");
        return 2;
      }
      options.kill_low = std::chrono::milliseconds(low);
      options.kill_high = std::chrono::milliseconds(high);
    } else {
      argv[kept++] = argv[i];
    }
  }
  argc = kept;
  testing::InitGoogleTest(&argc, argv);
  return RUN_ALL_TESTS();
}
