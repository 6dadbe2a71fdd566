#pragma once
// One crash trial: a fresh database, the real server, the workload's clients, SIGKILL at
// a chosen moment, a restart on the same database, and every check of what survived.
#include <chrono>
#include <functional>
#include <string>
#include <vector>

#include "crash/crash_backend.h"
#include "crash/workload.h"

namespace planscore::test {

struct TrialOptions {
  unsigned seed = 1;
  std::chrono::milliseconds kill_after{500};  // from the start of the workload
  WorkloadSize size;
  // Runs between the kill and the restart; the harness's own test damages the database
  // here to see that the checks notice.
  std::function<void(const std::string& url)> after_kill;
};

struct TrialReport {
  int acknowledged = 0;               // changes answered 2xx, each checked
  int imported_rows = 0;              // rows of acknowledged imports
  int pending = 0;                    // changes whose answer never arrived
  int pending_landed = 0;             // … of which the database shows the effect
  int audit_entries = 0;              // change entries written during the workload
  std::vector<std::string> refusals;  // non-2xx answers the workload did not expect
  std::vector<std::string> failures;  // what the database got wrong
};

TrialReport run_crash_trial(const CrashBackend& backend, const TrialOptions& options);

}  // namespace planscore::test
