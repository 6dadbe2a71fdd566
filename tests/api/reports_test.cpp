// Reports through the API: each file with its content type and a download name, the
// formats each report offers, and refusals as problem documents.
#include <gtest/gtest.h>

#include "api_fixture.h"

namespace planscore::test {
namespace {

TEST(Reports, EveryReportDownloadsWithItsTypeAndName) {
  ApiWorld world(/*with_demo=*/true);
  auto viewer = world.login("viewer");  // the least privileged role reads every report
  struct Case {
    std::string path;
    std::string content_type;
    std::string magic;  // the file's first bytes
    std::string file_name;
  };
  const Case cases[] = {
      {"/api/reports/plan", "application/pdf", "%PDF-", "plan-taichung-secretariat-104-107.pdf"},
      {"/api/reports/plan?format=odt", "application/vnd.oasis.opendocument.text", "PK",
       "plan-taichung-secretariat-104-107.odt"},
      {"/api/reports/annual/105", "application/pdf", "%PDF-", "annual-report-105.pdf"},
      {"/api/reports/workbook", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
       "PK", "workbook-taichung-secretariat-104-107.xlsx"},
      {"/api/reports/workbook?format=ods", "application/vnd.oasis.opendocument.spreadsheet", "PK",
       "workbook-taichung-secretariat-104-107.ods"},
      {"/api/reports/evaluation", "text/csv; charset=utf-8", "\xEF\xBB\xBF",
       "evaluation-taichung-secretariat-104-107.csv"},
      {"/api/reports/evaluation?format=json", "application/json", "[",
       "evaluation-taichung-secretariat-104-107.json"},
      {"/api/reports/registers/records_trainings?year=104", "text/csv; charset=utf-8",
       "\xEF\xBB\xBF", "register-records_trainings-104.csv"},
      {"/api/reports/statistics?from=100&to=103", "text/csv; charset=utf-8", "\xEF\xBB\xBF",
       "statistics-100-103.csv"},
      {"/api/reports/statistics?format=xlsx",
       "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "PK",
       "statistics-104-107.xlsx"},
      {"/api/reports/statistics?from=100&to=103&format=pdf", "application/pdf", "%PDF-",
       "statistics-100-103.pdf"},
      {"/api/reports/statistics?from=105&to=105&format=ods",
       "application/vnd.oasis.opendocument.spreadsheet", "PK", "statistics-105.ods"},
  };
  for (const auto& test : cases) {
    SCOPED_TRACE(test.path);
    const auto result = viewer->get(test.path);
    ASSERT_EQ(result.status, 200) << result.body.substr(0, 300);
    EXPECT_EQ(result.header("content-type"), test.content_type);
    EXPECT_TRUE(result.body.starts_with(test.magic));
    EXPECT_NE(result.header("content-disposition").find("filename=\"" + test.file_name + "\""),
              std::string::npos)
        << result.header("content-disposition");
    EXPECT_EQ(result.header("cache-control"), "no-store");
  }
}

TEST(Reports, RefusalsNameWhatIsWrong) {
  ApiWorld world;
  auto viewer = world.login("viewer");
  const auto unknown_format = viewer->get("/api/reports/plan?format=docx");
  EXPECT_EQ(unknown_format.status, 400);
  EXPECT_EQ(parse_json(unknown_format)["errors"][0]["path"], "format");
  const auto wrong_format = viewer->get("/api/reports/plan?format=xlsx");
  EXPECT_EQ(wrong_format.status, 422);
  EXPECT_EQ(parse_json(wrong_format)["errors"][0]["message"], "choose one of: pdf, odt");
  EXPECT_EQ(viewer->get("/api/reports/annual/103").status, 404);
  EXPECT_EQ(viewer->get("/api/reports/annual/abc").status, 400);
  EXPECT_EQ(viewer->get("/api/reports/registers/no_such").status, 404);
  EXPECT_EQ(viewer->get("/api/reports/registers/records_trainings?year=0").status, 400);
  HttpClient anonymous(world.base_url());
  EXPECT_EQ(anonymous.get("/api/reports/plan").status, 401);
  EXPECT_EQ(viewer->get("/api/reports/statistics?format=json").status, 422);
}

// 業務統計: the shipped history makes 100–103 the seed's figures; a summary record of the
// four years counts in the span only; a bad range is refused naming it.
TEST(Statistics, TheSeedsFiguresForOneHundredToOneHundredThree) {
  ApiWorld world(/*with_demo=*/true);
  auto viewer = world.login("viewer");
  const auto statistics = viewer->get_json("/api/statistics?from=100&to=103");
  EXPECT_EQ(statistics["years"], nlohmann::json::array({100, 101, 102, 103}));
  nlohmann::json paper, sessions;
  for (const auto& section : statistics["sections"])
    for (const auto& metric : section["metrics"]) {
      if (metric["id"] == "documents_received_paper") paper = metric;
      if (metric["id"] == "tour_sessions") sessions = metric;
    }
  EXPECT_EQ(paper["span"], 470432);
  EXPECT_TRUE(paper["values"]["103"].is_null());
  EXPECT_EQ(sessions["values"]["100"], 105);
  EXPECT_EQ(statistics["sections"][0]["id"], "documents");

  const auto plan_years = viewer->get_json("/api/statistics");
  EXPECT_EQ(plan_years["from"], 104);
  EXPECT_EQ(plan_years["to"], 107);
  const auto reversed = viewer->get("/api/statistics?from=104&to=100");
  EXPECT_EQ(reversed.status, 422);
  EXPECT_NE(reversed.body.find("is after the last year"), std::string::npos);
  EXPECT_EQ(viewer->get("/api/statistics?from=1&to=50").status, 422);
  EXPECT_EQ(viewer->get("/api/statistics?from=abc").status, 400);
  HttpClient anonymous(world.base_url());
  EXPECT_EQ(anonymous.get("/api/statistics").status, 401);
}

TEST(Statistics, PlanChaptersQuoteLiveFiguresWhileThePlanKeepsTheReferences) {
  ApiWorld world(/*with_demo=*/true);
  auto viewer = world.login("viewer");
  const std::string raw = viewer->get("/api/plan").body;
  EXPECT_NE(raw.find("{{documents_received_paper 100-103 | 萬}}"), std::string::npos);
  const std::string rendered = viewer->get("/api/plan/chapters").body;
  EXPECT_NE(rendered.find("紙本收文總量計 47 萬 0,432 件"), std::string::npos);
  EXPECT_EQ(rendered.find("{{"), std::string::npos);
}

}  // namespace
}  // namespace planscore::test
