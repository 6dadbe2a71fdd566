// Reports through the API: each file with its content type and a download name, the
// formats each report offers, and refusals as problem documents.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <vector>

#include "api_fixture.h"

namespace planscore::test {
namespace {

enum class Reader { text, pdf, zip_entry };

// The text a person would read in the downloaded file: a PDF through pdftotext (Debian's
// poppler-utils), an entry of a ZIP container (ODF, XLSX) through Python's zipfile, other
// files as they are.
std::string readable_text(const std::string& body, Reader reader, const std::string& entry) {
  if (reader == Reader::text) return body;
  char name[] = "/tmp/planscore-report-XXXXXX";
  const int fd = mkstemp(name);
  EXPECT_GE(fd, 0);
  EXPECT_EQ(write(fd, body.data(), body.size()), static_cast<ssize_t>(body.size()));
  close(fd);
  const std::string command =
      reader == Reader::pdf
          ? std::string("pdftotext -q ") + name + " -"
          : "python3 -c 'import sys, zipfile; "
            "sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]).decode())' " +
                std::string(name) + " " + entry;
  std::string text;
  if (FILE* pipe = popen(command.c_str(), "r")) {
    char buffer[4096];
    while (const auto read = fread(buffer, 1, sizeof buffer, pipe)) text.append(buffer, read);
    pclose(pipe);
  }
  unlink(name);
  return text;
}

TEST(Reports, EveryReportDownloadsWithItsTypeNameAndContent) {
  ApiWorld world(/*with_demo=*/true);
  auto viewer = world.login("viewer");  // the least privileged role reads every report
  struct Case {
    std::string path;
    std::string content_type;
    std::string magic;  // the file's first bytes
    std::string file_name;
    Reader reader;
    std::string entry;                  // of a ZIP container
    std::vector<std::string> contains;  // what a person reads in it
  };
  const std::string plan_name = "臺中市政府秘書處中程施政計畫";
  const Case cases[] = {
      {"/api/reports/plan",
       "application/pdf",
       "%PDF-",
       "plan-taichung-secretariat-104-107.pdf",
       Reader::pdf,
       "",
       {plan_name, "衡量指標", "經費"}},
      {"/api/reports/plan?format=odt",
       "application/vnd.oasis.opendocument.text",
       "PK",
       "plan-taichung-secretariat-104-107.odt",
       Reader::zip_entry,
       "content.xml",
       {plan_name, "衡量指標"}},
      {"/api/reports/annual/105",
       "application/pdf",
       "%PDF-",
       "annual-report-105.pdf",
       Reader::pdf,
       "",
       {"105", "文書及檔案管理"}},
      {"/api/reports/workbook",
       "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
       "PK",
       "workbook-taichung-secretariat-104-107.xlsx",
       Reader::zip_entry,
       "xl/sharedStrings.xml",
       {"衡量指標"}},
      {"/api/reports/workbook?format=ods",
       "application/vnd.oasis.opendocument.spreadsheet",
       "PK",
       "workbook-taichung-secretariat-104-107.ods",
       Reader::zip_entry,
       "content.xml",
       {"衡量指標"}},
      {"/api/reports/evaluation",
       "text/csv; charset=utf-8",
       "\xEF\xBB\xBF",
       "evaluation-taichung-secretariat-104-107.csv",
       Reader::text,
       "",
       {"b1-1", "107"}},
      {"/api/reports/evaluation?format=json",
       "application/json",
       "[",
       "evaluation-taichung-secretariat-104-107.json",
       Reader::text,
       "",
       {"\"year\": 104", "\"year\": 107", "\"total_score\""}},
      {"/api/reports/evaluation?year=105",
       "text/csv; charset=utf-8",
       "\xEF\xBB\xBF",
       "evaluation-taichung-secretariat-104-107-105.csv",
       Reader::text,
       "",
       {"b1-1", "105"}},
      {"/api/reports/registers/records_trainings/template",
       "text/csv; charset=utf-8",
       "\xEF\xBB\xBF",
       "register-records_trainings-template.csv",
       Reader::text,
       "",
       {"日期"}},
      {"/api/reports/registers/records_trainings?year=104",
       "text/csv; charset=utf-8",
       "\xEF\xBB\xBF",
       "register-records_trainings-104.csv",
       Reader::text,
       "",
       {"2015-"}},
      {"/api/reports/statistics?from=100&to=103",
       "text/csv; charset=utf-8",
       "\xEF\xBB\xBF",
       "statistics-100-103.csv",
       Reader::text,
       "",
       {"科室", "100 年", "103 年", "文檔科"}},
      {"/api/reports/statistics?format=xlsx",
       "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
       "PK",
       "statistics-104-107.xlsx",
       Reader::zip_entry,
       "xl/sharedStrings.xml",
       {"科室", "文檔科"}},
      {"/api/reports/statistics?from=100&to=103&format=pdf",
       "application/pdf",
       "%PDF-",
       "statistics-100-103.pdf",
       Reader::pdf,
       "",
       {"文檔科"}},
      {"/api/reports/statistics?from=105&to=105&format=ods",
       "application/vnd.oasis.opendocument.spreadsheet",
       "PK",
       "statistics-105.ods",
       Reader::zip_entry,
       "content.xml",
       {"105 年", "文檔科"}},
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
    const auto text = readable_text(result.body, test.reader, test.entry);
    for (const auto& expected : test.contains)
      EXPECT_NE(text.find(expected), std::string::npos)
          << "no \"" << expected << "\" in " << text.substr(0, 500);
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
