#pragma once
// The registers, constants, metrics and formulas of the shipped plan
// (docs/shipped-plan-registers.md), for the metric language's tests.
#include <string>
#include <vector>

#include "core/metric/check.h"
#include "core/register/register.h"

namespace planscore::core::metric::testing {

inline FieldDef field(std::string id, FieldType type, std::vector<std::string> choices = {},
                      bool required = true) {
  FieldDef def;
  def.id = std::move(id);
  def.name = def.id;
  def.type = type;
  def.required = required;
  def.choices = std::move(choices);
  return def;
}

inline RegisterDef register_def(std::string id, TimeBasis basis, std::string time_field,
                                std::vector<FieldDef> fields, std::string end_field = "") {
  RegisterDef def;
  def.id = std::move(id);
  def.name = def.id;
  def.time_basis = basis;
  def.time_field = std::move(time_field);
  def.end_field = std::move(end_field);
  def.fields = std::move(fields);
  return def;
}

inline const std::vector<RegisterDef>& shipped_registers() {
  using enum FieldType;
  static const std::vector<RegisterDef> registers = {
      register_def("records_trainings", TimeBasis::date, "held_on",
                   {field("held_on", date), field("title", text), field("participants", integer),
                    field("satisfaction", decimal, {}, false)}),
      register_def("switchboard_audits", TimeBasis::date, "audited_on",
                   {field("audited_on", date), field("operator", text), field("score", decimal)}),
      register_def("volunteers", TimeBasis::interval, "joined",
                   {field("name", text), field("joined", date), field("left", date, {}, false),
                    field("service", choice, {"導覽", "服務台", "電話問安"})},
                   "left"),
      register_def(
          "procurement_trainings", TimeBasis::date, "held_on",
          {field("held_on", date), field("title", text),
           field("category", choice, {"採購專業人員訓練", "採購法專題講座", "採購業務說明會"}),
           field("participants", integer)}),
      register_def("procurement_cases", TimeBasis::date, "announced_on",
                   {field("announced_on", date), field("case_no", text), field("title", text),
                    field("agency", text), field("e_tendering", yes_no)}),
      register_def("failed_tenders", TimeBasis::date, "listed_on",
                   {field("listed_on", date), field("case_no", text), field("agency", text),
                    field("reason", choice, {"流標", "廢標"}),
                    field("outcome", choice, {"已決標", "辦理中", "撤案"})}),
      register_def(
          "safety_defects", TimeBasis::date, "reported_on",
          {field("reported_on", date), field("source", choice, {"民眾", "同仁", "巡檢人員"}),
           field("location", text), field("description", text), field("fixed", yes_no)}),
      register_def("hr_compliance", TimeBasis::year, "year",
                   {field("year", integer), field("disabled_required", integer),
                    field("disabled_employed", integer), field("indigenous_required", integer),
                    field("indigenous_employed", integer), field("compliant", yes_no)}),
      register_def(
          "vacancies", TimeBasis::date, "vacated_on",
          {field("vacated_on", date), field("position", text), field("reported_for_exam", yes_no)}),
      register_def("staff", TimeBasis::interval, "joined",
                   {field("employee_no", text), field("name", text), field("joined", date),
                    field("left", date, {}, false)},
                   "left"),
      register_def("learning_hours", TimeBasis::date, "completed_on",
                   {field("completed_on", date), field("employee_no", text), field("course", text),
                    field("hours", decimal)}),
      register_def(
          "language_certificates", TimeBasis::date, "passed_on",
          {field("passed_on", date), field("employee_no", text),
           field("language", choice, {"英語", "日語", "韓語", "其他"}), field("level", text)}),
      register_def("budget_execution", TimeBasis::year, "year",
                   {field("year", integer), field("category", choice, {"經常門", "資本門"}),
                    field("budget", decimal), field("spent", decimal), field("payable", decimal),
                    field("savings", decimal)}),
  };
  return registers;
}

inline Scope shipped_scope() {
  Scope scope;
  for (const auto& def : shipped_registers()) scope.registers.push_back(&def);
  scope.constants = {"volunteers_103"};
  scope.metrics = {"current_executed", "capital_executed"};
  return scope;
}

// The 13 indicator formulas and the 2 named metrics of the shipped plan.
inline const std::vector<std::string>& shipped_formulas() {
  static const std::vector<std::string> formulas = {
      "sum(records_trainings.participants)",
      "avg(switchboard_audits.score)",
      "(active(volunteers) - volunteers_103) / volunteers_103 * 100",
      "sum(procurement_trainings.participants where category = \"採購專業人員訓練\")",
      "count(procurement_cases where e_tendering = yes) / count(procurement_cases) * 100",
      "count(failed_tenders where outcome = \"已決標\") / count(failed_tenders) * 100",
      "count(safety_defects)",
      "min(hr_compliance.compliant)",
      "count(vacancies where reported_for_exam = yes) / count(vacancies) * 100",
      "sum(learning_hours.hours) / active(staff)",
      "count_distinct_to_date(language_certificates.employee_no) / active(staff) * 100",
      "current_executed / sum(budget_execution.budget where category = \"經常門\") * 100",
      "capital_executed / sum(budget_execution.budget where category = \"資本門\") * 100",
      "sum(budget_execution.spent where category = \"經常門\") + sum(budget_execution.payable "
      "where category = \"經常門\") + sum(budget_execution.savings where category = \"經常門\")",
      "sum(budget_execution.spent where category = \"資本門\") + sum(budget_execution.payable "
      "where category = \"資本門\") + sum(budget_execution.savings where category = \"資本門\")",
  };
  return formulas;
}

}  // namespace planscore::core::metric::testing
