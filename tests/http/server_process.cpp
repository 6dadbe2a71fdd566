#include "http/server_process.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <fstream>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <thread>

extern char** environ;

namespace planscore::test {
namespace {

using namespace std::chrono_literals;

std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

int exit_code_of(int status) {
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  if (WIFSIGNALED(status)) return -WTERMSIG(status);
  return -1;
}

// Spawns argv with stdout and stderr going to files. The child starts with default signal
// handling and nothing blocked, whatever the test runner has set up.
pid_t spawn(const std::vector<std::string>& argv, const std::vector<std::string>& environment,
            const std::filesystem::path& out, const std::filesystem::path& err) {
  std::vector<char*> arguments;
  for (const auto& argument : argv) arguments.push_back(const_cast<char*>(argument.c_str()));
  arguments.push_back(nullptr);
  // getenv takes the first of duplicate names, so the additions go first.
  std::vector<char*> variables;
  for (const auto& variable : environment) variables.push_back(const_cast<char*>(variable.c_str()));
  for (char** variable = environ; *variable; ++variable) variables.push_back(*variable);
  variables.push_back(nullptr);

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, out.c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, err.c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawnattr_t attributes;
  posix_spawnattr_init(&attributes);
  sigset_t none, defaults;
  sigemptyset(&none);
  sigemptyset(&defaults);
  for (int signal : {SIGINT, SIGTERM, SIGPIPE, SIGHUP}) sigaddset(&defaults, signal);
  posix_spawnattr_setsigmask(&attributes, &none);
  posix_spawnattr_setsigdefault(&attributes, &defaults);
  posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);

  pid_t pid = -1;
  const int error = posix_spawn(&pid, argv.at(0).c_str(), &actions, &attributes, arguments.data(),
                                variables.data());
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attributes);
  if (error != 0)
    throw std::runtime_error("cannot start " + argv.at(0) + ": " + std::strerror(error));
  return pid;
}

// The exit code if the process ended within `timeout`.
std::optional<int> wait_for_exit(pid_t pid, std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (true) {
    int status = 0;
    const pid_t done = waitpid(pid, &status, WNOHANG);
    if (done == pid) return exit_code_of(status);
    if (done < 0) return -1;
    if (std::chrono::steady_clock::now() >= deadline) return std::nullopt;
    std::this_thread::sleep_for(10ms);
  }
}

}  // namespace

TestDirectory::TestDirectory() {
  auto pattern = (std::filesystem::temp_directory_path() / "planscore-test-XXXXXX").string();
  if (!mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
  path_ = pattern;
  database_ = std::make_unique<TestDatabase>(path_, "db.sqlite");
}

TestDirectory::~TestDirectory() {
  database_.reset();
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

std::string TestDirectory::write(const std::string& name, const std::string& text) const {
  const auto file = path_ / name;
  std::filesystem::create_directories(file.parent_path());
  std::ofstream(file, std::ios::binary) << text;
  return file.string();
}

CommandResult run_command(const std::vector<std::string>& argv,
                          const std::vector<std::string>& environment,
                          std::chrono::seconds timeout) {
  TestDirectory files;
  const auto out = files.path() / "out", err = files.path() / "err";
  const pid_t pid = spawn(argv, environment, out, err);
  CommandResult result;
  if (auto code = wait_for_exit(pid, timeout)) {
    result.exit_code = *code;
  } else {
    kill(pid, SIGKILL);
    result.exit_code = wait_for_exit(pid, 10s).value_or(-SIGKILL);
  }
  result.out = read_text(out);
  result.err = read_text(err);
  return result;
}

CommandResult run_planscore(const std::string& database, const std::vector<std::string>& arguments,
                            const std::vector<std::string>& environment) {
  std::vector<std::string> argv = {PLANSCORE_BINARY, "--db", database};
  argv.insert(argv.end(), arguments.begin(), arguments.end());
  return run_command(argv, environment);
}

std::unique_ptr<ServerProcess> ServerProcess::start(const std::vector<std::string>& argv,
                                                    const std::vector<std::string>& environment,
                                                    std::chrono::seconds timeout) {
  std::unique_ptr<ServerProcess> server(new ServerProcess);
  server->pid_ =
      spawn(argv, environment, server->files_.path() / "out", server->files_.path() / "err");
  static const std::string marker = "planscore: listening on ";
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (true) {
    const auto out = server->output();
    if (const auto at = out.find(marker); at != std::string::npos) {
      const auto end = out.find('\n', at);
      const auto scheme_end = out.find("://", at);
      if (end != std::string::npos && scheme_end < end) {
        server->scheme_ = out.substr(at + marker.size(), scheme_end - at - marker.size());
        const auto address = out.substr(scheme_end + 3, end - scheme_end - 3);
        const auto colon = address.rfind(':');
        server->host_ = address.substr(0, colon);
        server->port_ = static_cast<std::uint16_t>(std::stoi(address.substr(colon + 1)));
        return server;
      }
    }
    if (!server->running()) {
      throw std::runtime_error("server exited with " + std::to_string(*server->exit_code_) +
                               " before listening:\n" + server->log());
    }
    if (std::chrono::steady_clock::now() >= deadline) {
      server->stop(SIGKILL);
      throw std::runtime_error("server did not report listening:\n" + server->log());
    }
    std::this_thread::sleep_for(10ms);
  }
}

std::unique_ptr<ServerProcess> ServerProcess::serve(const std::string& database,
                                                    const std::vector<std::string>& extra,
                                                    const std::vector<std::string>& environment) {
  std::vector<std::string> argv = {PLANSCORE_BINARY, "--db",      database, "serve",
                                   "--address",      "127.0.0.1", "--port", "0"};
  argv.insert(argv.end(), extra.begin(), extra.end());
  return start(argv, environment);
}

ServerProcess::~ServerProcess() {
  if (pid_ <= 0) return;
  const bool was_running = running();
  const int code = stop();
  if (was_running) {
    EXPECT_EQ(code, 0) << "the server did not shut down cleanly; its log:\n" << log();
  }
}

std::string ServerProcess::base_url() const {
  return scheme_ + "://" + host_ + ":" + std::to_string(port_);
}

bool ServerProcess::running() {
  if (exit_code_) return false;
  exit_code_ = wait_for_exit(pid_, 0ms);
  return !exit_code_;
}

int ServerProcess::stop(int signal, std::chrono::seconds grace) {
  if (!running()) return *exit_code_;
  kill(pid_, signal);
  exit_code_ = wait_for_exit(pid_, grace);
  if (!exit_code_) {
    kill(pid_, SIGKILL);
    exit_code_ = wait_for_exit(pid_, 10s).value_or(-SIGKILL);
  }
  return *exit_code_;
}

std::string ServerProcess::output() const {
  return read_text(files_.path() / "out");
}

std::string ServerProcess::log() const {
  return read_text(files_.path() / "err");
}

}  // namespace planscore::test
