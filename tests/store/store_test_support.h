#pragma once
// Shared fixtures for the store tests: a fresh temporary directory per test, a few
// registers of the shipped plan (docs/shipped-plan-registers.md), and builders for the
// metric syntax tree (so these tests do not depend on the formula parser).
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "core/metric/ast.h"
#include "core/register/record.h"
#include "core/register/register.h"
#include "store/store.h"

namespace planscore::store::testing {

namespace fs = std::filesystem;
using core::metric::Aggregate;
using core::metric::AggregateFunction;
using core::metric::CompareOp;
using core::metric::Condition;
using core::metric::ConditionPtr;
using core::metric::Literal;

// A test with its own empty directory, removed afterwards.
class TempDirTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::random_device random;
    directory_ = fs::temp_directory_path() /
                 ("planscore-store-" + std::to_string(random()) + std::to_string(random()));
    fs::create_directories(directory_);
  }
  void TearDown() override {
    std::error_code ignored;
    fs::remove_all(directory_, ignored);
  }
  std::string path(const std::string& name) const { return (directory_ / name).string(); }
  std::string db_path() const { return path("planscore.db"); }
  std::unique_ptr<Store> open_store() { return Store::open(db_path()); }

 private:
  fs::path directory_;
};

inline core::FieldDef field(std::string id, core::FieldType type, bool required = true,
                            std::vector<std::string> choices = {}) {
  core::FieldDef def;
  def.id = std::move(id);
  def.name = def.id;
  def.type = type;
  def.required = required;
  def.choices = std::move(choices);
  return def;
}

inline core::RegisterDef records_trainings() {
  core::RegisterDef def;
  def.id = "records_trainings";
  def.name = "文書及檔案管理研習";
  def.owner_section = "documents";
  def.time_basis = core::TimeBasis::date;
  def.time_field = "held_on";
  def.fields = {field("held_on", core::FieldType::date), field("title", core::FieldType::text),
                field("participants", core::FieldType::integer),
                field("satisfaction", core::FieldType::decimal, false)};
  return def;
}

inline core::RegisterDef procurement_trainings() {
  core::RegisterDef def;
  def.id = "procurement_trainings";
  def.name = "採購專業人員訓練";
  def.owner_section = "procurement";
  def.time_basis = core::TimeBasis::date;
  def.time_field = "held_on";
  def.fields = {field("held_on", core::FieldType::date), field("title", core::FieldType::text),
                field("category", core::FieldType::choice, true,
                      {"採購專業人員訓練", "採購法專題講座", "採購業務說明會"}),
                field("participants", core::FieldType::integer)};
  return def;
}

inline core::RegisterDef procurement_cases() {
  core::RegisterDef def;
  def.id = "procurement_cases";
  def.name = "採購案件";
  def.owner_section = "procurement";
  def.time_basis = core::TimeBasis::date;
  def.time_field = "announced_on";
  def.fields = {field("announced_on", core::FieldType::date),
                field("case_no", core::FieldType::text), field("title", core::FieldType::text),
                field("agency", core::FieldType::text),
                field("e_tendering", core::FieldType::yes_no)};
  return def;
}

inline core::RegisterDef volunteers() {
  core::RegisterDef def;
  def.id = "volunteers";
  def.name = "志工名冊";
  def.owner_section = "public_relations";
  def.time_basis = core::TimeBasis::interval;
  def.time_field = "joined";
  def.end_field = "left";
  def.fields = {field("name", core::FieldType::text), field("joined", core::FieldType::date),
                field("left", core::FieldType::date, false),
                field("service", core::FieldType::choice, true, {"導覽", "服務台", "電話問安"})};
  return def;
}

inline core::RegisterDef budget_execution() {
  core::RegisterDef def;
  def.id = "budget_execution";
  def.name = "預算執行";
  def.owner_section = "accounting";
  def.time_basis = core::TimeBasis::year;
  def.time_field = "year";
  def.fields = {field("year", core::FieldType::integer),
                field("category", core::FieldType::choice, true, {"經常門", "資本門"}),
                field("budget", core::FieldType::decimal),
                field("spent", core::FieldType::decimal),
                field("payable", core::FieldType::decimal),
                field("savings", core::FieldType::decimal)};
  return def;
}

inline core::RegisterDef hr_compliance() {
  core::RegisterDef def;
  def.id = "hr_compliance";
  def.name = "身心障礙及原住民進用";
  def.owner_section = "personnel";
  def.time_basis = core::TimeBasis::year;
  def.time_field = "year";
  def.fields = {field("year", core::FieldType::integer),
                field("disabled_required", core::FieldType::integer),
                field("disabled_employed", core::FieldType::integer),
                field("indigenous_required", core::FieldType::integer),
                field("indigenous_employed", core::FieldType::integer),
                field("compliant", core::FieldType::yes_no)};
  return def;
}

inline core::Record record(std::vector<core::FieldValue> values) {
  return core::Record{std::move(values)};
}

inline std::int64_t integer(std::int64_t value) {
  return value;
}

// --- syntax tree builders ---------------------------------------------------------------

inline ConditionPtr compare(std::string field_id, CompareOp op, Literal value) {
  return std::make_shared<const Condition>(
      Condition{core::metric::Comparison{std::move(field_id), op, std::move(value)}, {}});
}
inline ConditionPtr equals(std::string field_id, Literal value) {
  return compare(std::move(field_id), CompareOp::eq, std::move(value));
}
inline ConditionPtr in_list(std::string field_id, std::vector<Literal> values) {
  return std::make_shared<const Condition>(
      Condition{core::metric::InList{std::move(field_id), std::move(values)}, {}});
}
inline ConditionPtr both(ConditionPtr left, ConditionPtr right) {
  return std::make_shared<const Condition>(
      Condition{core::metric::Conjunction{std::move(left), std::move(right)}, {}});
}
inline ConditionPtr either(ConditionPtr left, ConditionPtr right) {
  return std::make_shared<const Condition>(
      Condition{core::metric::Disjunction{std::move(left), std::move(right)}, {}});
}
inline ConditionPtr negate(ConditionPtr operand) {
  return std::make_shared<const Condition>(
      Condition{core::metric::Negation{std::move(operand)}, {}});
}

inline Aggregate term(AggregateFunction function, std::string register_id,
                      std::string field_id = "", ConditionPtr condition = nullptr,
                      bool to_date = false) {
  Aggregate aggregate;
  aggregate.function = function;
  aggregate.register_id = std::move(register_id);
  aggregate.field = std::move(field_id);
  aggregate.condition = std::move(condition);
  aggregate.to_date = to_date;
  return aggregate;
}

// --- direct SQLite access, to look at what the store wrote ------------------------------

// Every row of `sql` as "a|b|c" lines (NULL as "NULL"), through a separate connection.
inline std::vector<std::string> sqlite_rows(const std::string& db_path, const std::string& sql) {
  sqlite3* db = nullptr;
  std::vector<std::string> rows;
  if (sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    sqlite3_close(db);
    ADD_FAILURE() << "cannot open " << db_path;
    return rows;
  }
  sqlite3_stmt* statement = nullptr;
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &statement, nullptr) != SQLITE_OK) {
    ADD_FAILURE() << sqlite3_errmsg(db) << " in " << sql;
    sqlite3_close(db);
    return rows;
  }
  while (sqlite3_step(statement) == SQLITE_ROW) {
    std::string row;
    for (int i = 0; i < sqlite3_column_count(statement); ++i) {
      if (i > 0) row += "|";
      const unsigned char* text = sqlite3_column_text(statement, i);
      row += text ? reinterpret_cast<const char*>(text) : "NULL";
    }
    rows.push_back(row);
  }
  sqlite3_finalize(statement);
  sqlite3_close(db);
  return rows;
}

// Runs `sql` through a separate read-write connection, as someone with the database file
// and a shell could. Returns SQLite's error message, or "" when the statement succeeded.
inline std::string sqlite_exec(const std::string& db_path, const std::string& sql) {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
    sqlite3_close(db);
    return "cannot open " + db_path;
  }
  sqlite3_busy_timeout(db, 5000);
  char* message = nullptr;
  std::string error;
  if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
    error = message != nullptr ? message : "failed";
  }
  sqlite3_free(message);
  sqlite3_close(db);
  return error;
}

}  // namespace planscore::store::testing
