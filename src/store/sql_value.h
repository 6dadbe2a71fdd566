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

// Binds `values` (by position) to a statement that is being prepared. The statement
// keeps references: `values` and `indicators` must outlive its execution.
// `indicators` is resized here.
void bind_all(soci::statement& statement, std::vector<SqlValue>& values,
              std::vector<soci::indicator>& indicators);

}  // namespace planscore::store
