// Resource exhaustion through content: bodies over max_body_bytes, evidence over its
// limit, zip bombs and XML entity tricks (billion laughs, external entities) inside an
// XLSX import, and deeply nested or alias-exploding plans. Each is refused with a 4xx
// problem that says why, writes nothing, and leaves the server answering.
#include <gtest/gtest.h>

#include "api_fixture.h"
#include "attack_support.h"
#include "exchange/exchange_test_support.h"

namespace planscore::test {
namespace {

using exchange::testing::make_zip;
using exchange::testing::minimal_workbook;
using exchange::testing::sheet_xml;

const std::string kImport = "/api/registers/records_trainings/import?format=xlsx";
const std::string kXlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

void expect_problem(const HttpResult& result, int status, const std::string& detail_part,
                    const std::string& what) {
  EXPECT_EQ(result.status, status) << what << ": " << result.error << result.body.substr(0, 300);
  EXPECT_EQ(result.header("content-type"), "application/problem+json") << what;
  EXPECT_NE(result.body.find(detail_part), std::string::npos)
      << what << ": expected '" << detail_part << "' in " << result.body.substr(0, 500);
}

TEST(AttackOversize, BodiesOverTheLimitAre413OrDroppedAndWriteNothing) {
  ApiWorld world(false, {"--max-body-bytes", "64KiB"});
  auto editor = world.login("editor");
  const auto before = snapshot(world.test_database());
  const std::string row = "2016-04-01,研習,12\n";
  std::string csv = "held_on,title,participants\n";
  while (csv.size() <= 64 * 1024) csv += row;
  expect_problem(
      editor->send_raw("POST", "/api/registers/records_trainings/import", csv, "text/csv"), 413,
      "larger than 65536 bytes", "CSV just over the limit");
  // Far over the limit: the connection is dropped before the body is read (server.h).
  std::string huge = csv;
  while (huge.size() <= 256 * 1024) huge += row;
  const auto dropped =
      editor->send_raw("POST", "/api/registers/records_trainings/import", huge, "text/csv");
  EXPECT_TRUE(dropped.status == 0 || dropped.status == 413) << dropped.status;
  EXPECT_EQ(changed_tables(before, snapshot(world.test_database())), std::vector<std::string>{});
  EXPECT_EQ(editor->get("/api/health").status, 200);
}

TEST(AttackOversize, EvidenceOverItsLimitIsRefused) {
  ApiWorld world;
  auto editor = world.login("editor");
  const std::string pdf = "%PDF-1.4\n" + std::string(10 * 1024 * 1024, ' ') + "\n%%EOF\n";
  const auto result = editor->send_raw("POST", "/api/reviews/105/b1-1/evidence?file_name=big.pdf",
                                       pdf, "application/pdf");
  EXPECT_EQ(result.status, 422) << result.body;
  EXPECT_NE(parse_json(result)["errors"].dump().find("file"), std::string::npos) << result.body;
  EXPECT_EQ(editor->get_json("/api/reviews/105/b1-1")["evidence"].size(), 0u);
}

// A worksheet of one repeated row unpacking to 60 MB; it deflates to well under 1 MB.
std::string bomb_sheet() {
  std::string rows;
  const std::string row =
      R"(<row><c t="inlineStr"><is><t>aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa</t></is></c></row>)";
  while (rows.size() < 60u * 1024 * 1024) rows += row;
  return sheet_xml(rows);
}

// Sets the uncompressed size the zip's headers claim for `part`, as a crafted bomb would.
void claim_size(std::string& zip, const std::string& part, std::uint32_t size) {
  const auto patch = [&](std::string_view signature, std::size_t size_at, std::size_t name_at) {
    for (auto at = zip.find(signature); at != std::string::npos; at = zip.find(signature, at + 1))
      if (zip.compare(at + name_at, part.size(), part) == 0)
        for (int byte = 0; byte < 4; ++byte)
          zip[at + size_at + byte] = static_cast<char>((size >> (8 * byte)) & 0xFF);
  };
  patch(std::string_view("PK\x03\x04", 4), 22, 30);
  patch(std::string_view("PK\x01\x02", 4), 24, 46);
}

const std::string kSheetStart =
    R"(<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>)";
const std::string kHeaderRow =
    R"(<row r="1"><c r="A1" t="inlineStr"><is><t>held_on</t></is></c><c r="B1" t="inlineStr"><is><t>title</t></is></c><c r="C1" t="inlineStr"><is><t>participants</t></is></c></row>)";

// A one-row sheet whose title cell is `title`, after `prolog`.
std::string sheet_with(const std::string& prolog, const std::string& title) {
  return R"(<?xml version="1.0" encoding="UTF-8"?>)" + prolog + kSheetStart + kHeaderRow +
         R"(<row r="2"><c r="A2" t="inlineStr"><is><t>2016-04-01</t></is></c><c r="B2" t="inlineStr"><is><t>)" +
         title + R"(</t></is></c><c r="C2"><v>3</v></c></row></sheetData></worksheet>)";
}

TEST(AttackOversize, HostileWorkbooksAreRefusedAndWriteNothing) {
  ApiWorld world;
  auto editor = world.login("editor");
  // The plain workbook imports, so each refusal below is the attack's doing.
  const auto plain = make_zip(minimal_workbook(sheet_with("", "研習")));
  ASSERT_EQ(editor->send_raw("POST", kImport + "&dry_run=true", plain, kXlsxType).status, 200);
  const auto before = snapshot(world.test_database());

  auto lying = make_zip(minimal_workbook(bomb_sheet()));
  claim_size(lying, "xl/worksheets/sheet1.xml", 1000);
  const std::string laughs =
      R"(<!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">)"
      R"(<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">)"
      R"(<!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">)"
      R"(<!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;"><!ENTITY h "&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;">]>)";
  const std::string external =
      R"(<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>)";
  const std::string parameter =
      R"(<!DOCTYPE worksheet [<!ENTITY % remote SYSTEM "http://127.0.0.1:1/x.dtd"> %remote;]>)";
  auto external_workbook = minimal_workbook(sheet_with("", "研習"));
  for (auto& [name, content] : external_workbook)
    if (name == "xl/workbook.xml")
      content.insert(content.find("?>") + 2,
                     R"(<!DOCTYPE workbook [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>)");
  auto shared_strings = minimal_workbook(sheet_with("", "研習"));
  shared_strings.push_back(
      {"xl/sharedStrings.xml",
       R"(<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>)"
       R"(<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&xxe;</t></si></sst>)"});

  const std::vector<std::tuple<std::string, std::string, std::string>> attacks = {
      {"zip bomb", make_zip(minimal_workbook(bomb_sheet())), "unpacks to more than 50 MB"},
      {"zip bomb with lying sizes", lying, "unpacks to more than 50 MB"},
      {"billion laughs", make_zip(minimal_workbook(sheet_with(laughs, "&h;"))), "DOCTYPE"},
      {"external entity", make_zip(minimal_workbook(sheet_with(external, "&xxe;"))), "DOCTYPE"},
      {"parameter entity", make_zip(minimal_workbook(sheet_with(parameter, "x"))), "DOCTYPE"},
      {"external entity in workbook.xml", make_zip(external_workbook), "DOCTYPE"},
      {"external entity in sharedStrings.xml", make_zip(shared_strings), "DOCTYPE"},
  };
  for (const auto& [what, workbook, reason] : attacks) {
    ASSERT_LT(workbook.size(), 2u * 1024 * 1024) << what;
    for (const char* dry_run : {"&dry_run=true", ""}) {
      const auto result = editor->send_raw("POST", kImport + dry_run, workbook, kXlsxType);
      expect_problem(result, 422, reason, what + std::string(dry_run));
      EXPECT_EQ(result.body.find("root:"), std::string::npos) << what;
      EXPECT_EQ(editor->get("/api/health").status, 200) << "the server answers after " << what;
    }
  }
  EXPECT_EQ(changed_tables(before, snapshot(world.test_database())), std::vector<std::string>{});
}

TEST(AttackOversize, DeeplyNestedOrExplodingPlansAreRefused) {
  ApiWorld world;
  auto planner = world.login("planner");
  const auto plan_before = planner->get_json("/api/plan");
  const auto before = snapshot(world.test_database());

  std::string block_mapping, block_sequence;
  for (int depth = 0; depth < 2000; ++depth) {
    block_mapping += std::string(depth, ' ') + "a:\n";
  }
  for (int depth = 0; depth < 50000; ++depth) block_sequence += "- ";
  block_sequence += "x\n";
  std::string aliases = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n";
  for (char name = 'b'; name <= 'j'; ++name) {
    aliases += std::string(1, name) + ": &" + name + " [";
    for (int k = 0; k < 9; ++k) aliases += std::string(k ? "," : "") + "*" + char(name - 1);
    aliases += "]\n";
  }
  const std::vector<std::tuple<std::string, std::string, std::string>> documents = {
      {"JSON arrays", std::string(100000, '[') + std::string(100000, ']'), "application/json"},
      {"JSON objects",
       [] {
         std::string text;
         for (int i = 0; i < 50000; ++i) text += "{\"a\":";
         return text + "1" + std::string(50000, '}');
       }(),
       "application/json"},
      {"YAML flow sequences", std::string(100000, '[') + std::string(100000, ']'),
       "application/yaml"},
      {"YAML flow mappings",
       [] {
         std::string text;
         for (int i = 0; i < 50000; ++i) text += "{a: ";
         return text + "1" + std::string(50000, '}');
       }(),
       "application/yaml"},
      {"YAML block mappings", block_mapping, "application/yaml"},
      {"YAML block sequences", block_sequence, "application/yaml"},
      {"YAML alias bomb", aliases, "application/yaml"},
  };
  for (const auto& [what, text, type] : documents) {
    // Validation reports the problems as its answer; an import refuses the plan.
    const auto validated = planner->send_raw("POST", "/api/plan/validate", text, type);
    ASSERT_EQ(validated.status, 200) << what << ": " << validated.error << validated.body;
    EXPECT_EQ(parse_json(validated)["valid"], false) << what;
    EXPECT_FALSE(parse_json(validated)["problems"].empty()) << what;
    const auto imported = planner->send_raw("POST", "/api/plan/import", text, type);
    EXPECT_TRUE(imported.status == 400 || imported.status == 422)
        << what << " → " << imported.status << " " << imported.error << " "
        << imported.body.substr(0, 300);
    EXPECT_EQ(imported.header("content-type"), "application/problem+json") << what;
    EXPECT_EQ(planner->get("/api/health").status, 200) << "the server answers after " << what;
  }
  EXPECT_EQ(planner->get_json("/api/plan"), plan_before);
  EXPECT_EQ(changed_tables(before, snapshot(world.test_database())), std::vector<std::string>{});
}

}  // namespace
}  // namespace planscore::test
