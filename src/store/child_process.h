#pragma once
// Running a PostgreSQL client program (pg_dump, pg_restore) and waiting for it.
#include <string>
#include <vector>

namespace planscore::store {

struct ChildResult {
  int exit_code = -1;  // the exit status, or minus the signal that ended it
  std::string output;  // standard output and standard error together
};

// Runs argv[0] (looked up in PATH) with `environment` entries ("NAME=value") added to
// this process's, standard input empty. Throws StoreError when it cannot be started.
ChildResult run_child(const std::vector<std::string>& argv,
                      const std::vector<std::string>& environment = {});

}  // namespace planscore::store
