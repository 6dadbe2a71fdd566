#pragma once
// The database. A Store is one connection to an agency's database: the current plan
// (as a document with a version), the registers' tables and records, manual indicator
// values. SQL is kept portable; SQLite is the embedded default.
// Not safe to share between threads: open one Store per thread.
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/metric/ast.h"
#include "core/plan/plan.h"
#include "core/register/record.h"

namespace planscore::store {

// Thrown for failures the caller cannot prevent (disk full, corrupt file, lost
// connection). Expected rejections are values, not exceptions.
struct StoreError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct StoredPlan {
  std::string id;
  std::string document;  // the plan as canonical JSON (planfile)
  std::int64_t version = 0;
};

struct ManualValue {
  std::string indicator_id;
  int year = 0;
  double value = 0;
  std::string note;
};

class Store;

// A transaction: commits when commit() is called, rolls back when destroyed without.
class Transaction {
 public:
  explicit Transaction(Store& store);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  void commit();

 private:
  Store& store_;
  bool done_ = false;
};

class Store {
 public:
  virtual ~Store() = default;

  // Opens (creating if needed) the database at `url`: a file path or "sqlite:PATH".
  // Runs pending migrations. Throws StoreError when the database cannot be opened.
  static std::unique_ptr<Store> open(const std::string& url);

  virtual void begin() = 0;
  virtual void commit() = 0;
  virtual void rollback() = 0;

  // --- plans -------------------------------------------------------------------------
  // The plan marked current (the last one imported), if any.
  virtual std::optional<StoredPlan> current_plan() = 0;
  // Stores the plan document and makes it current. `expected_version` is the version
  // the caller read (0 for a new plan); returns the new version, or nullopt when the
  // stored version differs (someone else changed it) and nothing was written.
  virtual std::optional<std::int64_t> save_plan(const std::string& plan_id, const std::string& name,
                                                const std::string& document,
                                                std::int64_t expected_version) = 0;

  // --- registers ---------------------------------------------------------------------
  // Creates the tables of registers that do not exist yet and adds fields that are new.
  // Returns problems (and changes nothing) when an existing register's field changed
  // type or was removed while it holds records.
  virtual core::Problems apply_registers(const std::vector<core::RegisterDef>& registers) = 0;
  // Creates the indexes the given aggregates need to be answered without a full scan.
  virtual void ensure_indexes(const core::RegisterDef& register_def,
                              const std::vector<const core::metric::Aggregate*>& aggregates) = 0;

  // Inserts records (values in field order, already parsed and checked); returns the
  // new record ids. Call inside a Transaction for all-or-nothing batches.
  virtual std::vector<std::int64_t> insert_records(const core::RegisterDef& register_def,
                                                   const std::vector<core::Record>& records) = 0;
  virtual std::int64_t count_records(const core::RegisterDef& register_def) = 0;

  // --- aggregates --------------------------------------------------------------------
  // The aggregate's value over the register's records of ROC year `year`, computed by
  // one parameterized query. nullopt for avg/min/max over no records. min/max of a date
  // field answer the date as the number YYYYMMDD (2015-03-15 → 20150315).
  virtual std::optional<double> aggregate(const core::RegisterDef& register_def,
                                          const core::metric::Aggregate& term, int year) = 0;
  // Whether the register holds any record placed in `year` (for "no data").
  virtual bool has_records_in_year(const core::RegisterDef& register_def, int year) = 0;

  // --- manual values -----------------------------------------------------------------
  virtual void set_manual_value(const std::string& plan_id, const ManualValue& value) = 0;
  virtual std::vector<ManualValue> manual_values(const std::string& plan_id) = 0;
};

}  // namespace planscore::store
