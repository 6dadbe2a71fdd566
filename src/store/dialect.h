#pragma once
// The few places where SQLite and PostgreSQL disagree. Everything else the store sends
// is portable SQL (ON CONFLICT upserts, RETURNING, ISO date text), so adding the
// PostgreSQL backend means adding a Dialect, not rewriting queries.
#include <string>
#include <vector>

#include "core/register/register.h"

namespace planscore::store {

struct Dialect {
  // Statements run once per connection before migrations (pragmas, session settings).
  std::vector<std::string> connection_setup;
  // Column definition of a register table's surrogate key.
  std::string record_id_column;
  // Starts a write transaction. SQLite needs IMMEDIATE so two writers fail fast on the
  // busy timeout instead of deadlocking when both upgrade a read lock.
  std::string begin_transaction;
  std::string integer_type;
  std::string real_type;
  std::string text_type = "TEXT";

  std::string column_type(core::FieldType type) const;
};

const Dialect& sqlite_dialect();

}  // namespace planscore::store
