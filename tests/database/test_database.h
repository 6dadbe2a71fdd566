#pragma once
// The database a test runs against. Store, service and API tests run twice: on SQLite
// (a fresh file) and on PostgreSQL (a fresh database in the private cluster that CTest
// starts for the run, tests/tools/test_postgres.sh; PLANSCORE_TEST_POSTGRES names its
// state file). A test asks for a TestDatabase and uses its url(); the backend is the
// run's choice, not the test's.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace planscore::test {

// The admin URL of the run's PostgreSQL cluster, or nullopt when tests run on SQLite.
std::optional<std::string> postgresql_cluster();
bool testing_postgresql();
// The URL of database `name` in the run's cluster.
std::string postgresql_database_url(const std::string& name);
// Runs `sql` on the PostgreSQL database at `url` through a connection of its own; the
// rows, when asked for, as TestDatabase::rows gives them. Returns the error or "".
std::string postgresql_exec(const std::string& url, const std::string& sql,
                            std::vector<std::string>* rows = nullptr);

// Every row of `sql` in the SQLite file at `path`, as TestDatabase::rows gives them; for
// tests of what only SQLite files have (backup files, old schemas).
std::vector<std::string> sqlite_rows(const std::string& path, const std::string& sql);

class TestDatabase {
 public:
  // On SQLite the file `file_name` in `directory` (which must outlive this object); on
  // PostgreSQL a new empty database, dropped again by the destructor.
  explicit TestDatabase(const std::filesystem::path& directory,
                        const std::string& file_name = "planscore.db");
  ~TestDatabase();
  TestDatabase(const TestDatabase&) = delete;
  TestDatabase& operator=(const TestDatabase&) = delete;

  // What `planscore --db` and store::Store::open take.
  const std::string& url() const { return url_; }
  // Makes this database a copy of `source` — a SQLite file's path, or the name of a
  // database in the run's cluster that no one is connected to — replacing what it held.
  void replace_with_copy_of(const std::string& source) const;
  bool is_postgresql() const { return !name_.empty(); }

  // Every row of `sql` as "a|b|c" lines (NULL as "NULL"), through a connection of its
  // own, to look at what the program wrote. A failing statement fails the test.
  std::vector<std::string> rows(const std::string& sql) const;
  // Runs `sql` through a connection of its own, as someone with access to the database
  // could. Returns the database's error message, or "" when the statement succeeded.
  std::string exec(const std::string& sql) const;
  // Runs `sql` on PostgreSQL's maintenance database, for statements about this database
  // as a whole (ALTER DATABASE …) that must not depend on its own settings.
  std::string exec_on_cluster(const std::string& sql) const;
  // The PostgreSQL database's name; empty on SQLite.
  const std::string& name() const { return name_; }

  // The catalogue, the same on both backends: tables, and a table's columns as
  // "name:TYPE" with the store's types (INTEGER, REAL, TEXT, BLOB).
  bool has_table(const std::string& table) const;
  std::vector<std::string> tables() const;  // sorted by name
  std::vector<std::string> columns(const std::string& table) const;
  // The columns of each index on `table` other than its primary key, "a,b" per index.
  std::vector<std::string> indexes(const std::string& table) const;
  // Every table, column and index: to show that nothing in the schema changed.
  std::vector<std::string> schema() const;
  // `value` as rows() prints a REAL column holding it ("180.0" in SQLite, "180" in
  // PostgreSQL).
  std::string real(double value) const;

 private:
  std::string url_;
  std::string name_;  // the PostgreSQL database's name; empty on SQLite
};

}  // namespace planscore::test
