#pragma once
// The database a crash trial runs on. Everything the harness does goes through the
// server's HTTP API and the `planscore` command with a database URL, so a backend is only
// how a fresh database is made and how its own consistency check is asked for: the
// SQLite and PostgreSQL backends differ in these two functions and nowhere else.
#include <functional>
#include <map>
#include <ostream>
#include <string>

#include "http/server_process.h"

namespace planscore::test {

// Accounts every trial's database has: username → password.
using Accounts = std::map<std::string, std::string>;

struct FreshDatabase {
  std::string url;  // what `planscore --db` takes
  Accounts accounts;
};

struct CrashBackend {
  std::string name;
  // A database with the shipped plan, the demo records and the harness's accounts,
  // created inside `directory` when the backend keeps files.
  std::function<FreshDatabase(const TestDirectory& directory)> fresh_database;
  // Waits until the killed server's work is over inside the database. PostgreSQL runs a
  // killed client's last statement (a COMMIT sent before the kill, say) to its end, so a
  // write the client never heard back about can land moments after the kill; the checks
  // start once it has. Nothing to wait for with SQLite, whose writer died with the process.
  std::function<void(const std::string& url)> settle_after_kill = [](const std::string&) {};
  // The backend's own verdict on the database's structure: "ok" when sound, else what
  // is wrong. Called after the server has stopped.
  std::function<std::string(const std::string& url)> integrity_check;
};

// GoogleTest names a parameter by this.
inline void PrintTo(const CrashBackend& backend, std::ostream* out) {
  *out << backend.name;
}

// `planscore --db URL init --demo` and the harness's accounts, each with the random
// password `user add` prints.
Accounts initialize_database(const std::string& url);

// SQLite: the initialized database is made once and copied for each trial (argon2id
// hashing for every account would otherwise dominate a short trial);
// PRAGMA integrity_check through the sqlite3 library.
CrashBackend sqlite_backend();

// PostgreSQL (the run's cluster, database/test_database.h): each trial on a copy of a
// template database made once; amcheck's bt_index_check on every index.
CrashBackend postgresql_backend();

}  // namespace planscore::test
