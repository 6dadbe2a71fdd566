// The problem codes: each worded in English and Traditional Chinese with the same params,
// and the same list in the API's description (api/openapi.yaml) and the same wording in
// the web app's locale (web/src/locales/problems.json) as here.
#include "core/problem_catalog.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sstream>

namespace planscore::core {
namespace {

using ::testing::ContainerEq;

std::string read_source_file(const std::string& relative) {
  std::ifstream in(std::string(PLANSCORE_SOURCE_DIR) + "/" + relative);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::set<std::string> placeholders(std::string_view wording) {
  std::set<std::string> names;
  const std::string text(wording);
  const std::regex placeholder(R"(\{(\w+)\})");
  for (auto it = std::sregex_iterator(text.begin(), text.end(), placeholder);
       it != std::sregex_iterator(); ++it)
    names.insert((*it)[1]);
  return names;
}

TEST(ProblemCatalog, EveryCodeIsWordedInBothLanguagesWithTheSameParams) {
  std::set<std::string> codes;
  for (const auto& wording : problem_wordings()) {
    SCOPED_TRACE(std::string(wording.code));
    EXPECT_TRUE(codes.insert(std::string(wording.code)).second) << "listed twice";
    EXPECT_FALSE(wording.english.empty());
    EXPECT_FALSE(wording.traditional_chinese.empty());
    EXPECT_EQ(placeholders(wording.english), placeholders(wording.traditional_chinese));
    // vue-i18n reads @ $ | as syntax, and the web app words these same sentences.
    for (const auto text : {wording.english, wording.traditional_chinese})
      EXPECT_EQ(text.find_first_of("@$|"), std::string_view::npos) << text;
  }
  EXPECT_FALSE(codes.contains("invalid")) << "invalid is the code of problems without wording";
}

TEST(ProblemCatalog, AProblemIsWordedWithItsParams) {
  const Problem problem = coded_problem("held_on", "not_a_date", {{"text", "104/02/30"}});
  EXPECT_EQ(problem.path, "held_on");
  EXPECT_EQ(problem.code, "not_a_date");
  EXPECT_EQ(
      problem.message,
      "\"104/02/30\" is not a date (expected e.g. 2015-03-15, 104/03/15 or 民國104年3月15日)");
  EXPECT_EQ(word_problem("locked_year", {{"year", "104"}}, Language::traditional_chinese),
            "這筆資料屬於民國 104 年，該年度已鎖定");
  EXPECT_EQ(word_problem("locked_year", {}, Language::english),
            "the record belongs to year {year}, which is locked");
  EXPECT_THROW(word_problem("no_such_code", {}, Language::english), std::out_of_range);
}

TEST(ProblemCatalog, TheApiListsEveryCode) {
  const std::string spec = read_source_file("api/openapi.yaml");
  const auto item = spec.find("    ProblemItem:");
  ASSERT_NE(item, std::string::npos);
  const auto list_start = spec.find("enum:", item);
  const std::string list = spec.substr(list_start, spec.find("params:", list_start) - list_start);
  std::set<std::string> listed;
  const std::regex entry(R"(\n\s+- (\w+))");
  for (auto it = std::sregex_iterator(list.begin(), list.end(), entry);
       it != std::sregex_iterator(); ++it)
    listed.insert((*it)[1]);
  std::set<std::string> codes{"invalid"};
  for (const auto& wording : problem_wordings()) codes.insert(std::string(wording.code));
  EXPECT_THAT(listed, ContainerEq(codes));
}

TEST(ProblemCatalog, TheWebAppWordsEveryCodeAsTheServerDoes) {
  const auto locale = nlohmann::json::parse(read_source_file("web/src/locales/problems.json"));
  nlohmann::ordered_json expected;
  for (const auto& wording : problem_wordings()) {
    expected["zh-TW"]["problem"][std::string(wording.code)] = wording.traditional_chinese;
    expected["en"]["problem"][std::string(wording.code)] = wording.english;
  }
  EXPECT_EQ(locale, nlohmann::json::parse(expected.dump()))
      << "web/src/locales/problems.json should be:\n"
      << expected.dump(2, ' ', false) << "\n";
}

}  // namespace
}  // namespace planscore::core
