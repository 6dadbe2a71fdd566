// A database that cannot take changes: a full disk (a small tmpfs filled up) and a
// read-only database file. Writes answer a problem document naming the cause (507, 503),
// reads keep working for the people signed in, and nothing acknowledged is lost. Both
// need root (mounting; running the server as another user) and are skipped without it.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <thread>

#include "api_fixture.h"

namespace planscore::test {
namespace {

const std::string kRecords = "/api/registers/records_trainings/records";
const std::string kImport = "/api/registers/records_trainings/import?format=csv";

nlohmann::json training(const std::string& title) {
  return {{"values", {{"held_on", "2016-05-01"}, {"title", title}, {"participants", 30}}}};
}

std::string trainings_csv(const std::string& prefix, int rows) {
  std::string csv = "held_on,title,participants\n";
  for (int row = 0; row < rows; ++row)
    csv += "2016-06-01," + prefix + std::to_string(row) + " " + std::string(200, 'x') + ",12\n";
  return csv;
}

// A fresh database at `path` with the shipped plan, the demo and a documents editor;
// returns the editor's password (of their own, after the first sign-in).
std::string make_database(const std::string& path) {
  EXPECT_EQ(run_planscore(path, {"init", "--demo"}).exit_code, 0);
  auto added = run_planscore(
      path, {"user", "add", "t_editor", "--role", "section_editor", "--section", "documents"});
  EXPECT_EQ(added.exit_code, 0) << added.err;
  return complete_first_sign_ins(path, {{"t_editor", password_from(added.out)}}).at("t_editor");
}

void expect_problem(const HttpResult& result, int status, const std::string& type,
                    const std::string& words) {
  EXPECT_EQ(result.status, status) << result.body;
  EXPECT_EQ(result.header("content-type"), "application/problem+json");
  auto problem = parse_json(result);
  EXPECT_EQ(problem["status"], status);
  EXPECT_EQ(problem["type"], type);
  EXPECT_NE(problem["detail"].get<std::string>().find(words), std::string::npos) << result.body;
}

std::string integrity(const std::string& path) {
  sqlite3* db = nullptr;
  std::string verdict = "cannot open";
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
    sqlite3_stmt* statement = nullptr;
    if (sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &statement, nullptr) == SQLITE_OK &&
        sqlite3_step(statement) == SQLITE_ROW)
      verdict = reinterpret_cast<const char*>(sqlite3_column_text(statement, 0));
    sqlite3_finalize(statement);
  }
  sqlite3_close(db);
  return verdict;
}

// A tmpfs of `bytes` mounted on a fresh directory, unmounted at the end.
class SmallDisk {
 public:
  explicit SmallDisk(std::size_t bytes) {
    const std::string options = "size=" + std::to_string(bytes);
    mounted_ = ::mount("tmpfs", directory_.path().c_str(), "tmpfs", 0, options.c_str()) == 0;
  }
  ~SmallDisk() {
    if (mounted_) ::umount2(directory_.path().c_str(), MNT_DETACH);
  }
  bool mounted() const { return mounted_; }
  std::filesystem::path path() const { return directory_.path(); }

  // Writes a file until the disk has no room left.
  void fill() {
    std::FILE* file = std::fopen((path() / "filler").c_str(), "wb");
    ASSERT_NE(file, nullptr);
    const std::string block(4096, 'f');
    while (std::fwrite(block.data(), 1, block.size(), file) == block.size() &&
           std::fflush(file) == 0) {
    }
    std::fclose(file);
  }
  void free_space() { std::filesystem::remove(path() / "filler"); }

 private:
  TestDirectory directory_;
  bool mounted_ = false;
};

TEST(StorageFailure, FullDiskAnswers507AndKeepsReadsAndEveryAcknowledgedWrite) {
  if (testing_postgresql()) GTEST_SKIP() << "an SQLite file on a small disk";
  SmallDisk disk(16 * 1024 * 1024);
  if (!disk.mounted()) GTEST_SKIP() << "cannot mount a tmpfs here (needs root)";
  const std::string database = (disk.path() / "db.sqlite").string();
  const std::string password = make_database(database);
  auto server = ServerProcess::serve(database);
  ApiSession editor(server->base_url(), "t_editor", password);
  ASSERT_EQ(editor.login_result.status, 201) << editor.login_result.body;
  ASSERT_EQ(editor.send("POST", kRecords, training("full-before")).status, 201);

  disk.fill();
  expect_problem(editor.send_raw("POST", kImport, trainings_csv("full-import-", 300), "text/csv"),
                 507, "urn:planscore:problem:database-full", "the database is full");
  // Single records may still fit in space the log already holds; sooner or later one
  // does not. Every one acknowledged must survive.
  std::vector<std::string> acknowledged = {"full-before"};
  HttpResult refused;
  for (int i = 0; i < 200 && refused.status == 0; ++i) {
    const std::string title = "full-during " + std::to_string(i);
    auto result = editor.send("POST", kRecords, training(title));
    if (result.status == 201)
      acknowledged.push_back(title);
    else
      refused = result;
  }
  expect_problem(refused, 507, "urn:planscore:problem:database-full", "the database is full");

  auto page = editor.get_json(kRecords + "?filter=title:contains:full-&limit=1000");
  EXPECT_EQ(page["total"], acknowledged.size()) << "reads work and show every acknowledged write";
  EXPECT_EQ(editor.get("/api/evaluation").status, 200);

  disk.free_space();
  EXPECT_EQ(editor.send("POST", kRecords, training("full-after")).status, 201)
      << "writes work again once there is room, without a restart";
  acknowledged.push_back("full-after");
  EXPECT_EQ(server->stop(), 0) << server->log();
  EXPECT_NE(server->log().find("database or disk is full"), std::string::npos)
      << "the log has SQLite's own message";

  EXPECT_EQ(integrity(database), "ok");
  auto restarted = ServerProcess::serve(database);
  ApiSession again(restarted->base_url(), "t_editor", password);
  auto after = again.get_json(kRecords + "?filter=title:contains:full-&limit=1000");
  EXPECT_EQ(after["total"], acknowledged.size());
}

// An editor's session and a record made through it while the database was writable.
struct EditorSession {
  std::string token, csrf;
  long record_id = 0;
};

EditorSession record_before_read_only(const std::string& database, const std::string& password) {
  auto server = ServerProcess::serve(database);
  ApiSession editor(server->base_url(), "t_editor", password);
  EXPECT_EQ(editor.login_result.status, 201);
  auto created = editor.send("POST", kRecords, training("唯讀前"));
  EXPECT_EQ(created.status, 201) << created.body;
  if (created.status != 201) return {};
  return {editor.client.cookie("planscore_session"), editor.csrf_token,
          parse_json(created)["id"].get<long>()};
}

// Through `server` on the database made read-only: the record and the evaluation still
// read, a write and an import are refused with 503, and reading goes on afterwards.
void expect_reads_but_no_writes(ServerProcess& server, const EditorSession& editor) {
  HttpClient reader(server.base_url());
  const std::vector<std::string> headers = {"Cookie: planscore_session=" + editor.token,
                                            "X-CSRF-Token: " + editor.csrf,
                                            "Content-Type: application/json"};
  const std::string path = kRecords + "/" + std::to_string(editor.record_id);
  auto read = reader.request("GET", path, "", headers);
  ASSERT_EQ(read.status, 200) << read.body << server.log();
  EXPECT_EQ(parse_json(read)["values"]["title"], "唯讀前");
  EXPECT_EQ(reader.request("GET", "/api/evaluation", "", headers).status, 200);
  expect_problem(reader.request("POST", kRecords, training("唯讀中").dump(), headers), 503,
                 "urn:planscore:problem:database-read-only", "the database is read-only");
  expect_problem(reader.request("POST", kImport, trainings_csv("唯讀", 5),
                                {headers[0], headers[1], "Content-Type: text/csv"}),
                 503, "urn:planscore:problem:database-read-only", "the database is read-only");
  EXPECT_EQ(reader.request("GET", path, "", headers).status, 200) << "still reading";
}

// PostgreSQL: the database set read-only (as on a hot standby) for the connections the
// server makes.
TEST(StorageFailure, ReadOnlyPostgresqlDatabaseAnswers503AndKeepsReads) {
  if (!testing_postgresql()) GTEST_SKIP() << "a PostgreSQL setting";
  TestDirectory directory;
  const std::string password = make_database(directory.database());
  const TestDatabase& database = directory.test_database();
  const EditorSession editor = record_before_read_only(directory.database(), password);
  ASSERT_NE(editor.record_id, 0);
  // Last seen minutes ago: the next request touches the session, a write that must not
  // cost the reader the page.
  ASSERT_EQ(database.exec("UPDATE sessions SET last_seen_at = to_char(now() AT TIME ZONE 'UTC' "
                          "- interval '5 minutes', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"),
            "");
  ASSERT_EQ(database.exec_on_cluster("ALTER DATABASE " + database.name() +
                                     " SET default_transaction_read_only = on"),
            "");

  auto server = ServerProcess::serve(directory.database());
  expect_reads_but_no_writes(*server, editor);
  EXPECT_EQ(server->stop(), 0) << server->log();
  EXPECT_EQ(database.exec_on_cluster("ALTER DATABASE " + database.name() +
                                     " RESET default_transaction_read_only"),
            "");
  EXPECT_EQ(database.rows("SELECT f_title FROM reg_records_trainings WHERE f_title LIKE '唯讀%'"),
            std::vector<std::string>{"唯讀前"});
}

// PostgreSQL restarted or a connection cut (here: every connection of the server ended by
// the database): a request on a lost connection may fail with 503, but the connection is
// dropped and later requests are served on new ones.
TEST(StorageFailure, LostPostgresqlConnectionsAreReplaced) {
  if (!testing_postgresql()) GTEST_SKIP() << "PostgreSQL connections";
  TestDirectory directory;
  const std::string password = make_database(directory.database());
  auto server = ServerProcess::serve(directory.database());
  ApiSession editor(server->base_url(), "t_editor", password);
  ASSERT_EQ(editor.login_result.status, 201);
  // Several requests at once, so the server's pool holds more than one connection.
  std::vector<std::thread> readers;
  for (int i = 0; i < 4; ++i) {
    readers.emplace_back([&] { HttpClient(server->base_url()).get("/api/health"); });
  }
  for (auto& reader : readers) reader.join();
  ASSERT_EQ(editor.get(kRecords).status, 200);

  const TestDatabase& database = directory.test_database();
  const auto ended = database.rows(
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = "
      "current_database() AND pid <> pg_backend_pid()");
  ASSERT_FALSE(ended.empty()) << "the server held no connection";

  int failed = 0;
  for (int i = 0; i < 20; ++i) {
    const auto result = editor.get(kRecords);
    if (result.status == 200) break;
    EXPECT_EQ(result.status, 503) << result.body;
    ++failed;
  }
  EXPECT_LT(failed, 20) << "the server never recovered: " << server->log();
  EXPECT_EQ(editor.get(kRecords).status, 200);
  EXPECT_EQ(editor.send("POST", kRecords, training("重新連線")).status, 201);
}

TEST(StorageFailure, ReadOnlyDatabaseAnswers503AndKeepsReads) {
  if (testing_postgresql()) GTEST_SKIP() << "SQLite file permissions";
  if (::geteuid() != 0 || !std::filesystem::exists("/usr/bin/setpriv"))
    GTEST_SKIP() << "needs root and setpriv to run the server as an unprivileged user";
  TestDirectory directory;
  const std::string database = directory.database();
  const std::string password = make_database(database);
  const EditorSession editor = record_before_read_only(database, password);
  ASSERT_NE(editor.record_id, 0);

  // The files stay root's, readable by all, writable by none but root; a connection held
  // open here keeps the WAL's shared-memory file that readers need.
  sqlite3* holder = nullptr;
  ASSERT_EQ(sqlite3_open(database.c_str(), &holder), SQLITE_OK);
  // Last seen minutes ago: the next request touches the session, a write that must not
  // cost the reader the page.
  ASSERT_EQ(sqlite3_exec(holder,
                         "UPDATE sessions SET last_seen_at = "
                         "strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-5 minutes')",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  std::filesystem::permissions(directory.path(), std::filesystem::perms(0755));
  for (const auto& suffix : {"", "-wal", "-shm"})
    if (std::filesystem::exists(database + suffix))
      std::filesystem::permissions(database + suffix, std::filesystem::perms(0644));

  auto server = ServerProcess::start({"/usr/bin/setpriv", "--reuid=65534", "--regid=65534",
                                      "--clear-groups", "--", PLANSCORE_BINARY, "--db", database,
                                      "serve", "--address", "127.0.0.1", "--port", "0"});
  expect_reads_but_no_writes(*server, editor);
  EXPECT_EQ(server->stop(), 0) << server->log();
  sqlite3_close(holder);
  EXPECT_EQ(integrity(database), "ok");
}

}  // namespace
}  // namespace planscore::test
