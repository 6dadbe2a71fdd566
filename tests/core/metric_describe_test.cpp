// A formula read aloud in Chinese and English, with the plan's names for its parts.
#include <gtest/gtest.h>

#include "core/metric/describe.h"

namespace planscore::core::metric {
namespace {

RegisterDef register_def(std::string id, std::string name, std::vector<FieldDef> fields) {
  RegisterDef reg;
  reg.id = std::move(id);
  reg.name = std::move(name);
  reg.fields = std::move(fields);
  return reg;
}

FieldDef field(std::string id, std::string name) {
  FieldDef def;
  def.id = std::move(id);
  def.name = std::move(name);
  return def;
}

class DescribeFormula : public ::testing::Test {
 protected:
  DescribeFormula() {
    plan_.registers = {
        register_def("records_trainings", "文書及檔案管理研習",
                     {field("participants", "參加人數")}),
        register_def("procurement_cases", "採購案件",
                     {field("e_tendering", "電子領標"), field("category", "類別")}),
        register_def("volunteers", "志工名冊", {}),
        register_def("language_certificates", "語文檢定", {field("employee_no", "員工編號")}),
    };
    plan_.metrics = {{"current_executed", "經常門執行數", "元", 0,
                      "sum(budget_execution.budget where category = \"經常門\")", ""}};
    plan_.constants = {{"volunteers_103", 41, "103 年度志工人數"}};
  }

  std::string zh(const std::string& formula) const {
    return describe_formula(plan_, formula, Language::traditional_chinese).value_or("(none)");
  }
  std::string en(const std::string& formula) const {
    return describe_formula(plan_, formula, Language::english).value_or("(none)");
  }

  Plan plan_;
};

TEST_F(DescribeFormula, SaysASumInChineseAndEnglish) {
  EXPECT_EQ(zh("sum(records_trainings.participants)"), "「文書及檔案管理研習」的「參加人數」合計");
  EXPECT_EQ(en("sum(records_trainings.participants)"),
            "total of \"參加人數\" in \"文書及檔案管理研習\"");
}

TEST_F(DescribeFormula, SaysCountsWithConditionsAndPercentages) {
  EXPECT_EQ(zh("count(procurement_cases where e_tendering = yes) / count(procurement_cases) * 100"),
            "「採購案件」中「電子領標」為「是」者的筆數 ÷ 「採購案件」的筆數 × 100");
  EXPECT_EQ(en("count(procurement_cases.category)"),
            "number of records with \"類別\" in \"採購案件\"");
}

TEST_F(DescribeFormula, NamesMetricsAndConstantsAndKeepsTheParenthesesThatMatter) {
  EXPECT_EQ(
      zh("(active(volunteers) - volunteers_103) / volunteers_103 * 100"),
      "(「志工名冊」的年底在冊人數 － 「103 年度志工人數」(41)) ÷ 「103 年度志工人數」(41) × 100");
  EXPECT_EQ(zh("current_executed / 2"), "「經常門執行數」 ÷ 2");
  EXPECT_EQ(en("a - (b - c)"), "a − (b − c)");
  EXPECT_EQ(en("a - b - c"), "a − b − c");
  EXPECT_EQ(en("a / (b * c)"), "a ÷ (b × c)");
  EXPECT_EQ(en("-(a + b)"), "−(a + b)");
}

TEST_F(DescribeFormula, SaysDistinctCountsToDateListsAndEarlierYears) {
  EXPECT_EQ(zh("count_distinct_to_date(language_certificates.employee_no)"),
            "「語文檢定」的「員工編號」不同值的個數（累計至該年度年底）");
  EXPECT_EQ(
      zh("count(procurement_cases where category in (\"甲\", \"乙\") and (e_tendering = no or "
         "category != \"丙\"))"),
      "「採購案件」中「類別」為「甲」、「乙」之一 且 (「電子領標」為「否」 或 "
      "「類別」不為「丙」)者的筆數");
  EXPECT_EQ(zh("previous(active(volunteers))"), "前一年度的 「志工名冊」的年底在冊人數");
  EXPECT_EQ(en("previous(active(volunteers), 2)"),
            "entries active at year end in \"志工名冊\" 2 years earlier");
}

TEST_F(DescribeFormula, GivesUpOnWhatDoesNotParse) {
  EXPECT_EQ(describe_formula(plan_, "sum(", Language::english), std::nullopt);
}

}  // namespace
}  // namespace planscore::core::metric
