#include "database/test_database.h"

#include <gtest/gtest.h>
#include <libpq-fe.h>
#include <sqlite3.h>

#include <cstdlib>
#include <fstream>
#include <memory>
#include <random>
#include <stdexcept>

namespace planscore::test {
namespace {

using Connection = std::unique_ptr<PGconn, decltype(&PQfinish)>;
using Result = std::unique_ptr<PGresult, decltype(&PQclear)>;

Connection connect_postgresql(const std::string& url) {
  Connection connection(PQconnectdb(url.c_str()), &PQfinish);
  if (PQstatus(connection.get()) != CONNECTION_OK) {
    throw std::runtime_error("cannot connect to " + url + ": " + PQerrorMessage(connection.get()));
  }
  return connection;
}

// The URL of database `name` in the cluster whose admin URL is `admin`
// (postgresql://user@host:port/postgres).
std::string database_url(const std::string& admin, const std::string& name) {
  return admin.substr(0, admin.rfind('/') + 1) + name;
}

std::string random_name() {
  std::random_device random;
  std::mt19937_64 generator((static_cast<std::uint64_t>(random()) << 32) ^ random());
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string name = "planscore_test_";
  for (int i = 0; i < 16; ++i) name += kDigits[generator() % 16];
  return name;
}

std::string sqlite_exec(const std::string& path, const std::string& sql,
                        std::vector<std::string>* rows) {
  sqlite3* db = nullptr;
  const int flags = rows != nullptr ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
  if (sqlite3_open_v2(path.c_str(), &db, flags, nullptr) != SQLITE_OK) {
    sqlite3_close(db);
    return "cannot open " + path;
  }
  sqlite3_busy_timeout(db, 5000);
  auto collect = [](void* into, int columns, char** values, char**) {
    std::string line;
    for (int column = 0; column < columns; ++column) {
      if (column > 0) line += "|";
      line += values[column] != nullptr ? values[column] : "NULL";
    }
    static_cast<std::vector<std::string>*>(into)->push_back(line);
    return 0;
  };
  char* message = nullptr;
  std::string error;
  if (sqlite3_exec(db, sql.c_str(), rows != nullptr ? +collect : nullptr, rows, &message) !=
      SQLITE_OK) {
    error = message != nullptr ? message : "failed";
  }
  sqlite3_free(message);
  sqlite3_close(db);
  return error;
}

}  // namespace

std::string postgresql_exec(const std::string& url, const std::string& sql,
                            std::vector<std::string>* rows) {
  Connection connection = connect_postgresql(url);
  Result result(PQexec(connection.get(), sql.c_str()), &PQclear);
  const ExecStatusType status = PQresultStatus(result.get());
  if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) {
    return PQresultErrorMessage(result.get());
  }
  if (rows == nullptr) return "";
  for (int row = 0; row < PQntuples(result.get()); ++row) {
    std::string line;
    for (int column = 0; column < PQnfields(result.get()); ++column) {
      if (column > 0) line += "|";
      line +=
          PQgetisnull(result.get(), row, column) ? "NULL" : PQgetvalue(result.get(), row, column);
    }
    rows->push_back(line);
  }
  return "";
}

// The state file is read once: the cluster does not move during a run.
std::optional<std::string> postgresql_cluster() {
  static const std::optional<std::string> cluster = []() -> std::optional<std::string> {
    const char* state = std::getenv("PLANSCORE_TEST_POSTGRES");
    if (state == nullptr || *state == '\0') return std::nullopt;
    std::ifstream in(state);
    std::string line;
    while (std::getline(in, line)) {
      if (line.rfind("url=", 0) == 0) return line.substr(4);
    }
    throw std::runtime_error(std::string("PLANSCORE_TEST_POSTGRES names ") + state +
                             ", which holds no cluster URL: is the cluster running?");
  }();
  return cluster;
}

bool testing_postgresql() {
  return postgresql_cluster().has_value();
}

std::string postgresql_database_url(const std::string& name) {
  return database_url(postgresql_cluster().value(), name);
}

TestDatabase::TestDatabase(const std::filesystem::path& directory, const std::string& file_name) {
  const std::optional<std::string> cluster = postgresql_cluster();
  if (!cluster) {
    url_ = (directory / file_name).string();
    return;
  }
  name_ = random_name();
  const std::string error = postgresql_exec(*cluster, "CREATE DATABASE " + name_, nullptr);
  if (!error.empty()) throw std::runtime_error("cannot create test database: " + error);
  url_ = database_url(*cluster, name_);
}

void TestDatabase::replace_with_copy_of(const std::string& source) const {
  if (!is_postgresql()) {
    std::filesystem::copy_file(source, url_, std::filesystem::copy_options::overwrite_existing);
    return;
  }
  for (const std::string& sql : {"DROP DATABASE " + name_ + " WITH (FORCE)",
                                 "CREATE DATABASE " + name_ + " TEMPLATE " + source}) {
    const std::string error = postgresql_exec(*postgresql_cluster(), sql, nullptr);
    if (!error.empty()) throw std::runtime_error("cannot copy " + source + ": " + error);
  }
}

TestDatabase::~TestDatabase() {
  if (name_.empty()) return;
  try {
    postgresql_exec(*postgresql_cluster(), "DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)",
                    nullptr);
  } catch (...) {
    // The cluster is removed at the end of the run anyway.
  }
}

std::vector<std::string> sqlite_rows(const std::string& path, const std::string& sql) {
  std::vector<std::string> rows;
  const std::string error = sqlite_exec(path, sql, &rows);
  if (!error.empty()) ADD_FAILURE() << error << " in " << sql;
  return rows;
}

std::vector<std::string> TestDatabase::rows(const std::string& sql) const {
  std::vector<std::string> rows;
  const std::string error =
      is_postgresql() ? postgresql_exec(url_, sql, &rows) : sqlite_exec(url_, sql, &rows);
  if (!error.empty()) ADD_FAILURE() << error << " in " << sql;
  return rows;
}

std::string TestDatabase::exec(const std::string& sql) const {
  return is_postgresql() ? postgresql_exec(url_, sql, nullptr) : sqlite_exec(url_, sql, nullptr);
}

std::string TestDatabase::exec_on_cluster(const std::string& sql) const {
  return postgresql_exec(postgresql_cluster().value(), sql, nullptr);
}

bool TestDatabase::has_table(const std::string& table) const {
  const std::string sql =
      is_postgresql()
          ? "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = "
            "current_schema() AND table_name = '" +
                table + "'"
          : "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '" + table + "'";
  return rows(sql) == std::vector<std::string>{"1"};
}

std::vector<std::string> TestDatabase::tables() const {
  return rows(is_postgresql()
                  ? "SELECT table_name FROM information_schema.tables WHERE table_schema = "
                    "current_schema() ORDER BY table_name"
                  : "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
}

std::vector<std::string> TestDatabase::columns(const std::string& table) const {
  if (!is_postgresql()) {
    return rows("SELECT name || ':' || type FROM pragma_table_info('" + table + "') ORDER BY cid");
  }
  return rows(
      "SELECT column_name || ':' || CASE data_type WHEN 'bigint' THEN 'INTEGER' "
      "WHEN 'double precision' THEN 'REAL' WHEN 'text' THEN 'TEXT' WHEN 'bytea' THEN 'BLOB' "
      "ELSE data_type END FROM information_schema.columns WHERE table_schema = "
      "current_schema() AND table_name = '" +
      table + "' ORDER BY ordinal_position");
}

std::vector<std::string> TestDatabase::indexes(const std::string& table) const {
  if (!is_postgresql()) {
    return rows(
        "SELECT (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_info(m.name) "
        "ORDER BY seqno)) FROM sqlite_master m WHERE type = 'index' AND tbl_name = '" +
        table + "' AND name NOT LIKE 'sqlite_autoindex%' ORDER BY name");
  }
  return rows(
      "SELECT (SELECT string_agg(a.attname, ',' ORDER BY k.position) FROM "
      "unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, position) JOIN pg_attribute a ON "
      "a.attrelid = i.indrelid AND a.attnum = k.attnum) FROM pg_index i JOIN pg_class c ON "
      "c.oid = i.indexrelid WHERE i.indrelid = '" +
      table + "'::regclass AND NOT i.indisprimary ORDER BY c.relname");
}

std::vector<std::string> TestDatabase::schema() const {
  if (!is_postgresql()) return rows("SELECT sql FROM sqlite_master ORDER BY name");
  std::vector<std::string> schema = rows(
      "SELECT table_name || '.' || column_name || ':' || data_type FROM "
      "information_schema.columns WHERE table_schema = current_schema() ORDER BY table_name, "
      "ordinal_position");
  for (std::string& index :
       rows("SELECT indexdef FROM pg_indexes WHERE schemaname = current_schema() ORDER BY "
            "indexname")) {
    schema.push_back(std::move(index));
  }
  return schema;
}

std::string TestDatabase::real(double value) const {
  std::string text = std::to_string(value);
  text.erase(text.find_last_not_of('0') + 1);
  if (text.back() == '.') text += is_postgresql() ? "" : "0";
  if (text.back() == '.') text.pop_back();
  return text;
}

}  // namespace planscore::test
