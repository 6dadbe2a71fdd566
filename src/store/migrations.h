#pragma once
// Versioned schema migrations. Each step has a version and runs once, in its own
// transaction, recorded in schema_migrations; reopening a database runs only the
// steps it has not seen. Steps are append-only: never edit a shipped one.
#include <string>
#include <vector>

#include "store/dialect.h"
#include "store/soci.h"

namespace planscore::store {

struct Migration {
  int version = 0;
  std::string description;
  std::vector<std::string> statements;
};

// Every migration in version order, spelled for `dialect`.
std::vector<Migration> migrations(const Dialect& dialect);

// Applies pending migrations; returns how many ran. Throws StoreError naming the step.
int run_migrations(soci::session& session, const Dialect& dialect);

}  // namespace planscore::store
