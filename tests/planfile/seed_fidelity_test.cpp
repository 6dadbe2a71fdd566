// The shipped plan holds the seed document (tests/data/seed-plan.txt) completely: every
// figure of its tables is in the JSON export. (That every paragraph of chapters 壹 and 貳
// reads as in the seed, live figures rendered, is tests/service/seed_chapters_test.cpp.)
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <regex>

#include "planfile/plan_file_test_support.h"
#include "planfile/plan_json.h"
#include "planfile/plan_yaml.h"
#include "planfile/seed_text.h"

namespace planscore::planfile {
namespace {

using nlohmann::json;
using planscore::testing::seed_lines;
using planscore::testing::without_whitespace;

std::vector<std::string> split_tabs(const std::string& line) {
  std::vector<std::string> cells;
  std::size_t start = 0;
  for (std::size_t tab; (tab = line.find('\t', start)) != std::string::npos; start = tab + 1)
    cells.push_back(line.substr(start, tab - start));
  cells.push_back(line.substr(start));
  return cells;
}

double figure(std::string cell) {
  std::string digits;
  for (char c : cell)
    if ((c >= '0' && c <= '9') || c == '.') digits += c;
  return std::stod(digits);
}

class SeedFidelity : public ::testing::Test {
 protected:
  void SetUp() override {
    plan_ = load_yaml(testing::shipped_plan_text()).plan.value();
    exported_ = json::parse(to_json(plan_));
    for (const auto& dimension : exported_["dimensions"])
      for (const auto& goal : dimension["goals"]) {
        goals_.push_back(goal);
        for (const auto& indicator : goal["indicators"]) indicators_.push_back(indicator);
      }
    collect_budget(exported_["budget"]);
  }

  void collect_budget(const json& lines) {
    for (const auto& line : lines) {
      budget_lines_.push_back(line);
      collect_budget(line["children"]);
    }
  }

  const json* find_by_name(const std::vector<json>& items, const std::string& name) {
    for (const auto& item : items)
      if (item["name"] == name) return &item;
    ADD_FAILURE() << "not in the JSON export: " << name;
    return nullptr;
  }

  core::Plan plan_;
  json exported_;
  std::vector<json> goals_, indicators_, budget_lines_;
};

TEST_F(SeedFidelity, EveryIndicatorTableFigureIsExported) {
  const std::regex weighted(R"(^(.*)\((\d+)%\)$)");
  int indicator_rows = 0;
  for (const auto& line : seed_lines()) {
    auto cells = split_tabs(line);
    if (cells.size() < 9 || cells[cells.size() - 7] != "1") continue;  // 評估體制 column
    std::vector<std::pair<std::string, double>> named;
    for (const auto& cell : cells) {
      std::smatch match;
      if (std::regex_match(cell, match, weighted))
        named.emplace_back(match[1], std::stod(match[2]));
    }
    ASSERT_FALSE(named.empty()) << line;
    if (named.size() == 2) {
      const json* goal = find_by_name(goals_, named[0].first);
      if (goal) {
        EXPECT_EQ((*goal)["weight"], named[0].second) << line;
      }
    }
    const json* indicator = find_by_name(indicators_, named.back().first);
    if (!indicator) continue;
    ++indicator_rows;
    const std::size_t n = cells.size();
    EXPECT_EQ((*indicator)["weight"], named.back().second);
    EXPECT_EQ((*indicator)["framework"], 1);
    EXPECT_EQ((*indicator)["method"], cells[n - 6]);
    EXPECT_EQ((*indicator)["standard"], cells[n - 5]);
    for (int year = 104; year <= 107; ++year)
      EXPECT_EQ((*indicator)["targets"][std::to_string(year)], figure(cells[n - 108 + year]))
          << line;
  }
  EXPECT_EQ(indicator_rows, 13);
}

TEST_F(SeedFidelity, EveryBudgetTableFigureIsExported) {
  const std::regex numbered(R"(^(\d+(?:\.\d+)?)\.? (.*)$)");
  int rows = 0;
  for (const auto& line : seed_lines()) {
    auto cells = split_tabs(line);
    std::smatch match;
    if (cells[0] == "總計") {
      const json& total = exported_["budget_total"];
      EXPECT_EQ(total["prior"], figure(cells[1]));
      for (int year = 104; year <= 107; ++year)
        EXPECT_EQ(total["years"][std::to_string(year)], figure(cells[year - 102]));
      EXPECT_EQ(total["after"], figure(cells[6]));
      EXPECT_EQ(total["period_sum"], figure(cells[7]));
      EXPECT_EQ(total["total"], figure(cells[8]));
      ++rows;
      continue;
    }
    if (!std::regex_match(cells[0], match, numbered)) continue;
    if (cells.size() < 9 || cells[7].empty()) {
      // Parent line: only its name is printed.
      if (match[2] == "強化採購專業智識、有效提升本府採購效益") {
        const json* parent = find_by_name(budget_lines_, match[2]);
        if (parent) {
          EXPECT_EQ((*parent)["number"], match[1].str());
        }
        ++rows;
      }
      continue;
    }
    const json* exported = find_by_name(budget_lines_, match[2]);
    if (!exported) continue;
    ++rows;
    EXPECT_EQ((*exported)["number"], match[1].str());
    EXPECT_EQ((*exported)["prior"], cells[1].empty() ? 0 : figure(cells[1]));
    for (int year = 104; year <= 107; ++year)
      EXPECT_EQ((*exported)["years"][std::to_string(year)], figure(cells[year - 102]));
    EXPECT_EQ((*exported)["after"], figure(cells[6]));
    EXPECT_EQ((*exported)["period_sum"], figure(cells[7]));
    EXPECT_EQ((*exported)["total"], figure(cells[8]));
    EXPECT_EQ(cells[10], "√");
    EXPECT_EQ((*exported)["nature"], "social_development");
  }
  EXPECT_EQ(rows, 6);
  EXPECT_EQ(plan_.budget_note,
            "本表係依第 1-14 頁 二、衡量指標估算編列，實際情形仍依本處單位預算書編列為準。");
}

TEST_F(SeedFidelity, ComputedBudgetFiguresMatchThePrintedOnes) {
  const std::string text = to_json(plan_);
  for (int printed : {588, 866, 4916, 7374, 800, 1168, 600, 750, 1528, 1726, 6904, 10158})
    EXPECT_NE(text.find(": " + std::to_string(printed)), std::string::npos) << printed;
}

TEST_F(SeedFidelity, GoalsAndSectionSharesAreExported) {
  for (const char* name : {"辦理本府各機關文書及檔案管理研習，強化文書及檔案管理機制",
                           "強化總機人員素質及提升話務服務品質", "推動本處志願服務工作",
                           "強化採購專業智識，有效提升本府採購效益",
                           "提供洽公市民及同仁安全的辦公環境，確保辦公人員洽公安全無虞",
                           "合理調整機關員額，建立活力政府", "提升公務人力素質，建構優質行政團隊",
                           "節約政府支出，合理分配資源"})
    find_by_name(goals_, name);
  EXPECT_EQ(goals_.size(), 8u);
  EXPECT_EQ(indicators_.size(), 13u);
  const std::vector<double> shares{1.23, 54.13, 3.6, 2.82, 2.13, 34.49, 1.2, 0.23, 0.11, 0.06};
  ASSERT_EQ(exported_["sections"].size(), shares.size());
  for (std::size_t i = 0; i < shares.size(); ++i)
    EXPECT_EQ(exported_["sections"][i]["budget_share"]["104"], shares[i]);
}

}  // namespace
}  // namespace planscore::planfile
