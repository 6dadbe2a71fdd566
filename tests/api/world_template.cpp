#include "world_template.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <stdexcept>
#include <vector>

#include "api_fixture.h"
#include "database/test_database.h"
#include "http/server_process.h"

namespace planscore::test {
namespace {

namespace fs = std::filesystem;

// `planscore user add` arguments of each role's account.
const std::map<std::string, std::vector<std::string>>& role_arguments() {
  static const std::map<std::string, std::vector<std::string>> arguments{
      {"admin", {"--role", "admin"}},
      {"planner", {"--role", "planner"}},
      {"editor", {"--role", "section_editor", "--section", "documents"}},
      {"reviewer", {"--role", "section_reviewer", "--section", "documents"}},
      {"viewer", {"--role", "viewer"}},
      {"other_editor", {"--role", "section_editor", "--section", "general_affairs"}},
  };
  return arguments;
}

// The kind of template: which backend, with or without the demo records.
std::string template_kind(bool with_demo) {
  return std::string(testing_postgresql() ? "postgresql_" : "sqlite_") +
         (with_demo ? "demo_" : "plain_");
}

// Names the template after what made it: a rebuilt binary or a new cluster makes a new one.
std::string template_name(bool with_demo) {
  const fs::path binary = PLANSCORE_BINARY;
  const std::string identity =
      binary.string() + "|" + std::to_string(fs::file_size(binary)) + "|" +
      std::to_string(fs::last_write_time(binary).time_since_epoch().count()) + "|" +
      postgresql_cluster().value_or("sqlite");
  return template_kind(with_demo) + std::to_string(std::hash<std::string>{}(identity));
}

// Holds an exclusive lock on `path` while it lives.
class FileLock {
 public:
  explicit FileLock(const fs::path& path) : fd_(::open(path.c_str(), O_CREAT | O_RDWR, 0644)) {
    if (fd_ < 0 || ::flock(fd_, LOCK_EX) != 0)
      throw std::runtime_error("cannot lock " + path.string());
  }
  ~FileLock() { ::close(fd_); }
  FileLock(const FileLock&) = delete;
  FileLock& operator=(const FileLock&) = delete;

 private:
  int fd_;
};

bool postgresql_database_exists(const std::string& name) {
  std::vector<std::string> rows;
  const std::string error = postgresql_exec(
      *postgresql_cluster(), "SELECT 1 FROM pg_database WHERE datname = '" + name + "'", &rows);
  if (!error.empty()) throw std::runtime_error(error);
  return !rows.empty();
}

// Runs `init` and the `user add`s against `database`; the passwords the accounts have
// after their first sign-in.
std::map<std::string, std::string> fill(const std::string& database, bool with_demo) {
  std::vector<std::string> init{"init"};
  if (with_demo) init.push_back("--demo");
  const auto initialized = run_planscore(database, init);
  if (initialized.exit_code != 0) throw std::runtime_error("init failed: " + initialized.err);
  std::map<std::string, std::string> printed;
  for (const auto& [role, arguments] : role_arguments()) {
    std::vector<std::string> command{"user", "add", username_of(role)};
    command.insert(command.end(), arguments.begin(), arguments.end());
    const auto added = run_planscore(database, command);
    if (added.exit_code != 0) throw std::runtime_error("user add failed: " + added.err);
    printed[username_of(role)] = password_from(added.out);
  }
  // Once here rather than in every test: the server demands a password of the user's own.
  const auto chosen = complete_first_sign_ins(database, printed);
  std::map<std::string, std::string> passwords;
  for (const auto& [role, arguments] : role_arguments())
    passwords[role] = chosen.at(username_of(role));
  return passwords;
}

// Templates of the same kind as `name` made by an earlier build of the binary or for an
// earlier run's cluster.
void remove_older_templates(const fs::path& directory, const std::string& name, bool with_demo) {
  const std::string kind = template_kind(with_demo);
  for (const auto& entry : fs::directory_iterator(directory)) {
    const std::string file = entry.path().filename().string();
    if (file.rfind(kind, 0) == 0 && file.rfind(name + ".", 0) != 0) fs::remove(entry.path());
  }
}

}  // namespace

WorldTemplate world_template(bool with_demo) {
  const fs::path directory = PLANSCORE_TEST_TEMPLATES;
  fs::create_directories(directory);
  const std::string name = template_name(with_demo);
  const FileLock lock(directory / (name + ".lock"));
  const fs::path passwords_file = directory / (name + ".passwords");
  WorldTemplate made;
  made.source = testing_postgresql() ? "planscore_template_" + name
                                     : (directory / (name + ".sqlite")).string();
  const bool exists =
      testing_postgresql() ? postgresql_database_exists(made.source) : fs::exists(made.source);
  if (!exists || !fs::exists(passwords_file)) {
    std::map<std::string, std::string> passwords;
    if (testing_postgresql()) {
      const std::string error =
          postgresql_exec(*postgresql_cluster(), "CREATE DATABASE " + made.source, nullptr);
      if (!error.empty()) throw std::runtime_error("cannot create the template: " + error);
      passwords = fill(postgresql_database_url(made.source), with_demo);
    } else {
      // Made beside its final name and renamed, so no test copies a half-made file.
      const fs::path partial = made.source + ".partial";
      fs::remove(partial);
      passwords = fill(partial.string(), with_demo);
      fs::rename(partial, made.source);
    }
    remove_older_templates(directory, name, with_demo);
    std::ofstream out(passwords_file.string() + ".partial");
    for (const auto& [role, password] : passwords) out << role << ' ' << password << '\n';
    out.close();
    fs::rename(passwords_file.string() + ".partial", passwords_file);
  }
  std::ifstream in(passwords_file);
  std::string role, password;
  while (in >> role >> password) made.passwords[role] = password;
  if (made.passwords.size() != role_arguments().size())
    throw std::runtime_error("the template's passwords are incomplete: " + passwords_file.string());
  return made;
}

}  // namespace planscore::test
