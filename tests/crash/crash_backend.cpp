#include "crash/crash_backend.h"

#include <sqlite3.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <utility>
#include <vector>

#include "api/api_fixture.h"
#include "database/test_database.h"

namespace planscore::test {
namespace {

// The accounts the workload signs in with, and the arguments `user add` gets for each.
const std::vector<std::pair<std::string, std::vector<std::string>>> kAccounts = {
    {"docs_editor", {"--role", "section_editor", "--section", "documents"}},
    {"docs_reviewer", {"--role", "section_reviewer", "--section", "documents"}},
    {"ga_editor", {"--role", "section_editor", "--section", "general_affairs"}},
    {"proc_editor", {"--role", "section_editor", "--section", "procurement"}},
    {"planner", {"--role", "planner"}},
};

std::string sqlite_integrity_check(const std::string& path) {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    std::string error = db ? sqlite3_errmsg(db) : "out of memory";
    sqlite3_close(db);
    return "cannot open: " + error;
  }
  std::string verdict;
  sqlite3_stmt* statement = nullptr;
  if (sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &statement, nullptr) != SQLITE_OK) {
    verdict = std::string("cannot check: ") + sqlite3_errmsg(db);
  } else {
    while (sqlite3_step(statement) == SQLITE_ROW) {
      if (!verdict.empty()) verdict += "; ";
      verdict += reinterpret_cast<const char*>(sqlite3_column_text(statement, 0));
    }
  }
  sqlite3_finalize(statement);
  sqlite3_close(db);
  return verdict;
}

// amcheck's verdict on every B-tree index (structure, and that each heap tuple is
// indexed): the closest PostgreSQL has to SQLite's integrity_check. The server killed is
// planscore's, not PostgreSQL's, so this checks that no half-finished write of ours
// left anything PostgreSQL itself would call damaged.
std::string postgresql_integrity_check(const std::string& url) {
  const std::string error = postgresql_exec(
      url,
      "CREATE EXTENSION IF NOT EXISTS amcheck; SELECT bt_index_check(c.oid, true) FROM pg_index i "
      "JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am a ON a.oid = c.relam JOIN "
      "pg_namespace n ON n.oid = c.relnamespace WHERE a.amname = 'btree' AND n.nspname = "
      "current_schema()");
  return error.empty() ? "ok" : error;
}

}  // namespace

Accounts initialize_database(const std::string& url) {
  auto initialized = run_planscore(url, {"init", "--demo"});
  if (initialized.exit_code != 0) throw std::runtime_error("init failed: " + initialized.err);
  // b1-1 goes round its review in every year (workload.cpp); above its target it needs no
  // explanation before each submission, which the workload does not write.
  for (const char* year : {"104", "105", "106", "107"}) {
    auto set = run_planscore(url, {"value", "set", "b1-1", year, "100000", "--note", "崩潰測試"});
    if (set.exit_code != 0) throw std::runtime_error("value set failed: " + set.err);
  }
  Accounts accounts;
  for (const auto& [name, arguments] : kAccounts) {
    std::vector<std::string> command{"user", "add", name};
    command.insert(command.end(), arguments.begin(), arguments.end());
    auto added = run_planscore(url, command);
    if (added.exit_code != 0) throw std::runtime_error("user add failed: " + added.err);
    accounts[name] = password_from(added.out);
  }
  return complete_first_sign_ins(url, accounts);
}

CrashBackend sqlite_backend() {
  CrashBackend backend;
  backend.name = "sqlite";
  backend.fresh_database = [](const TestDirectory& directory) {
    // The template lives as long as the test program; each `planscore` command has
    // closed it (checkpointed, no -wal left) before it is copied.
    static TestDirectory template_directory;
    static Accounts accounts;
    static std::once_flag made;
    std::call_once(made, [] { accounts = initialize_database(template_directory.database()); });
    const auto target = directory.path() / "crash.sqlite";
    std::filesystem::copy_file(template_directory.database(), target,
                               std::filesystem::copy_options::overwrite_existing);
    return FreshDatabase{target.string(), accounts};
  };
  backend.integrity_check = sqlite_integrity_check;
  return backend;
}

CrashBackend postgresql_backend() {
  CrashBackend backend;
  backend.name = "postgresql";
  backend.fresh_database = [](const TestDirectory&) {
    // A template database initialized once, copied by CREATE DATABASE … TEMPLATE for
    // each trial; the previous trial's copy is dropped (its checks are done by then).
    static std::string template_name;
    static std::string previous;
    static Accounts accounts;
    static std::once_flag made;
    static int trials = 0;
    const std::string admin = postgresql_database_url("postgres");
    std::call_once(made, [&] {
      template_name = "crash_template_" + std::to_string(::getpid());
      const std::string created = postgresql_exec(admin, "CREATE DATABASE " + template_name);
      if (!created.empty()) throw std::runtime_error("cannot create the template: " + created);
      accounts = initialize_database(postgresql_database_url(template_name));
    });
    if (!previous.empty())
      postgresql_exec(admin, "DROP DATABASE IF EXISTS " + previous + " WITH (FORCE)");
    previous = template_name + "_" + std::to_string(++trials);
    const std::string copied =
        postgresql_exec(admin, "CREATE DATABASE " + previous + " TEMPLATE " + template_name);
    if (!copied.empty()) throw std::runtime_error("cannot copy the template: " + copied);
    return FreshDatabase{postgresql_database_url(previous), accounts};
  };
  backend.settle_after_kill = [](const std::string& url) {
    for (int attempt = 0; attempt < 300; ++attempt) {
      std::vector<std::string> others;
      postgresql_exec(url,
                      "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() "
                      "AND pid <> pg_backend_pid()",
                      &others);
      if (others == std::vector<std::string>{"0"}) return;
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    throw std::runtime_error("the killed server's connections are still open after 30 s");
  };
  backend.integrity_check = postgresql_integrity_check;
  return backend;
}

}  // namespace planscore::test
