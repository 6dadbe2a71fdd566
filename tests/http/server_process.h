#pragma once
// Runs programs for end-to-end tests: the planscore binary's commands (to set up a database)
// and `planscore serve` as a real server process on a free loopback port, stopped with
// SIGTERM at the end of the test as systemd would stop it.
//
//   TestDirectory dir;
//   ASSERT_EQ(run_planscore(dir.database(), {"init", "--demo"}).exit_code, 0);
//   auto server = ServerProcess::serve(dir.database());
//   HttpClient client(server->base_url());
//   … client.get("/api/health") …
//   // ~ServerProcess: SIGTERM, expects exit code 0 within 5 s (else SIGKILL and a failure)
#include <sys/types.h>

#include <chrono>
#include <csignal>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "database/test_database.h"

namespace planscore::test {

// A fresh directory under the system's temporary directory, removed with everything in it,
// and the test's database: a file in it, or a PostgreSQL database when the run is on
// PostgreSQL (database/test_database.h).
class TestDirectory {
 public:
  TestDirectory();
  ~TestDirectory();
  TestDirectory(const TestDirectory&) = delete;
  TestDirectory& operator=(const TestDirectory&) = delete;

  const std::filesystem::path& path() const { return path_; }
  // The database URL for `planscore --db`.
  const std::string& database() const { return database_->url(); }
  const TestDatabase& test_database() const { return *database_; }
  // Writes `text` to `name` inside the directory and returns the file's path.
  std::string write(const std::string& name, const std::string& text) const;

 private:
  std::filesystem::path path_;
  std::unique_ptr<TestDatabase> database_;
};

struct CommandResult {
  int exit_code = -1;  // the exit status, or minus the signal that ended it
  std::string out, err;
};

// Runs argv[0] with the arguments, standard input empty, and waits (killing it after
// `timeout`). `environment` entries ("NAME=value") are added to this process's.
CommandResult run_command(const std::vector<std::string>& argv,
                          const std::vector<std::string>& environment = {},
                          std::chrono::seconds timeout = std::chrono::seconds(120));

// `planscore --db DATABASE ARGUMENTS…` with the binary under test.
CommandResult run_planscore(const std::string& database, const std::vector<std::string>& arguments,
                            const std::vector<std::string>& environment = {});

class ServerProcess {
 public:
  // Starts argv (which must make the program listen on the port in its
  // "planscore: listening on http://HOST:PORT" line, or https://) and waits for that line. Throws
  // std::runtime_error with the program's stderr if it exits or stays silent for `timeout`.
  static std::unique_ptr<ServerProcess> start(
      const std::vector<std::string>& argv, const std::vector<std::string>& environment = {},
      std::chrono::seconds timeout = std::chrono::seconds(30));

  // `planscore --db DATABASE serve --address 127.0.0.1 --port 0 EXTRA…`: the kernel picks a
  // free port, so parallel tests never collide.
  static std::unique_ptr<ServerProcess> serve(const std::string& database,
                                              const std::vector<std::string>& extra = {},
                                              const std::vector<std::string>& environment = {});

  // Stops the server if still running and reports a failure if it did not exit with 0.
  ~ServerProcess();
  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;

  std::uint16_t port() const { return port_; }
  std::string base_url() const;  // "http://127.0.0.1:PORT" (https:// when serving TLS)
  pid_t pid() const { return pid_; }

  // Sends `signal` (SIGTERM by default), waits up to `grace` for the exit, then SIGKILLs.
  // Returns the exit code (minus the signal when killed); later calls return it again.
  int stop(int signal = SIGTERM, std::chrono::seconds grace = std::chrono::seconds(5));
  bool running();

  std::string output() const;  // standard output so far
  std::string log() const;     // standard error so far: the server's log by default

 private:
  ServerProcess() = default;

  TestDirectory files_;  // stdout and stderr
  pid_t pid_ = -1;
  std::uint16_t port_ = 0;
  std::string host_;
  std::string scheme_ = "http";
  std::optional<int> exit_code_;
};

}  // namespace planscore::test
