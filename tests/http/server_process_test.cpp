// The server as a process, the way `planscore serve` runs: the listening line, SIGTERM and
// SIGINT ending it with exit code 0 after requests in flight finish, and setting errors.
// Uses a stand-in program with a fixed router (tests/http_fixture) so it does not depend
// on the JSON API; the same helpers start the real binary with ServerProcess::serve.
#include "http/server_process.h"

#include <gtest/gtest.h>

#include <fstream>
#include <future>
#include <thread>

#include "http/http_client.h"

namespace planscore::test {
namespace {

using namespace std::chrono_literals;

std::unique_ptr<ServerProcess> start_fixture(std::vector<std::string> settings = {},
                                             std::vector<std::string> environment = {}) {
  std::vector<std::string> argv = {HTTP_FIXTURE_SERVER, "--address", "127.0.0.1", "--port", "0"};
  argv.insert(argv.end(), settings.begin(), settings.end());
  return ServerProcess::start(argv, environment);
}

TEST(ServerProcess, ListensAndStopsCleanlyOnSigterm) {
  auto server = start_fixture();
  EXPECT_NE(server->port(), 0);
  EXPECT_EQ(server->output(),
            "planscore: listening on http://127.0.0.1:" + std::to_string(server->port()) + "\n");
  HttpClient client(server->base_url());
  const auto health = client.get("/api/health");
  EXPECT_EQ(health.status, 200);
  EXPECT_EQ(health.body, R"({"status":"ok"})");
  EXPECT_EQ(server->stop(SIGTERM), 0) << server->log();
  EXPECT_NE(server->log().find("access method=GET path=\"/api/health\" status=200"),
            std::string::npos)
      << server->log();
  EXPECT_NE(server->log().find("shutdown signal=SIGTERM"), std::string::npos);
}

TEST(ServerProcess, StopsCleanlyOnSigint) {
  auto server = start_fixture();
  EXPECT_EQ(server->stop(SIGINT), 0) << server->log();
}

TEST(ServerProcess, RequestInFlightFinishesAfterSigterm) {
  auto server = start_fixture();
  auto slow = std::async(std::launch::async, [base = server->base_url()] {
    return HttpClient(base).get("/api/slow?ms=1000");
  });
  // Wait until the request is being handled: the slow handler has no side channel, so give
  // the request time to arrive.
  std::this_thread::sleep_for(300ms);
  EXPECT_EQ(server->stop(SIGTERM), 0) << server->log();
  const auto result = slow.get();
  EXPECT_EQ(result.status, 200) << result.error << "\n" << server->log();
  EXPECT_EQ(result.body, R"({"slept":1000})");
}

TEST(ServerProcess, LogFileSettingMovesTheLog) {
  TestDirectory dir;
  const auto log_file = (dir.path() / "planscore.log").string();
  auto server = start_fixture({"--log-file", log_file});
  EXPECT_EQ(HttpClient(server->base_url()).get("/api/health").status, 200);
  EXPECT_EQ(server->stop(), 0);
  std::ifstream in(log_file);
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_NE(text.find("access method=GET path=\"/api/health\""), std::string::npos) << text;
  EXPECT_EQ(server->log(), "");
}

TEST(ServerProcess, EnvironmentSettingsApply) {
  auto server = start_fixture({}, {"PLANSCORE_MAX_BODY_BYTES=10"});
  HttpClient client(server->base_url());
  EXPECT_EQ(client.request("POST", "/api/health", std::string(20, 'x')).status, 413);
}

TEST(ServerProcess, BadSettingExitsWithTwoAndSaysWhy) {
  const auto result = run_command({HTTP_FIXTURE_SERVER, "--port", "abc"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_EQ(result.err, "error: command line: --port: 'abc' is not a port number\n");
  const auto from_environment =
      run_command({HTTP_FIXTURE_SERVER, "--port", "0"}, {"PLANSCORE_THREADS=many"});
  EXPECT_EQ(from_environment.exit_code, 2);
  EXPECT_EQ(from_environment.err,
            "error: environment: PLANSCORE_THREADS: 'many' is not a thread count (1 to 256)\n");
}

TEST(ServerProcess, PortInUseExitsWithOne) {
  auto first = start_fixture();
  const auto result = run_command({HTTP_FIXTURE_SERVER, "--port", std::to_string(first->port())});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find("cannot listen on 127.0.0.1:" + std::to_string(first->port())),
            std::string::npos)
      << result.err;
}

TEST(ServerProcess, StartReportsAnEarlyExit) {
  try {
    ServerProcess::start({HTTP_FIXTURE_SERVER, "--port", "abc"});
    FAIL() << "start returned for a server that never listened";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("'abc' is not a port number"), std::string::npos)
        << e.what();
  }
}

TEST(RunCommand, CapturesOutputAndExitCode) {
  const auto result = run_command({"/bin/sh", "-c", "echo out; echo err >&2; exit 3"});
  EXPECT_EQ(result.exit_code, 3);
  EXPECT_EQ(result.out, "out\n");
  EXPECT_EQ(result.err, "err\n");
  EXPECT_EQ(run_command({"/bin/sh", "-c", "echo $PLANSCORE_X"}, {"PLANSCORE_X=y"}).out, "y\n");
  EXPECT_EQ(run_command({"/bin/sh", "-c", "kill -9 $$"}).exit_code, -9);
}

}  // namespace
}  // namespace planscore::test
