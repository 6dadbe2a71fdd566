#pragma once
// Statements whose SQL is assembled at run time (optional filters, a register's columns):
// values bound by position, rows read into typed slots. Typed slots rather than
// soci::row because SOCI's SQLite backend describes INTEGER columns as int, which would
// truncate 64-bit values.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "store/soci.h"
#include "store/sql_value.h"

namespace planscore::store {

// How a result column is read.
enum class ColumnType { integer, real, text };

// One fetched row. Valid only inside the callback that receives it.
class ResultRow {
 public:
  explicit ResultRow(const std::vector<ColumnType>& columns);

  bool is_null(std::size_t column) const { return indicators_.at(column) == soci::i_null; }
  std::int64_t integer(std::size_t column) const;     // 0 when null
  double real(std::size_t column) const;              // 0 when null
  const std::string& text(std::size_t column) const;  // "" when null
  SqlValue value(std::size_t column) const;           // monostate when null

 private:
  friend void for_each_row(soci::session&, const std::string&, std::vector<SqlValue>,
                           const std::vector<ColumnType>&,
                           const std::function<void(const ResultRow&)>&);
  friend class PreparedQuery;
  std::vector<SqlValue> slots_;
  std::vector<soci::indicator> indicators_;
};

// Runs `sql` with `parameters` and calls `on_row` for each row, its columns read as
// `columns` say.
void for_each_row(soci::session& session, const std::string& sql, std::vector<SqlValue> parameters,
                  const std::vector<ColumnType>& columns,
                  const std::function<void(const ResultRow&)>& on_row);

// A query asked on every request (the session, the plan's version): prepared once per
// connection and run again with new text parameters, which saves SQLite's parse and
// plan on each call. `on_row` must not throw: the statement must run to its end to let
// go of its read snapshot.
class PreparedQuery {
 public:
  PreparedQuery(soci::session& session, const std::string& sql, std::size_t text_parameters,
                const std::vector<ColumnType>& columns);
  void run(const std::vector<std::string>& parameters,
           const std::function<void(const ResultRow&)>& on_row);

 private:
  std::vector<std::string> parameters_;  // bound by reference: never resized
  ResultRow row_;
  soci::statement statement_;
};

// A statement that returns no rows, run often with new values (the deltas every record
// write applies to maintained totals): prepared once, its values rebound on each run.
// Values must keep their types from run to run (and be given, not null); a run with
// other types answers false and runs nothing, so the caller prepares it afresh.
class PreparedStatement {
 public:
  PreparedStatement(soci::session& session, const std::string& sql,
                    std::vector<SqlValue> parameters);
  bool run(std::vector<SqlValue> parameters);

 private:
  std::vector<SqlValue> values_;  // bound by reference: never resized
  std::vector<soci::indicator> indicators_;
  soci::statement statement_;
};

// Runs a statement that returns no rows; answers how many rows it changed.
std::int64_t execute(soci::session& session, const std::string& sql,
                     std::vector<SqlValue> parameters);

}  // namespace planscore::store
