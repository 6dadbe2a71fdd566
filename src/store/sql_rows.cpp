#include "store/sql_rows.h"

#include <stdexcept>

namespace planscore::store {
namespace {

SqlValue slot_of(ColumnType type) {
  switch (type) {
    case ColumnType::integer:
      return std::int64_t{0};
    case ColumnType::real:
      return 0.0;
    case ColumnType::text:
      return std::string();
  }
  return std::string();
}

const std::string& no_text() {
  static const std::string empty;
  return empty;
}

}  // namespace

ResultRow::ResultRow(const std::vector<ColumnType>& columns)
    : indicators_(columns.size(), soci::i_ok) {
  slots_.reserve(columns.size());
  for (ColumnType type : columns) slots_.push_back(slot_of(type));
}

std::int64_t ResultRow::integer(std::size_t column) const {
  return is_null(column) ? 0 : std::get<std::int64_t>(slots_.at(column));
}

double ResultRow::real(std::size_t column) const {
  return is_null(column) ? 0 : std::get<double>(slots_.at(column));
}

const std::string& ResultRow::text(std::size_t column) const {
  return is_null(column) ? no_text() : std::get<std::string>(slots_.at(column));
}

SqlValue ResultRow::value(std::size_t column) const {
  return is_null(column) ? SqlValue{} : slots_.at(column);
}

void for_each_row(soci::session& session, const std::string& sql, std::vector<SqlValue> parameters,
                  const std::vector<ColumnType>& columns,
                  const std::function<void(const ResultRow&)>& on_row) {
  ResultRow row(columns);
  std::vector<soci::indicator> parameter_indicators;
  soci::statement select(session);
  select.alloc();
  select.prepare(sql);
  bind_all(select, parameters, parameter_indicators);
  for (std::size_t i = 0; i < row.slots_.size(); ++i) {
    std::visit(
        [&](auto& held) {
          using Held = std::decay_t<decltype(held)>;
          if constexpr (!std::is_same_v<Held, std::monostate>) {
            select.exchange(soci::into(held, row.indicators_[i]));
          }
        },
        row.slots_[i]);
  }
  select.define_and_bind();
  select.execute(false);
  while (select.fetch()) on_row(row);
}

PreparedQuery::PreparedQuery(soci::session& session, const std::string& sql,
                             std::size_t text_parameters, const std::vector<ColumnType>& columns)
    : parameters_(text_parameters), row_(columns), statement_(session) {
  statement_.alloc();
  statement_.prepare(sql);
  for (auto& parameter : parameters_) statement_.exchange(soci::use(parameter));
  for (std::size_t i = 0; i < row_.slots_.size(); ++i) {
    std::visit(
        [&](auto& held) {
          using Held = std::decay_t<decltype(held)>;
          if constexpr (!std::is_same_v<Held, std::monostate>) {
            statement_.exchange(soci::into(held, row_.indicators_[i]));
          }
        },
        row_.slots_[i]);
  }
  statement_.define_and_bind();
}

void PreparedQuery::run(const std::vector<std::string>& parameters,
                        const std::function<void(const ResultRow&)>& on_row) {
  if (parameters.size() != parameters_.size())
    throw std::logic_error("a prepared query got " + std::to_string(parameters.size()) +
                           " parameters; it takes " + std::to_string(parameters_.size()));
  std::copy(parameters.begin(), parameters.end(), parameters_.begin());
  statement_.execute(false);
  while (statement_.fetch()) on_row(row_);
}

PreparedStatement::PreparedStatement(soci::session& session, const std::string& sql,
                                     std::vector<SqlValue> parameters)
    : values_(std::move(parameters)), statement_(session) {
  statement_.alloc();
  statement_.prepare(sql);
  bind_all(statement_, values_, indicators_);
  statement_.define_and_bind();
}

bool PreparedStatement::run(std::vector<SqlValue> parameters) {
  if (parameters.size() != values_.size()) return false;
  for (std::size_t i = 0; i < values_.size(); ++i) {
    if (parameters[i].index() != values_[i].index() || indicators_[i] != soci::i_ok) return false;
  }
  for (std::size_t i = 0; i < values_.size(); ++i) values_[i] = std::move(parameters[i]);
  statement_.execute(true);
  return true;
}

std::int64_t execute(soci::session& session, const std::string& sql,
                     std::vector<SqlValue> parameters) {
  std::vector<soci::indicator> indicators;
  soci::statement statement(session);
  statement.alloc();
  statement.prepare(sql);
  bind_all(statement, parameters, indicators);
  statement.define_and_bind();
  statement.execute(true);
  return statement.get_affected_rows();
}

}  // namespace planscore::store
