#pragma once
// The Store over a SOCI session. SQLite today; the SQL is portable and the few
// differences live in a Dialect, so PostgreSQL needs a Dialect and a connect string.
#include <string>

#include "store/dialect.h"
#include "store/soci.h"
#include "store/store.h"

namespace planscore::store {

class SqlStore final : public Store {
 public:
  // Opens an SQLite file (created if missing; its directory must exist), applies the
  // connection settings and runs pending migrations.
  static std::unique_ptr<SqlStore> open_sqlite(const std::string& path);

  void begin() override;
  void commit() override;
  void rollback() override;

  std::optional<StoredPlan> current_plan() override;
  std::optional<std::int64_t> save_plan(const std::string& plan_id, const std::string& name,
                                        const std::string& document,
                                        std::int64_t expected_version) override;

  core::Problems apply_registers(const std::vector<core::RegisterDef>& registers) override;
  void ensure_indexes(const core::RegisterDef& register_def,
                      const std::vector<const core::metric::Aggregate*>& aggregates) override;

  std::vector<std::int64_t> insert_records(const core::RegisterDef& register_def,
                                           const std::vector<core::Record>& records) override;
  std::int64_t count_records(const core::RegisterDef& register_def) override;

  std::optional<double> aggregate(const core::RegisterDef& register_def,
                                  const core::metric::Aggregate& term, int year) override;
  bool has_records_in_year(const core::RegisterDef& register_def, int year) override;

  void set_manual_value(const std::string& plan_id, const ManualValue& value) override;
  std::vector<ManualValue> manual_values(const std::string& plan_id) override;

 private:
  // Runs a write as one transaction, or inside the caller's if one is open.
  class WriteScope;

  SqlStore(const Dialect& dialect, std::string description);
  bool table_has_records(const std::string& table);

  const Dialect& dialect_;
  std::string description_;  // names the database in error messages
  soci::session session_;
  bool in_transaction_ = false;
};

}  // namespace planscore::store
