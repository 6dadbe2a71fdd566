#pragma once
// The clients of a crash trial: one thread each, each with its own sessions, each writing
// only objects no other client writes (its section's register, its own manual values, its
// own reviews), so every change's expected outcome is known. They run until stopped or
// until a request gets no answer (the server was killed).
#include <atomic>
#include <memory>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "crash/crash_backend.h"
#include "crash/ledger.h"

namespace planscore::test {

struct WorkloadSize {
  int import_rows_min = 100, import_rows_max = 300;
  int import_every = 8;  // about one import in this many record changes
};

class Workload {
 public:
  struct Client;  // one thread's client (defined in workload.cpp)

  // Signs every client in (before the clock of the trial starts).
  Workload(const std::string& base_url, const Accounts& accounts, const States& baseline,
           unsigned seed, WorkloadSize size = {});
  ~Workload();
  Workload(const Workload&) = delete;
  Workload& operator=(const Workload&) = delete;

  void start();
  // Asks the clients to stop, waits for them and returns their ledgers.
  std::vector<Ledger> finish();

 private:
  std::vector<std::unique_ptr<Client>> clients_;
  std::vector<std::thread> threads_;
  std::atomic<bool> stop_{false};
};

}  // namespace planscore::test
