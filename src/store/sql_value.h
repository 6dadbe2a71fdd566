#pragma once
// A value bound to a statement parameter. Every value that comes from a plan or a
// user (condition literals, year bounds, record values) travels this way, never as
// SQL text.
#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "store/soci.h"

namespace planscore::store {

using SqlValue = std::variant<std::monostate, std::int64_t, double, std::string>;

// Collects the values of a statement being built and hands out their placeholders
// (SOCI's portable ":p1", ":p2" …, bound by position). Each call to add() must be its
// own statement: the operands of `+` have no guaranteed evaluation order, and the
// placeholders must appear in the SQL in the order they were added.
class Parameters {
 public:
  explicit Parameters(std::vector<SqlValue>& values) : values_(values) {}
  std::string add(SqlValue value) {
    values_.push_back(std::move(value));
    return ":p" + std::to_string(values_.size());
  }

 private:
  std::vector<SqlValue>& values_;
};

// Binds `values` (by position) to a statement that is being prepared. The statement
// keeps references: `values` and `indicators` must outlive its execution.
// `indicators` is resized here.
void bind_all(soci::statement& statement, std::vector<SqlValue>& values,
              std::vector<soci::indicator>& indicators);

}  // namespace planscore::store
