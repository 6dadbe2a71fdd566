#include "service/register_export.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "core/register/csv.h"
#include "document/build/evaluation_csv.h"
#include "planfile/register_json_value.h"
#include "service/demo.h"
#include "service/failure.h"
#include "service/records.h"
#include "service_test_support.h"

namespace planscore::service {
namespace {

class RegisterExports : public ::testing::Test {
 protected:
  void SetUp() override {
    plan_ = planscore::testing::import_shipped_plan(db_.store());
    load_demo(db_.store(), plan_);
  }

  std::string exported(store::Store& store, const core::Plan& plan, const std::string& register_id,
                       std::optional<int> year, ReportFormat format,
                       std::int64_t page_size = 2000) {
    std::string bytes;
    RegisterExport(plan, register_id, {year}, format)
        .write(
            store,
            [&](std::string_view piece) {
              bytes += piece;
              return true;
            },
            page_size);
    return bytes;
  }

  planscore::testing::TempDatabase db_;
  core::Plan plan_;
};

TEST_F(RegisterExports, CsvImportsBackIntoAnEmptyDatabase) {
  const auto& register_def = plan_.registers.front();
  const auto csv = exported(db_.store(), plan_, register_def.id, std::nullopt, ReportFormat::csv);
  ASSERT_TRUE(csv.starts_with(document::kUtf8Bom));
  planscore::testing::TempDatabase other;
  const auto other_plan = planscore::testing::import_shipped_plan(other.store());
  const auto report = import_csv(other.store(), other_plan, system_actor(), register_def.id, csv);
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(report.imported, db_.store().count_records(register_def));
  EXPECT_EQ(exported(other.store(), other_plan, register_def.id, std::nullopt, ReportFormat::csv),
            csv);
}

// Paging must neither repeat nor skip a record, whatever the page size, with or without
// a year: the pages follow the ids, not an offset.
TEST_F(RegisterExports, PagesFollowTheIdsWithoutRepeatsOrGaps) {
  const auto& register_def = plan_.registers.front();
  for (std::optional<int> year : {std::optional<int>{}, std::optional<int>{105}}) {
    const auto whole = exported(db_.store(), plan_, register_def.id, year, ReportFormat::csv);
    for (std::int64_t page_size : {1, 2, 3, 7, 1000})
      EXPECT_EQ(exported(db_.store(), plan_, register_def.id, year, ReportFormat::csv, page_size),
                whole)
          << "page size " << page_size;
  }
}

// The JSON is written record by record, yet reads exactly as one document dumped whole.
TEST_F(RegisterExports, JsonReadsAsTheWholeDocumentDumped) {
  for (const auto& register_def : plan_.registers) {
    for (std::optional<int> year :
         {std::optional<int>{}, std::optional<int>{104}, std::optional<int>{90}}) {
      auto records = nlohmann::json::array();
      for (std::int64_t after = 0;;) {
        const auto page = db_.store().records_after(register_def, {year}, after, 1000);
        for (const auto& stored : page)
          records.push_back(
              {{"id", stored.id},
               {"values", planfile::record_values_to_json(register_def, stored.record)}});
        if (page.empty()) break;
        after = page.back().id;
      }
      const nlohmann::json whole = {{"register", planfile::register_to_json_value(register_def)},
                                    {"records", records}};
      EXPECT_EQ(exported(db_.store(), plan_, register_def.id, year, ReportFormat::json, 3),
                whole.dump(2, ' ', false, nlohmann::json::error_handler_t::replace))
          << register_def.id;
    }
  }
}

TEST_F(RegisterExports, JsonOfAYearHoldsThatYearsRecords) {
  const auto& register_def = plan_.registers.front();
  const auto all = nlohmann::json::parse(
      exported(db_.store(), plan_, register_def.id, std::nullopt, ReportFormat::json));
  const auto one_year =
      nlohmann::json::parse(exported(db_.store(), plan_, register_def.id, 104, ReportFormat::json));
  EXPECT_EQ(all["register"]["id"], register_def.id);
  EXPECT_EQ(all["records"].size(),
            static_cast<std::size_t>(db_.store().count_records(register_def)));
  EXPECT_GT(one_year["records"].size(), 0u);
  EXPECT_LT(one_year["records"].size(), all["records"].size());
}

TEST_F(RegisterExports, StopsWhenTheReaderGoes) {
  const auto& register_def = plan_.registers.front();
  ASSERT_GT(db_.store().count_records(register_def), 3);
  int pieces = 0;
  const bool finished = RegisterExport(plan_, register_def.id, {}, ReportFormat::csv)
                            .write(
                                db_.store(), [&](std::string_view) { return ++pieces < 2; }, 1);
  EXPECT_FALSE(finished);
  EXPECT_EQ(pieces, 2);
}

TEST_F(RegisterExports, RefusesUnknownRegistersAndFormats) {
  EXPECT_THROW(RegisterExport(plan_, "no_such", {}, ReportFormat::csv), Failure);
  try {
    RegisterExport(plan_, plan_.registers.front().id, {}, ReportFormat::pdf);
    FAIL() << "a register export as pdf was accepted";
  } catch (const Failure& failure) {
    EXPECT_EQ(failure.kind, FailureKind::invalid);
    EXPECT_EQ(failure.problems.front().message, "choose one of: csv, json");
  }
  const RegisterExport named(plan_, plan_.registers.front().id, {105}, ReportFormat::json);
  EXPECT_EQ(named.file_name(), "register-" + plan_.registers.front().id + "-105.json");
  EXPECT_EQ(named.content_type(), "application/json");
}

}  // namespace
}  // namespace planscore::service
