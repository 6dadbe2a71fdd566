// Full-plan evaluation at scale, beside its limit measured in the same run: the same
// aggregates written by hand as a DBA would (with the indexes they would create), run
// directly through the sqlite3 library on the same file. Goal: ratio ≤ 1.1×.
// Also the import rate beside sqlite3's own bulk insert (prepared INSERT in one
// transaction, the floor `.import` itself uses).
//
// With --postgresql ADMIN_URL the same on PostgreSQL: the store in a fresh database
// there, the import beside COPY of the same rows into a plain table (one transaction),
// the hand-written SQL through libpq.
//
// usage: evaluation_bench RECORDS [DIR] [--postgresql ADMIN_URL]
//        (RECORDS spread over procurement_cases)
#include <fmt/format.h>
#include <libpq-fe.h>
#include <sqlite3.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "service/audit.h"
#include "service/evaluation.h"
#include "service/plans.h"
#include "service/records.h"

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

std::string read_file(const std::string& path) {
  std::ifstream in(path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string cases_csv(long records) {
  std::string csv = "announced_on,case_no,title,agency,e_tendering\n";
  for (long i = 0; i < records; ++i)
    csv += fmt::format("{}-{:02d}-{:02d},C{},案{},機關{},{}\n", 2015 + i % 4, i % 12 + 1,
                       i % 28 + 1, i, i % 97, i % 31, i % 53 == 0 ? "否" : "是");
  return csv;
}

// The hand-written SQL for the aggregates of b4-2 in every plan year.
double hand_written_seconds(const std::string& db_path) {
  sqlite3* db = nullptr;
  sqlite3_open(db_path.c_str(), &db);
  sqlite3_exec(db,
               "CREATE INDEX IF NOT EXISTS dba_cases ON reg_procurement_cases(f_announced_on, "
               "f_e_tendering)",
               nullptr, nullptr, nullptr);
  const char* sql =
      "SELECT count(*), sum(f_e_tendering = 1) FROM reg_procurement_cases WHERE f_announced_on "
      "BETWEEN ? AND ?";
  sqlite3_stmt* statement = nullptr;
  sqlite3_prepare_v2(db, sql, -1, &statement, nullptr);
  auto start = Clock::now();
  for (int year = 2015; year <= 2018; ++year) {
    auto from = fmt::format("{}-01-01", year), to = fmt::format("{}-12-31", year);
    sqlite3_bind_text(statement, 1, from.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(statement, 2, to.c_str(), -1, SQLITE_TRANSIENT);
    while (sqlite3_step(statement) == SQLITE_ROW) {
    }
    sqlite3_reset(statement);
  }
  double elapsed = seconds_since(start);
  sqlite3_finalize(statement);
  sqlite3_close(db);
  return elapsed;
}

double sqlite_bulk_insert_seconds(const std::string& db_path, long records) {
  sqlite3* db = nullptr;
  sqlite3_open(db_path.c_str(), &db);
  sqlite3_exec(db, "CREATE TABLE t(a TEXT, b TEXT, c TEXT, d TEXT, e INTEGER)", nullptr, nullptr,
               nullptr);
  auto start = Clock::now();
  sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr);
  sqlite3_stmt* statement = nullptr;
  sqlite3_prepare_v2(db, "INSERT INTO t VALUES (?,?,?,?,?)", -1, &statement, nullptr);
  for (long i = 0; i < records; ++i) {
    auto date = fmt::format("{}-{:02d}-{:02d}", 2015 + i % 4, i % 12 + 1, i % 28 + 1);
    auto no = fmt::format("C{}", i), title = fmt::format("案{}", i % 97),
         agency = fmt::format("機關{}", i % 31);
    sqlite3_bind_text(statement, 1, date.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(statement, 2, no.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(statement, 3, title.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(statement, 4, agency.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(statement, 5, i % 53 == 0 ? 0 : 1);
    sqlite3_step(statement);
    sqlite3_reset(statement);
  }
  sqlite3_finalize(statement);
  sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
  double elapsed = seconds_since(start);
  sqlite3_close(db);
  return elapsed;
}

// --- PostgreSQL -------------------------------------------------------------------------

struct PgConnection {
  explicit PgConnection(const std::string& url) : connection(PQconnectdb(url.c_str())) {
    if (PQstatus(connection) != CONNECTION_OK) {
      throw std::runtime_error(std::string("cannot connect: ") + PQerrorMessage(connection));
    }
  }
  ~PgConnection() { PQfinish(connection); }
  void exec(const std::string& sql) {
    PGresult* result = PQexec(connection, sql.c_str());
    const auto status = PQresultStatus(result);
    const std::string error = PQresultErrorMessage(result);
    PQclear(result);
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
      throw std::runtime_error(sql + ": " + error);
    }
  }
  PGconn* connection;
};

std::string database_url(const std::string& admin_url, const std::string& name) {
  return admin_url.substr(0, admin_url.rfind('/') + 1) + name;
}

// A fresh database `name` in the cluster of `admin_url`; returns its URL.
std::string fresh_postgresql_database(const std::string& admin_url, const std::string& name) {
  PgConnection admin(admin_url);
  admin.exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
  admin.exec("CREATE DATABASE " + name);
  return database_url(admin_url, name);
}

double postgresql_hand_written_seconds(const std::string& url) {
  PgConnection db(url);
  db.exec(
      "CREATE INDEX IF NOT EXISTS dba_cases ON reg_procurement_cases(f_announced_on, "
      "f_e_tendering)");
  db.exec("ANALYZE reg_procurement_cases");
  PGresult* prepared = PQprepare(db.connection, "dba",
                                 "SELECT count(*), sum(CASE WHEN f_e_tendering = 1 THEN 1 ELSE 0 "
                                 "END) FROM reg_procurement_cases WHERE f_announced_on BETWEEN $1 "
                                 "AND $2",
                                 2, nullptr);
  PQclear(prepared);
  auto start = Clock::now();
  for (int year = 2015; year <= 2018; ++year) {
    const auto from = fmt::format("{}-01-01", year), to = fmt::format("{}-12-31", year);
    const char* values[] = {from.c_str(), to.c_str()};
    PQclear(PQexecPrepared(db.connection, "dba", 2, values, nullptr, nullptr, 0));
  }
  return seconds_since(start);
}

double postgresql_copy_seconds(const std::string& url, const std::string& csv) {
  PgConnection db(url);
  db.exec("CREATE TABLE t(a TEXT, b TEXT, c TEXT, d TEXT, e TEXT)");
  auto start = Clock::now();
  db.exec("BEGIN");
  PQclear(PQexec(db.connection, "COPY t FROM STDIN WITH (FORMAT csv, HEADER true)"));
  PQputCopyData(db.connection, csv.data(), static_cast<int>(csv.size()));
  PQputCopyEnd(db.connection, nullptr);
  PQclear(PQgetResult(db.connection));
  db.exec("COMMIT");
  return seconds_since(start);
}

}  // namespace

int main(int argc, char** argv) {
  using namespace planscore;
  std::vector<std::string> arguments(argv + 1, argv + argc);
  std::string postgresql;
  for (auto it = arguments.begin(); it != arguments.end(); ++it) {
    if (*it == "--postgresql" && it + 1 != arguments.end()) {
      postgresql = *(it + 1);
      arguments.erase(it, it + 2);
      break;
    }
  }
  const long records = !arguments.empty() ? std::stol(arguments[0]) : 100000;
  const std::filesystem::path dir =
      arguments.size() > 1 ? std::filesystem::path(arguments[1])
                           : std::filesystem::temp_directory_path() / "planscore-bench";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  const std::string db_path = postgresql.empty()
                                  ? (dir / "bench.db").string()
                                  : fresh_postgresql_database(postgresql, "planscore_bench");

  auto store = store::Store::open(db_path);
  if (!service::import_plan(*store, read_file(PLANSCORE_SHIPPED_PLAN), service::PlanFormat::yaml,
                            service::system_actor())
           .problems.empty())
    return 1;
  const auto plan = service::require_current_plan(*store);

  const auto csv = cases_csv(records);
  auto start = Clock::now();
  auto report =
      service::import_csv(*store, plan, service::system_actor(), "procurement_cases", csv);
  const double import_seconds = seconds_since(start);
  if (!report.ok()) return 1;
  const double floor_seconds =
      postgresql.empty() ? sqlite_bulk_insert_seconds((dir / "floor.db").string(), records)
                         : postgresql_copy_seconds(
                               fresh_postgresql_database(postgresql, "planscore_bench_floor"), csv);

  start = Clock::now();
  service::ValueCalculator calculator(*store, plan);
  for (int year : plan.years()) calculator.actuals(year);
  const double full_seconds = seconds_since(start);
  const double hand_seconds =
      postgresql.empty() ? hand_written_seconds(db_path) : postgresql_hand_written_seconds(db_path);

  fmt::print("records: {} ({})\n", records, postgresql.empty() ? "SQLite" : "PostgreSQL");
  fmt::print(
      "import:     {:>10.0f} records/s   limit ({}) {:>10.0f} records/s   "
      "ratio {:.2f} (goal ≥ 0.5)\n",
      records / import_seconds, postgresql.empty() ? "sqlite3 prepared insert" : "COPY",
      records / floor_seconds, floor_seconds / import_seconds);
  fmt::print(
      "evaluation: full plan, 4 years {:.4f} s   hand-written SQL for the register's terms {:.4f} "
      "s   ratio {:.2f}×\n",
      full_seconds, hand_seconds, full_seconds / hand_seconds);
  return 0;
}
