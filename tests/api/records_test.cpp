// Registers, records, manual values, plan edits and evaluation through the API: optimistic
// versions (409 changes nothing), filters and paging, all-or-nothing CSV imports, and an
// evaluation that reflects a saved record on the next request.
#include <gtest/gtest.h>

#include <algorithm>

#include "api_fixture.h"

namespace planscore::test {
namespace {

const std::string kRecords = "/api/registers/records_trainings/records";

nlohmann::json training(const std::string& date, const std::string& title, int participants) {
  return {{"values", {{"held_on", date}, {"title", title}, {"participants", participants}}}};
}

TEST(Records, CreateUpdateDeleteWithVersions) {
  ApiWorld world;
  auto editor = world.login("editor");
  auto created = editor->send("POST", kRecords, training("104/03/15", "檔案管理研習", 60));
  ASSERT_EQ(created.status, 201) << created.body;
  auto record = parse_json(created);
  EXPECT_EQ(record["version"], 1);
  EXPECT_EQ(record["values"]["held_on"], "2015-03-15");  // ROC in, ISO stored
  const std::string path = kRecords + "/" + std::to_string(record["id"].get<long>());

  auto body = training("2015-03-15", "檔案管理研習（更正）", 61);
  body["version"] = 1;
  auto updated = editor->send("PUT", path, body);
  ASSERT_EQ(updated.status, 200) << updated.body;
  EXPECT_EQ(parse_json(updated)["version"], 2);

  body["values"]["participants"] = 99;  // still version 1: someone else's stale copy
  auto stale = editor->send("PUT", path, body);
  EXPECT_EQ(stale.status, 409);
  EXPECT_EQ(editor->get_json(path)["values"]["participants"], 61);

  EXPECT_EQ(editor->send("DELETE", path + "?version=1").status, 409);
  EXPECT_EQ(editor->send("DELETE", path).status, 400);  // the version is required
  EXPECT_EQ(editor->send("DELETE", path + "?version=2").status, 204);
  EXPECT_EQ(editor->get(path).status, 404);

  auto bad = editor->send("POST", kRecords, training("2015-02-30", "x", 1));
  EXPECT_EQ(bad.status, 422);
  EXPECT_EQ(parse_json(bad)["errors"][0]["path"], "held_on");

  auto trail = editor->get("/api/audit");
  EXPECT_EQ(trail.status, 403) << "section editors do not read the audit log";
  auto planner = world.login("planner");
  auto entries = planner->get_json("/api/audit?object_type=record&limit=10")["entries"];
  ASSERT_EQ(entries.size(), 3u);
  EXPECT_EQ(entries[0]["action"], "record.delete");
  EXPECT_EQ(entries[1]["before"]["values"]["participants"], 60);
  EXPECT_EQ(entries[1]["after"]["values"]["participants"], 61);
}

TEST(Records, AFieldLeftOutOfACreateTakesItsDefault) {
  // The shipped plan's vehicle_changes counts one vehicle per record unless told otherwise.
  ApiWorld world;
  auto editor = world.login("other_editor");
  const std::string vehicles = "/api/registers/vehicle_changes";
  const auto fields = editor->get_json(vehicles)["fields"];
  const auto count = std::find_if(fields.begin(), fields.end(),
                                  [](const auto& field) { return field["id"] == "vehicles"; });
  ASSERT_NE(count, fields.end());
  EXPECT_EQ((*count)["default"], "1");
  EXPECT_FALSE(fields[0].contains("default")) << "only fields with a default carry the key";

  const nlohmann::json bodies[] = {
      {{"values", {{"changed_on", "104/03/15"}, {"change", "購置"}}}},
      {{"values", {{"changed_on", "104/03/15"}, {"change", "購置"}, {"vehicles", nullptr}}}},
      {{"values", {{"changed_on", "104/03/15"}, {"change", "購置"}, {"vehicles", 3}}}},
  };
  std::vector<nlohmann::json> stored;
  for (const auto& body : bodies) {
    auto created = editor->send("POST", vehicles + "/records", body);
    ASSERT_EQ(created.status, 201) << created.body;
    stored.push_back(parse_json(created)["values"]["vehicles"]);
  }
  EXPECT_EQ(stored, (std::vector<nlohmann::json>{1, 1, 3}));
}

TEST(Records, ListFiltersSortsAndPagesAndKeepsHostileTextIntact) {
  ApiWorld world;
  auto editor = world.login("editor");
  const std::string hostile = "'; DROP TABLE users; -- %_\\";
  for (int i = 0; i < 12; ++i)
    ASSERT_EQ(editor
                  ->send("POST", kRecords,
                         training("2016-0" + std::to_string(1 + i % 9) + "-10",
                                  i == 5 ? hostile : "研習 " + std::to_string(i), 10 + i))
                  .status,
              201);
  auto page = editor->get_json(kRecords + "?sort=-participants&limit=5&offset=5");
  EXPECT_EQ(page["total"], 12);
  ASSERT_EQ(page["records"].size(), 5u);
  EXPECT_EQ(page["records"][0]["values"]["participants"], 16);

  auto found = editor->get_json(kRecords + "?filter=title:contains:DROP%20TABLE");
  ASSERT_EQ(found["total"], 1);
  EXPECT_EQ(found["records"][0]["values"]["title"], hostile);
  EXPECT_EQ(editor->get_json(kRecords + "?filter=title:contains:%25")["total"], 1);
  EXPECT_EQ(editor->get_json(kRecords + "?filter=participants:ge:20")["total"], 2);
  EXPECT_EQ(editor->get_json(kRecords + "?filter=held_on:lt:105/03/01")["total"], 4);
  EXPECT_EQ(editor->get_json(kRecords + "?year=105")["total"], 12);
  EXPECT_EQ(editor->get_json(kRecords + "?year=104")["total"], 0);

  auto bad =
      editor->get(kRecords + "?filter=titel:eq:x&filter=held_on:gte:2016-01-01&sort=nope&limit=0");
  EXPECT_EQ(bad.status, 422);
  auto errors = parse_json(bad)["errors"];
  ASSERT_EQ(errors.size(), 4u);
  EXPECT_EQ(errors[0]["path"], "filter[0]");
  EXPECT_EQ(errors[1]["path"], "filter[1]");
  EXPECT_NE(errors[1]["message"].get<std::string>().find("not an operator"), std::string::npos);
  EXPECT_EQ(errors[2]["path"], "sort");
  EXPECT_EQ(errors[3]["path"], "limit");
  EXPECT_EQ(editor->get(kRecords + "?sort=participants;DROP").status, 422);
  EXPECT_EQ(editor->get(kRecords + "?limit=abc").status, 400);
}

// The export of what the list shows: the same year and filters, dates as people type them.
TEST(Records, AnExportHoldsWhatTheFiltersOnScreenKeep) {
  ApiWorld world;
  auto editor = world.login("editor");
  ASSERT_EQ(editor->send("POST", kRecords, training("104/03/15", "大型研習", 60)).status, 201);
  ASSERT_EQ(editor->send("POST", kRecords, training("104/04/15", "小型研習", 12)).status, 201);
  const std::string path = "/api/reports/registers/records_trainings?year=104";
  const auto view = editor->get(path + "&filter=participants:ge:50&dates=roc");
  ASSERT_EQ(view.status, 200) << view.body;
  EXPECT_NE(view.body.find("104/03/15,大型研習,60"), std::string::npos) << view.body;
  EXPECT_EQ(view.body.find("小型研習"), std::string::npos) << view.body;
  EXPECT_NE(editor->get(path).body.find("2015-04-15,小型研習,12"), std::string::npos);
  EXPECT_EQ(editor->get(path + "&filter=nothing:eq:1").status, 422);
  EXPECT_EQ(editor->get(path + "&dates=julian").status, 400);
}

TEST(Records, CsvImportIsAllOrNothingWithARowReport) {
  ApiWorld world;
  auto editor = world.login("editor");
  auto bad = editor->send_raw("POST", "/api/registers/records_trainings/import",
                              "日期,研習名稱,參加人數\n104/03/15,研習,60\n2015-02-30,研習,40\n",
                              "text/csv");
  EXPECT_EQ(bad.status, 422);
  auto problem = parse_json(bad);
  ASSERT_EQ(problem["errors"].size(), 1u);
  EXPECT_NE(problem["errors"][0]["path"].get<std::string>().find("row 2"), std::string::npos);
  EXPECT_EQ(editor->get_json(kRecords)["total"], 0);

  const std::string csv = "日期,研習名稱,參加人數\n104/03/15,研習,60\n2015-04-01,研習,40\n";
  auto preview = editor->send_raw("POST", "/api/registers/records_trainings/import?dry_run=true",
                                  csv, "text/csv");
  ASSERT_EQ(preview.status, 200) << preview.body;
  EXPECT_EQ(parse_json(preview)["would_import"], 2);
  EXPECT_EQ(editor->get_json(kRecords)["total"], 0) << "a dry run writes nothing";

  auto good = editor->send_raw("POST", "/api/registers/records_trainings/import",
                               "日期,研習名稱,參加人數\n104/03/15,研習,60\n2015-04-01,研習,40\n",
                               "text/csv");
  ASSERT_EQ(good.status, 201) << good.body;
  EXPECT_EQ(parse_json(good)["imported"], 2);
  EXPECT_EQ(editor->get_json(kRecords)["total"], 2);
}

TEST(Records, TheEvaluationReflectsASavedRecordOnTheNextRequest) {
  ApiWorld world(true);
  auto editor = world.login("editor");
  auto before = editor->get_json("/api/evaluation/105");
  EXPECT_EQ(before["year"], 105);
  const double actual = before["indicators"][0]["actual"];
  ASSERT_EQ(editor->send("POST", kRecords, training("2016-06-01", "新增研習", 100)).status, 201);
  auto after = editor->get_json("/api/evaluation/105");
  EXPECT_DOUBLE_EQ(after["indicators"][0]["actual"].get<double>(), actual + 100);
  const auto indicator = editor->get_json("/api/plan/indicators/b1-1");
  EXPECT_EQ(indicator["registers"], nlohmann::json::array({"records_trainings"}));
  EXPECT_EQ(indicator["formula_words"]["zh-TW"], "「文書及檔案管理研習」的「參加人數」合計");
  EXPECT_EQ(indicator["formula_words"]["en"], "total of \"參加人數\" in \"文書及檔案管理研習\"");
  auto history = editor->get_json("/api/plan/indicators/b1-1/history");
  EXPECT_EQ(history["years"].size(), 4u);
  EXPECT_EQ(history["years"][1]["actual"], actual + 100);
  EXPECT_EQ(history["years"][1]["review_state"], "draft");
  EXPECT_EQ(editor->get_json("/api/evaluation").size(), 4u);
  EXPECT_EQ(editor->get("/api/evaluation/99").status, 404);
}

TEST(Records, ManualValuesAndPlanEditsUseVersionsToo) {
  ApiWorld world;
  auto editor = world.login("editor");
  auto set = editor->send("PUT", "/api/values/b1-1/105",
                          {{"value", 1200}, {"note", "研考會報表"}, {"version", 0}});
  ASSERT_EQ(set.status, 200) << set.body;
  EXPECT_EQ(parse_json(set)["version"], 1);
  EXPECT_EQ(
      editor->send("PUT", "/api/values/b1-1/105", {{"value", 1}, {"note", "x"}, {"version", 0}})
          .status,
      409);
  EXPECT_EQ(editor->get_json("/api/values?year=105")[0]["value"], 1200);
  EXPECT_EQ(
      editor->send("PUT", "/api/values/h1-1/105", {{"value", 1}, {"note", "x"}, {"version", 0}})
          .status,
      403);

  auto planner = world.login("planner");
  auto plan = planner->get_json("/api/plan");
  const auto version = plan["version"].get<long>();
  auto edited = plan["plan"];
  edited["name"] = edited["name"].get<std::string>() + "（修正版）";
  auto saved = planner->send("PUT", "/api/plan", {{"version", version}, {"plan", edited}});
  ASSERT_EQ(saved.status, 200) << saved.body;
  EXPECT_EQ(parse_json(saved)["version"], version + 1);
  EXPECT_EQ(planner->send("PUT", "/api/plan", {{"version", version}, {"plan", edited}}).status,
            409);

  edited["dimensions"][0]["goals"][0]["weight"] = 99;
  auto invalid = planner->send("PUT", "/api/plan", {{"version", version + 1}, {"plan", edited}});
  EXPECT_EQ(invalid.status, 422);
  EXPECT_FALSE(parse_json(invalid)["errors"].empty());
  EXPECT_EQ(planner->get_json("/api/plan")["version"], version + 1);
}

// The audit log and comments name people and things as people call them; ids stay beside.
TEST(Records, TheAuditLogAndCommentsNamePeopleAndThingsNotIds) {
  ApiWorld world;
  auto admin = world.login("admin");
  std::int64_t editor_id = 0, editor_version = 0;
  for (const auto& user : admin->get_json("/api/users"))
    if (user["username"] == "t_editor") {
      editor_id = user["id"];
      editor_version = user["version"];
    }
  ASSERT_EQ(admin
                ->send("PATCH", "/api/users/" + std::to_string(editor_id),
                       {{"version", editor_version}, {"display_name", "王小明"}})
                .status,
            200);
  auto editor = world.login("editor");
  const auto created =
      parse_json(editor->send("POST", kRecords, training("105/03/15", "檔案研習", 40)));
  const std::string path = kRecords + "/" + std::to_string(created["id"].get<long>());
  ASSERT_EQ(editor->send("DELETE", path + "?version=1").status, 204);
  ASSERT_EQ(editor->send("POST", "/api/reviews/105/b1-1/comments", {{"body", "已補上佐證"}}).status,
            201);

  auto planner = world.login("planner");
  const auto records = planner->get_json("/api/audit?object_type=record&limit=2")["entries"];
  ASSERT_EQ(records.size(), 2u);
  for (const auto& entry : records) {  // the deletion is named from what was deleted
    EXPECT_EQ(entry["display_name"], "王小明");
    EXPECT_EQ(entry["username"], "t_editor");
    EXPECT_EQ(entry["object_name"], "文書及檔案管理研習：檔案研習");
  }
  const auto review = planner->get_json("/api/audit?object_type=review&limit=1")["entries"][0];
  EXPECT_EQ(review["action"], "comment.create");
  EXPECT_EQ(review["object_id"], "b1-1/105");
  EXPECT_EQ(review["object_name"], "每年辦理文書及檔案管理工作人員研習");
  const auto account = admin->get_json("/api/audit?object_type=user&limit=1")["entries"][0];
  EXPECT_EQ(account["object_name"], "王小明");

  const auto discussion = planner->get_json("/api/reviews/105/b1-1");
  EXPECT_EQ(discussion["comments"][0]["display_name"], "王小明");
  EXPECT_EQ(discussion["comments"][0]["username"], "t_editor");
}

}  // namespace
}  // namespace planscore::test
