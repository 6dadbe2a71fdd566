#include "store/postgresql_copy.h"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <soci/postgresql/soci-postgresql.h>

#include <iterator>
#include <type_traits>
#include <variant>

namespace planscore::store {
namespace {

// Pieces of about this size go to the server: large enough that each send is cheap,
// small enough that a million rows never sit in memory twice.
constexpr std::size_t kSendSize = 1 << 20;

// Clears `result` and throws its error, or the connection's when there is no result (the
// connection was lost: SQLSTATE 08006).
[[noreturn]] void fail(PGconn* connection, PGresult* result, const std::string& what) {
  const char* state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
  // postgresql_soci_error keeps five characters of it.
  const std::string sqlstate = state && std::string_view(state).size() == 5 ? state
                               : result                                     ? "XX000"
                                                                            : "08006";
  const std::string message = result ? PQresultErrorMessage(result) : PQerrorMessage(connection);
  PQclear(result);
  throw soci::postgresql_soci_error(what + ": " + message, sqlstate.c_str());
}

}  // namespace

void append_copy_text(std::string& out, std::string_view text) {
  for (const char c : text) {
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        out += c;
    }
  }
}

CopyIn::CopyIn(PGconn* connection, const std::string& table,
               const std::vector<std::string>& columns)
    : connection_(connection) {
  const std::string sql = fmt::format("COPY {} ({}) FROM STDIN", table, fmt::join(columns, ", "));
  PGresult* result = PQexec(connection_, sql.c_str());
  if (PQresultStatus(result) != PGRES_COPY_IN) {
    finished_ = true;
    fail(connection_, result, "starting COPY into " + table);
  }
  PQclear(result);
  buffer_.reserve(kSendSize + 4096);
}

CopyIn::~CopyIn() {
  if (finished_) return;
  PQputCopyEnd(connection_, "the rows were abandoned");
  while (PGresult* result = PQgetResult(connection_)) PQclear(result);
}

void CopyIn::add(const SqlValue& value) {
  if (row_started_) buffer_ += '\t';
  row_started_ = true;
  std::visit(
      [&](const auto& given) {
        using Given = std::decay_t<decltype(given)>;
        if constexpr (std::is_same_v<Given, std::monostate>) {
          buffer_ += "\\N";
        } else if constexpr (std::is_same_v<Given, std::string>) {
          append_copy_text(buffer_, given);
        } else {
          // Whole numbers as they are; doubles as the shortest text that reads back as
          // the same double.
          fmt::format_to(std::back_inserter(buffer_), "{}", given);
        }
      },
      value);
}

void CopyIn::end_row() {
  buffer_ += '\n';
  row_started_ = false;
  if (buffer_.size() >= kSendSize) send();
}

void CopyIn::send() {
  if (buffer_.empty()) return;
  if (PQputCopyData(connection_, buffer_.data(), static_cast<int>(buffer_.size())) != 1) {
    fail(connection_, nullptr, "sending rows to COPY");
  }
  buffer_.clear();
}

void CopyIn::finish() {
  send();
  finished_ = true;
  if (PQputCopyEnd(connection_, nullptr) != 1) fail(connection_, nullptr, "ending COPY");
  check_result();
}

void CopyIn::check_result() {
  // The COPY's own result, then the null that ends the results.
  PGresult* result = PQgetResult(connection_);
  while (PGresult* rest = PQgetResult(connection_)) PQclear(rest);
  if (PQresultStatus(result) != PGRES_COMMAND_OK) fail(connection_, result, "COPY");
  PQclear(result);
}

}  // namespace planscore::store
