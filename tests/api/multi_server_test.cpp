// Several `planscore serve` processes on one PostgreSQL database, as behind a load
// balancer: a session made on one server works on the others, an edit based on a copy
// another server has since changed is refused (409), and logging out on one server ends
// the session everywhere. Nothing of this may live in one process's memory. Several
// servers are a PostgreSQL deployment (an SQLite file is one machine's), so these tests
// run only there; two processes on one host could share an SQLite file, and they would
// pass there too, which shows nothing about PostgreSQL.
#include <gtest/gtest.h>

#include "api_fixture.h"

namespace planscore::test {
namespace {

const std::string kRecords = "/api/registers/records_trainings/records";
const std::string kValue = "/api/values/b1-1/105";

nlohmann::json training(const std::string& title, int participants) {
  return {
      {"values", {{"held_on", "2016-05-01"}, {"title", title}, {"participants", participants}}}};
}

// A browser that reached `server` with another server's session: its cookie and CSRF
// token, sent as raw headers since the cookie jar of `session` belongs to the first host.
class Borrowed {
 public:
  Borrowed(const ServerProcess& server, const ApiSession& session)
      : client_(server.base_url()),
        cookie_("Cookie: planscore_session=" + session.client.cookie("planscore_session")),
        csrf_("X-CSRF-Token: " + session.csrf_token) {}

  HttpResult send(const std::string& method, const std::string& path,
                  const nlohmann::json& body = nullptr) {
    return client_.request(method, path, body.is_null() ? "" : body.dump(),
                           {"Content-Type: application/json", cookie_, csrf_});
  }

 private:
  HttpClient client_;
  std::string cookie_, csrf_;
};

const char* const kNeedsPostgres = "an SQLite file is one server's; needs PLANSCORE_TEST_POSTGRES";

TEST(MultiServer, ASessionMadeOnOneServerWorksOnAnother) {
  if (!testing_postgresql()) GTEST_SKIP() << kNeedsPostgres;
  ApiWorld world(true);  // server A, with the demo records so b1-1 has an actual
  auto server_b = ServerProcess::serve(world.database());
  auto editor = world.login("editor");
  ASSERT_FALSE(editor->csrf_token.empty());
  Borrowed on_b(*server_b, *editor);
  // A caches evaluations in memory; this one must not outlive B's write below.
  const double actual = editor->get_json("/api/evaluation/105")["indicators"][0]["actual"];

  auto session = on_b.send("GET", "/api/session");
  ASSERT_EQ(session.status, 200) << session.body;
  EXPECT_EQ(parse_json(session)["user"]["username"], world.username("editor")) << session.body;

  // The CSRF token is the session's, so B checks it against what A stored.
  auto created = on_b.send("POST", kRecords, training("made on B", 12));
  ASSERT_EQ(created.status, 201) << created.body;
  const auto id = parse_json(created)["id"].get<long>();
  auto on_a = editor->get_json(kRecords + "/" + std::to_string(id));
  EXPECT_EQ(on_a["values"]["title"], "made on B") << "A sees the record B wrote";
  EXPECT_EQ(on_b.send("GET", kRecords).status, 200);
  auto evaluation = editor->get_json("/api/evaluation/105");
  EXPECT_DOUBLE_EQ(evaluation["indicators"][0]["actual"].get<double>(), actual + 12)
      << "A's evaluation counts B's record";
}

TEST(MultiServer, AConflictingEditThroughTheOtherServerIs409) {
  if (!testing_postgresql()) GTEST_SKIP() << kNeedsPostgres;
  ApiWorld world;
  auto server_b = ServerProcess::serve(world.database());
  auto editor = world.login("editor");
  Borrowed on_b(*server_b, *editor);

  auto created = editor->send("POST", kRecords, training("original", 10));
  ASSERT_EQ(created.status, 201) << created.body;
  const auto id = parse_json(created)["id"].get<long>();
  const std::string path = kRecords + "/" + std::to_string(id);
  // Both browsers read version 1; A saves first, then B saves on its stale copy.
  const auto version = editor->get_json(path)["version"].get<long>();
  auto from_a = training("edited on A", 20);
  from_a["version"] = version;
  ASSERT_EQ(editor->send("PUT", path, from_a).status, 200);
  auto from_b = training("edited on B", 30);
  from_b["version"] = version;
  auto stale = on_b.send("PUT", path, from_b);
  EXPECT_EQ(stale.status, 409) << stale.body;
  auto stored = editor->get_json(path);
  EXPECT_EQ(stored["values"]["title"], "edited on A") << "B's stale copy was not written";
  EXPECT_EQ(stored["version"], version + 1);

  // A manual value is versioned the same way: both start from "no value yet" (version 0).
  ASSERT_EQ(editor->send("PUT", kValue, {{"value", 1200}, {"note", "A"}, {"version", 0}}).status,
            200);
  auto value_b = on_b.send("PUT", kValue, {{"value", 7}, {"note", "B"}, {"version", 0}});
  EXPECT_EQ(value_b.status, 409) << value_b.body;
  EXPECT_EQ(editor->get_json("/api/values?year=105")[0]["value"], 1200);
}

TEST(MultiServer, LoggingOutOnOneServerEndsTheSessionOnTheOther) {
  if (!testing_postgresql()) GTEST_SKIP() << kNeedsPostgres;
  ApiWorld world;
  auto server_b = ServerProcess::serve(world.database());
  auto viewer = world.login("viewer");
  Borrowed on_b(*server_b, *viewer);
  ASSERT_EQ(on_b.send("GET", "/api/session").status, 200) << "B knows the session first";

  ASSERT_EQ(viewer->send("DELETE", "/api/session").status, 204);
  EXPECT_EQ(on_b.send("GET", "/api/session").status, 401) << "B must not trust a cached session";
  EXPECT_EQ(on_b.send("GET", kRecords).status, 401);
}

}  // namespace
}  // namespace planscore::test
