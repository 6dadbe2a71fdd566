#pragma once
// Shared fixtures for the store tests: a fresh temporary directory per test, a few
// registers of the shipped plan (docs/shipped-plan-registers.md), and builders for the
// metric syntax tree (so these tests do not depend on the formula parser).
#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "core/metric/ast.h"
#include "core/register/record.h"
#include "core/register/register.h"
#include "database/test_database.h"
#include "store/store.h"

namespace planscore::store::testing {

namespace fs = std::filesystem;
using core::metric::Aggregate;
using core::metric::AggregateFunction;
using core::metric::CompareOp;
using core::metric::Condition;
using core::metric::ConditionPtr;
using core::metric::Literal;

// A test with its own empty directory, removed afterwards, and its own database: a file
// in the directory, or a fresh PostgreSQL database when the run is on PostgreSQL.
class TempDirTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::random_device random;
    directory_ = fs::temp_directory_path() /
                 ("planscore-store-" + std::to_string(random()) + std::to_string(random()));
    fs::create_directories(directory_);
    database_ = std::make_unique<test::TestDatabase>(directory_);
  }
  void TearDown() override {
    database_.reset();
    std::error_code ignored;
    fs::remove_all(directory_, ignored);
  }
  std::string path(const std::string& name) const { return (directory_ / name).string(); }
  const std::string& db_url() const { return database_->url(); }
  const test::TestDatabase& database() const { return *database_; }
  std::unique_ptr<Store> open_store() { return Store::open(db_url()); }

 private:
  fs::path directory_;
  std::unique_ptr<test::TestDatabase> database_;
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

// A period register as the shipped guided-tour register: one tour on a day, or a summary
// record covering a year or several.
inline core::RegisterDef guided_tours() {
  core::RegisterDef def;
  def.id = "guided_tours";
  def.name = "市政大樓導覽";
  def.owner_section = "public_relations";
  def.time_basis = core::TimeBasis::period;
  def.time_field = "held_on";
  def.end_field = "until";
  def.fields = {
      field("held_on", core::FieldType::date), field("until", core::FieldType::date, false),
      field("sessions", core::FieldType::integer), field("visitors", core::FieldType::integer)};
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

}  // namespace planscore::store::testing
