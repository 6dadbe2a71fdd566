#pragma once
// The planscore command line: parses arguments, runs one command, maps failures to exit
// codes (0 ok, 1 failure, 2 usage) with one clear line on stderr first.
#include <iosfwd>

namespace planscore::cli {

int run(int argc, char** argv);

}  // namespace planscore::cli
