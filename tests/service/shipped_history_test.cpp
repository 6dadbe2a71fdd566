// The shipped plan with the records it ships (plans/…history): the statistics for ROC
// 100–103 are the seed's figures, chapters 壹 and 貳 rendered with live figures read like
// the seed paragraph by paragraph, and every register takes a record and refuses a bad one.
#include <gtest/gtest.h>

#include <regex>

#include "core/plan/narrative.h"
#include "planfile/seed_text.h"
#include "service/evaluation.h"
#include "service/failure.h"
#include "service/history.h"
#include "service/narrative.h"
#include "service/records.h"
#include "service/statistics.h"
#include "service_test_support.h"

namespace planscore::service {
namespace {

using planscore::testing::TempDatabase;

class ShippedHistory : public ::testing::Test {
 protected:
  void SetUp() override {
    plan_ = planscore::testing::import_shipped_plan(db_.store());
    summary_ = load_history(db_.store(), plan_, history_folder_of(PLANSCORE_SHIPPED_PLAN));
  }

  std::optional<double> metric(const std::string& id, core::YearRange years) {
    return ValueCalculator(db_.store(), plan_).metric_value(id, years);
  }

  std::int64_t total_records() {
    std::int64_t total = 0;
    for (const auto& reg : plan_.registers) total += db_.store().count_records(reg);
    return total;
  }

  TempDatabase db_;
  core::Plan plan_;
  HistorySummary summary_;
};

TEST_F(ShippedHistory, StatisticsForOneHundredToOneHundredThreeAreTheSeedFigures) {
  EXPECT_GE(summary_.files, 10);
  const std::map<std::string, double> seed{{"documents_received_paper", 470432},
                                           {"documents_received_electronic", 204370},
                                           {"seal_uses_city", 384541},
                                           {"seal_uses_secretariat", 37416},
                                           {"archive_files_reviewed", 30642},
                                           {"archive_files_selected", 252},
                                           {"archive_files_retained", 2022},
                                           {"archive_files_destroyed", 28368},
                                           {"archive_pages_scanned", 194160},
                                           {"vehicles_retired", 13},
                                           {"delegations_received", 255},
                                           {"delegation_visitors", 5033},
                                           {"procurement_cases_handled", 2892},
                                           {"procurement_cases_e_tendered", 2892},
                                           {"tour_sessions", 105 + 108 + 111 + 205},
                                           {"tour_visitors", 3817 + 4730 + 5297 + 10084},
                                           {"hotline_calls", 8044}};
  const core::Statistics statistics = compute_statistics(db_.store(), plan_, {100, 103});
  std::map<std::string, const core::StatisticsRow*> rows;
  for (const auto& part : statistics.sections)
    for (const auto& row : part.rows) rows[row.metric->id] = &row;
  for (const auto& [id, figure] : seed) {
    ASSERT_TRUE(rows.contains(id)) << id;
    EXPECT_EQ(rows[id]->over_range, figure) << id;
  }
  // A summary of the four years belongs to no single year.
  EXPECT_EQ(rows["documents_received_paper"]->by_year.at(103), std::nullopt);
  const std::map<int, double> sessions{{100, 105}, {101, 108}, {102, 111}, {103, 205}};
  for (const auto& [year, figure] : sessions)
    EXPECT_EQ(rows["tour_sessions"]->by_year.at(year), figure) << year;
  const std::map<int, double> concerns{{100, 47}, {101, 73}, {102, 14}, {103, 0}};
  for (const auto& [year, figure] : concerns)
    EXPECT_EQ(rows["courtesy_concerns"]->by_year.at(year), figure) << year;
}

TEST_F(ShippedHistory, StocksAndPlanYearFiguresTheChapterQuotes) {
  EXPECT_EQ(metric("courtesy_calls_made", 103), 186);
  EXPECT_EQ(metric("voip_sites_total", 103), 437);
  EXPECT_EQ(metric("sister_cities", 103), 23);
  EXPECT_EQ(metric("solar_capacity_kw", 103), 158.8);
  EXPECT_EQ(metric("janitor_posts_cut", 104), 65);
  EXPECT_NEAR(*metric("tour_visitor_growth", 103), 164.19, 0.01);
  EXPECT_EQ(metric("procurement_e_tender_rate", {100, 103}), 100);
}

TEST_F(ShippedHistory, RenderedChaptersOneAndTwoReadLikeTheSeed) {
  const auto chapters = chapters_with_live_figures(db_.store(), plan_);
  std::string plan_text;
  for (const auto& chapter : chapters) planscore::testing::append_chapter_text(chapter, plan_text);
  EXPECT_EQ(plan_text.find("{{"), std::string::npos);
  EXPECT_EQ(plan_text.find(core::kNoValueMark), std::string::npos);
  const std::string haystack = planscore::testing::without_whitespace(
      plan_text + planscore::testing::section_paragraphs(plan_));
  auto lines = planscore::testing::seed_lines();
  // Table-of-contents lines end in a page number, so the exact heading is the body's.
  auto start = std::find(lines.begin(), lines.end(), "壹、環境情勢分析與優先發展課題");
  auto end = std::find(start, lines.end(), "參、策略績效目標與衡量指標");
  ASSERT_NE(end, lines.end());
  const std::regex ordinal(R"(^\([一二三四五六七八九十]+\))");
  int paragraphs = 0;
  for (auto line = start; line != end; ++line, ++paragraphs) {
    const std::string needle = planscore::testing::without_whitespace(*line);
    if (haystack.find(needle) != std::string::npos) continue;
    // A section heading such as (一)文檔科 is the section's name.
    EXPECT_NE(haystack.find(std::regex_replace(needle, ordinal, "")), std::string::npos) << *line;
  }
  EXPECT_GT(paragraphs, 100);
}

TEST_F(ShippedHistory, TheChaptersQuoteTheRegistersNotTypedDigits) {
  int references = 0;
  const std::function<void(const std::vector<core::Chapter>&)> count =
      [&](const std::vector<core::Chapter>& chapters) {
        for (const auto& chapter : chapters) {
          for (const auto& segment : core::parse_narrative(chapter.text).segments)
            references += std::holds_alternative<core::MetricReference>(segment) ? 1 : 0;
          count(chapter.children);
        }
      };
  count(plan_.chapters);
  EXPECT_GE(references, 35);
  // A record written later changes the rendered text: the figure is live.
  ASSERT_TRUE(import_csv(db_.store(), plan_, system_actor(), "foreign_delegations",
                         "received_on,delegations,visitors\n2014-06-01,1,10\n")
                  .ok());
  std::string text;
  for (const auto& chapter : chapters_with_live_figures(db_.store(), plan_))
    planscore::testing::append_chapter_text(chapter, text);
  EXPECT_NE(text.find("計 256 件，總接待人數計 5,043 餘人"), std::string::npos);
}

// A value each field type accepts; dates in 104, an end date after the start.
std::string valid_cell(const core::Plan& plan, const core::RegisterDef& reg,
                       const core::FieldDef& field) {
  if (field.id == reg.end_field) return "2015-03-31";
  switch (field.type) {
    case core::FieldType::text:
      return "測試";
    case core::FieldType::integer:
      return field.id == reg.time_field ? "104" : "1";
    case core::FieldType::decimal:
      return "1.5";
    case core::FieldType::date:
      return "2015-03-01";
    case core::FieldType::yes_no:
      return "是";
    case core::FieldType::choice:
      return field.choices.front();
    case core::FieldType::section:
      return plan.sections.front().id;
    case core::FieldType::stage:
      return field.stages.front().name;
  }
  return "";
}

TEST_F(ShippedHistory, EveryRegisterTakesARecordAndRefusesABadValue) {
  for (const auto& reg : plan_.registers) {
    std::vector<core::CsvCell> header, row;
    for (const auto& field : reg.fields) {
      header.push_back(field.id);
      row.push_back(valid_cell(plan_, reg, field));
    }
    const auto before = db_.store().count_records(reg);
    const auto report = import_csv(db_.store(), plan_, system_actor(), reg.id,
                                   core::csv_line(header) + core::csv_line(row));
    EXPECT_TRUE(report.ok()) << reg.id << ": "
                             << (report.rows.empty() ? "" : report.rows.front().reason.message);
    EXPECT_EQ(db_.store().count_records(reg), before + 1) << reg.id;

    // The time field holding text is refused, naming the field, and writes nothing.
    auto bad = row;
    for (std::size_t i = 0; i < reg.fields.size(); ++i)
      if (reg.fields[i].id == reg.time_field) bad[i] = "不是日期";
    const auto refused = import_csv(db_.store(), plan_, system_actor(), reg.id,
                                    core::csv_line(header) + core::csv_line(bad));
    ASSERT_FALSE(refused.ok()) << reg.id;
    EXPECT_EQ(refused.rows.front().column, reg.find_field(reg.time_field)->name) << reg.id;
    EXPECT_EQ(db_.store().count_records(reg), before + 1) << reg.id;
  }
}

TEST(ShippedHistoryFolder, ABadFileLoadsNothingAndNamesTheFileAndLine) {
  TempDatabase db;
  const core::Plan plan = planscore::testing::import_shipped_plan(db.store());
  const auto folder = db.directory() / "history";
  std::filesystem::create_directories(folder);
  const auto write = [&](const std::string& name, const std::string& text) {
    std::ofstream(folder / name) << text;
  };
  write("guided_tours.csv", "toured_on,sessions,visitors\n2011-05-01,1,30\n");
  write("seal_uses.csv", "period_start,city_seal,secretariat_seal\n2011-01-01,很多,1\n");
  write("notes.txt", "not a register");
  try {
    load_history(db.store(), plan, folder);
    FAIL() << "a bad history file was loaded";
  } catch (const Failure& failure) {
    EXPECT_EQ(failure.kind, FailureKind::invalid);
    ASSERT_FALSE(failure.problems.empty());
    EXPECT_EQ(failure.problems.front().path.rfind("seal_uses.csv, row 1 (line 2), column ", 0), 0u)
        << failure.problems.front().path;
  }
  for (const auto& reg : plan.registers) EXPECT_EQ(db.store().count_records(reg), 0) << reg.id;

  std::filesystem::remove(folder / "seal_uses.csv");
  write("no_such_register.csv", "a\n1\n");
  EXPECT_THROW(load_history(db.store(), plan, folder), Failure);
  std::filesystem::remove(folder / "no_such_register.csv");
  EXPECT_EQ(load_history(db.store(), plan, folder).records, 1);
  EXPECT_EQ(load_history(db.store(), plan, db.directory() / "missing").files, 0);
}

}  // namespace
}  // namespace planscore::service
