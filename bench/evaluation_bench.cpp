// Evaluation and writes at scale, each figure beside its limit measured in the same run:
// - import: the service's CSV import (parse, check, insert, keep the plan's maintained
//   totals) beside sqlite3's own bulk insert (prepared INSERT in one transaction, the floor
//   `.import` itself uses), or PostgreSQL's COPY of the same rows, into a table like the
//   register's (goal ≥ 0.5 of its rate) and into a bare table;
// - full evaluation of the shipped plan scanning the registers beside the same aggregates
//   written by hand as a DBA would (with the indexes they would create), run directly
//   through the sqlite3 library or libpq (goal ≤ 1.1×); and reading maintained totals;
// - after a one-record add: the next evaluation of a plan year (goal ≤ 1 ms), and the
//   add's cost with maintained totals beside the same add with none (goal ≤ 1.5×).
//
// With --postgresql ADMIN_URL the store is a fresh database in that cluster.
//
// usage: evaluation_bench RECORDS [DIR] [--postgresql ADMIN_URL]
//        (RECORDS spread over procurement_cases)
#include <fmt/format.h>
#include <libpq-fe.h>
#include <sqlite3.h>

#include <algorithm>
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

// Rows first … last - 1 of the generated procurement cases, as a CSV file.
std::string cases_csv(long first, long last) {
  std::string csv = "announced_on,case_no,title,agency,e_tendering\n";
  for (long i = first; i < last; ++i)
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

// The register table's schema (table and indexes) as `CREATE` statements for a table `t`.
std::vector<std::string> register_table_schema(const std::string& db_path) {
  sqlite3* db = nullptr;
  sqlite3_open(db_path.c_str(), &db);
  sqlite3_stmt* statement = nullptr;
  sqlite3_prepare_v2(db,
                     "SELECT sql FROM sqlite_master WHERE tbl_name = 'reg_procurement_cases' "
                     "AND sql IS NOT NULL AND name <> 'dba_cases' ORDER BY type DESC",
                     -1, &statement, nullptr);
  std::vector<std::string> schema;
  while (sqlite3_step(statement) == SQLITE_ROW) {
    std::string sql = reinterpret_cast<const char*>(sqlite3_column_text(statement, 0));
    for (auto at = sql.find("reg_procurement_cases"); at != std::string::npos;
         at = sql.find("reg_procurement_cases")) {
      sql.replace(at, 21, "t");
    }
    schema.push_back(sql);
  }
  sqlite3_finalize(statement);
  sqlite3_close(db);
  return schema;
}

// sqlite3's own bulk insert of the rows in one transaction, into a bare table as `.import`
// makes one, or into a table of `schema` (the register's, with its indexes).
double sqlite_bulk_insert_seconds(const std::string& db_path, long records,
                                  const std::vector<std::string>& schema) {
  sqlite3* db = nullptr;
  sqlite3_open(db_path.c_str(), &db);
  for (const auto& sql : schema) sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr);
  if (schema.empty()) {
    sqlite3_exec(db,
                 "CREATE TABLE t(f_announced_on TEXT, f_case_no TEXT, f_title TEXT, "
                 "f_agency TEXT, f_e_tendering INTEGER)",
                 nullptr, nullptr, nullptr);
  }
  auto start = Clock::now();
  sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr);
  sqlite3_stmt* statement = nullptr;
  sqlite3_prepare_v2(db,
                     "INSERT INTO t (f_announced_on, f_case_no, f_title, f_agency, "
                     "f_e_tendering) VALUES (?,?,?,?,?)",
                     -1, &statement, nullptr);
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

// COPY of the rows in one transaction into a bare table, or (`like_register`) into a
// table made like the register's, with its indexes. The yes/no column is text, as the
// file has it.
double postgresql_copy_seconds(const std::string& url, const std::string& csv, bool like_register) {
  PgConnection db(url);
  db.exec("DROP TABLE IF EXISTS t");
  db.exec(like_register
              ? "CREATE TABLE t (LIKE reg_procurement_cases INCLUDING ALL); ALTER TABLE t "
                "ALTER COLUMN f_e_tendering TYPE TEXT"
              : "CREATE TABLE t(f_announced_on TEXT, f_case_no TEXT, f_title TEXT, f_agency TEXT, "
                "f_e_tendering TEXT)");
  auto start = Clock::now();
  db.exec("BEGIN");
  PQclear(PQexec(db.connection,
                 "COPY t (f_announced_on, f_case_no, f_title, f_agency, f_e_tendering) FROM "
                 "STDIN WITH (FORMAT csv, HEADER true)"));
  PQputCopyData(db.connection, csv.data(), static_cast<int>(csv.size()));
  PQputCopyEnd(db.connection, nullptr);
  PQclear(PQgetResult(db.connection));
  db.exec("COMMIT");
  return seconds_since(start);
}

double full_evaluation_seconds(planscore::store::Store& store, const planscore::core::Plan& plan) {
  const auto start = Clock::now();
  planscore::service::ValueCalculator calculator(store, plan);
  for (int year : plan.years()) calculator.actuals(year);
  return seconds_since(start);
}

// The metrics reading procurement_cases, the register the records go to.
std::vector<std::string> register_metrics(const planscore::core::Plan& plan) {
  std::vector<std::string> ids;
  for (const auto& metric : plan.metrics) {
    if (metric.formula.find("procurement_cases") != std::string::npos) ids.push_back(metric.id);
  }
  return ids;
}

double register_evaluation_seconds(planscore::store::Store& store,
                                   const planscore::core::Plan& plan) {
  const auto start = Clock::now();
  planscore::service::ValueCalculator calculator(store, plan);
  for (int year : plan.years())
    for (const auto& id : register_metrics(plan)) calculator.metric_value(id, year);
  return seconds_since(start);
}

struct WriteFigures {
  double write_ms = 0;                // one record added through the service
  double evaluation_ms = 0;           // then every indicator of a plan year, afresh
  double register_evaluation_ms = 0;  // then the metrics reading the changed register
};

// The median of `runs` one-record adds to procurement_cases, each followed by a fresh
// evaluation of ROC 105: a new calculator, as the server makes for a new data version.
WriteFigures one_record_changes(planscore::store::Store& store, const planscore::core::Plan& plan) {
  using namespace planscore;
  constexpr int runs = 21;
  std::vector<double> writes, evaluations, register_evaluations;
  for (int i = 0; i < runs; ++i) {
    auto start = Clock::now();
    const auto added =
        service::add_record(store, plan, service::system_actor(), "procurement_cases",
                            {{"announced_on", "2016-05-0" + std::to_string(i % 9 + 1)},
                             {"case_no", "W" + std::to_string(i)},
                             {"title", "單筆"},
                             {"agency", "機關1"},
                             {"e_tendering", "是"}});
    writes.push_back(seconds_since(start) * 1000);
    if (!added.problems.empty()) throw std::runtime_error("the one-record add was refused");
    start = Clock::now();
    service::ValueCalculator(store, plan).actuals(105);
    evaluations.push_back(seconds_since(start) * 1000);
    start = Clock::now();
    service::ValueCalculator calculator(store, plan);
    for (const auto& id : register_metrics(plan)) calculator.metric_value(id, 105);
    register_evaluations.push_back(seconds_since(start) * 1000);
  }
  auto median = [](std::vector<double> values) {
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
  };
  return {median(writes), median(evaluations), median(register_evaluations)};
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

  // Files of at most a million rows: an import takes files up to 100 MB.
  constexpr long kRowsPerFile = 1'000'000;
  double import_seconds = 0;
  for (long done = 0; done < records; done += kRowsPerFile) {
    const auto file = cases_csv(done, std::min(records, done + kRowsPerFile));
    const auto start = Clock::now();
    const auto report =
        service::import_csv(*store, plan, service::system_actor(), "procurement_cases", file);
    import_seconds += seconds_since(start);
    if (!report.ok()) {
      fmt::print(stderr, "the import of rows {}… was refused: {}\n", done,
                 report.file_problems.empty() ? "a row is invalid"
                                              : core::to_string(report.file_problems.front()));
      return 1;
    }
  }
  const auto csv = cases_csv(0, records);
  double bare_floor_seconds = 0;
  double table_floor_seconds = 0;
  if (postgresql.empty()) {
    bare_floor_seconds = sqlite_bulk_insert_seconds((dir / "floor.db").string(), records, {});
    table_floor_seconds = sqlite_bulk_insert_seconds((dir / "floor-table.db").string(), records,
                                                     register_table_schema(db_path));
  } else {
    bare_floor_seconds = postgresql_copy_seconds(
        fresh_postgresql_database(postgresql, "planscore_bench_floor"), csv, false);
    table_floor_seconds = postgresql_copy_seconds(db_path, csv, true);
  }

  // Evaluation reading the maintained totals the import kept up to date.
  const double maintained_seconds = full_evaluation_seconds(*store, plan);

  // One record changed with maintained totals: the write (a section's add, with its audit
  // entry, in one transaction), then the next evaluation of a plan year.
  const WriteFigures maintained = one_record_changes(*store, plan);

  // The same without maintained totals: every term scans its register.
  for (const auto& register_def : plan.registers) store->maintain_terms(register_def, {});
  const double scan_seconds = full_evaluation_seconds(*store, plan);
  // Each the fastest of five runs, taken in turns: neither pays alone for reading pages
  // from disk, nor for a background vacuum.
  double register_scan_seconds = 1e9, hand_seconds = 1e9;
  for (int run = 0; run < 5; ++run) {
    register_scan_seconds =
        std::min(register_scan_seconds, register_evaluation_seconds(*store, plan));
    hand_seconds =
        std::min(hand_seconds, postgresql.empty() ? hand_written_seconds(db_path)
                                                  : postgresql_hand_written_seconds(db_path));
  }
  const WriteFigures plain = one_record_changes(*store, plan);
  // Left as a server would find it, for the HTTP benchmark.
  service::maintain_plan_terms(*store);

  fmt::print("records: {} ({})\n", records, postgresql.empty() ? "SQLite" : "PostgreSQL");
  const char* floor_name = postgresql.empty() ? "sqlite3 prepared insert" : "COPY";
  // The goal's limit is the register's own table: its id, version and the index its
  // evaluation reads are what any import into it pays. A bare table (no key, no index, as
  // `.import` makes one) is shown beside it.
  fmt::print(
      "import: {:.0f} records/s   limit ({} of the same rows into a table like the "
      "register's, with its key and index) {:.0f} records/s   ratio {:.2f} (goal ≥ 0.5)\n",
      records / import_seconds, floor_name, records / table_floor_seconds,
      table_floor_seconds / import_seconds);
  fmt::print(
      "        beside it ({} into a bare table, as .import makes one) {:.0f} records/s   "
      "ratio {:.2f}\n",
      floor_name, records / bare_floor_seconds, bare_floor_seconds / import_seconds);
  fmt::print(
      "evaluation from scratch, scanning: full plan, 4 years {:.4f} s; the register's metrics, "
      "4 years {:.4f} s   hand-written SQL for them {:.4f} s   ratio {:.2f}× (goal ≤ 1.1×)\n",
      scan_seconds, register_scan_seconds, hand_seconds, register_scan_seconds / hand_seconds);
  fmt::print(
      "evaluation, full plan, 4 years, maintained totals: {:.4f} s   ({:.0f}× faster than "
      "scanning)\n",
      maintained_seconds, scan_seconds / maintained_seconds);
  fmt::print(
      "after one record changed: evaluation of a plan year {:.3f} ms (goal ≤ 1 ms), of the "
      "changed register's indicators {:.3f} ms\n",
      maintained.evaluation_ms, maintained.register_evaluation_ms);
  fmt::print(
      "one-record write with maintained totals {:.3f} ms   plain write {:.3f} ms   ratio {:.2f} "
      "(goal ≤ 1.5)\n",
      maintained.write_ms, plain.write_ms, maintained.write_ms / plain.write_ms);
  return 0;
}
