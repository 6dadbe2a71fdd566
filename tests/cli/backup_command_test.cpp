// `planscore backup` and `planscore restore` end to end: what the person sees, the exit
// codes, and that a refused command leaves every file as it was.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

namespace {

namespace fs = std::filesystem;

struct Outcome {
  int status = -1;
  std::string out, err;
};

class BackupCommand : public ::testing::Test {
 protected:
  void SetUp() override {
    std::random_device seed;
    dir_ = fs::temp_directory_path() / ("planscore-cli-backup-" + std::to_string(seed()));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string path(const std::string& name) const { return (dir_ / name).string(); }

  Outcome run(const std::string& db, const std::string& arguments) {
    const auto out = dir_ / "out.txt", err = dir_ / "err.txt";
    const std::string command = std::string(PLANSCORE_BINARY) + " --db " + path(db) + " " +
                                arguments + " >" + out.string() + " 2>" + err.string();
    Outcome outcome;
    outcome.status = WEXITSTATUS(std::system(command.c_str()));
    outcome.out = read(out);
    outcome.err = read(err);
    return outcome;
  }
  static std::string read(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
  }
  static void write(const std::string& path, const std::string& bytes) {
    std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
  }
  std::vector<std::string> files() const {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(dir_))
      if (entry.path().filename() != "out.txt" && entry.path().filename() != "err.txt")
        names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
  }

  fs::path dir_;
};

TEST_F(BackupCommand, BackupThenRestoreElsewhereGivesTheSameEvaluation) {
  ASSERT_EQ(run("live.db", "init --demo").status, 0);
  ASSERT_EQ(
      run("live.db", "record add records_trainings held_on=2016-05-01 title=演練 participants=9")
          .status,
      0);
  ASSERT_EQ(run("live.db", "value set b1-1 107 512 --note 人工填報").status, 0);

  auto backup = run("live.db", "backup " + path("saved.db"));
  ASSERT_EQ(backup.status, 0) << backup.err;
  EXPECT_NE(backup.out.find("integrity check"), std::string::npos) << backup.out;
  EXPECT_NE(backup.out.find("records in records_trainings"), std::string::npos) << backup.out;
  EXPECT_NE(backup.out.find("audit entries"), std::string::npos) << backup.out;
  EXPECT_NE(backup.out.find("evidence files"), std::string::npos) << backup.out;
  EXPECT_FALSE(fs::exists(path("saved.db.tmp")));

  auto restore = run("copy.db", "restore " + path("saved.db"));
  ASSERT_EQ(restore.status, 0) << restore.err;
  EXPECT_NE(restore.out.find("restored"), std::string::npos) << restore.out;
  // The same table of contents on both sides.
  const auto table = [](const std::string& out) { return out.substr(out.find("contents")); };
  EXPECT_EQ(table(restore.out), table(backup.out));

  auto original = run("live.db", "evaluate --format json");
  auto restored = run("copy.db", "evaluate --format json");
  ASSERT_EQ(restored.status, 0) << restored.err;
  EXPECT_EQ(restored.out, original.out);
}

TEST_F(BackupCommand, AnExistingBackupFileIsReplacedOnlyWithForce) {
  ASSERT_EQ(run("live.db", "init").status, 0);
  write(path("saved.db"), "an older file");
  auto refused = run("live.db", "backup " + path("saved.db"));
  EXPECT_EQ(refused.status, 1);
  EXPECT_EQ(refused.err.rfind("error: ", 0), 0u);
  EXPECT_NE(refused.err.find("already exists"), std::string::npos) << refused.err;
  EXPECT_NE(refused.err.find("--force"), std::string::npos) << refused.err;
  EXPECT_EQ(read(path("saved.db")), "an older file");
  EXPECT_EQ(run("live.db", "backup --force " + path("saved.db")).status, 0);
  EXPECT_EQ(read(path("saved.db")).substr(0, 15), "SQLite format 3");
}

TEST_F(BackupCommand, RestoringOverDataNeedsForceAndKeepsThePreviousContent) {
  ASSERT_EQ(run("live.db", "init --demo").status, 0);
  ASSERT_EQ(run("live.db", "backup " + path("saved.db")).status, 0);
  ASSERT_EQ(run("other.db", "init").status, 0);

  auto refused = run("other.db", "restore " + path("saved.db"));
  EXPECT_EQ(refused.status, 1);
  EXPECT_NE(refused.err.find("already holds"), std::string::npos) << refused.err;
  EXPECT_NE(refused.err.find("--force"), std::string::npos) << refused.err;
  // Still the plan without records: its evaluation is not the backup's.
  EXPECT_NE(run("other.db", "evaluate --format json").out,
            run("live.db", "evaluate --format json").out);

  auto forced = run("other.db", "restore --force " + path("saved.db"));
  ASSERT_EQ(forced.status, 0) << forced.err;
  EXPECT_NE(forced.out.find("other.db.before-restore-"), std::string::npos) << forced.out;
  bool kept = false;
  for (const auto& name : files()) kept = kept || name.rfind("other.db.before-restore-", 0) == 0;
  EXPECT_TRUE(kept);
  EXPECT_EQ(run("other.db", "evaluate --format json").out,
            run("live.db", "evaluate --format json").out);
}

TEST_F(BackupCommand, BadBackupFilesAreRefusedAndNoDatabaseIsCreated) {
  ASSERT_EQ(run("live.db", "init --demo").status, 0);
  ASSERT_EQ(run("live.db", "backup " + path("saved.db")).status, 0);
  const std::string whole = read(path("saved.db"));
  write(path("half.db"), whole.substr(0, whole.size() / 2));
  std::string garbage;
  for (int i = 0; i < 4096; ++i) garbage.push_back(static_cast<char>((i * 31) % 256));
  write(path("garbage.db"), garbage);
  const auto before = files();

  for (const auto& [file, reason] :
       {std::pair<std::string, std::string>{"garbage.db", "not an SQLite database"},
        {"half.db", "damaged"},
        {"missing.db", "not a file"}}) {
    SCOPED_TRACE(file);
    auto refused = run("new.db", "restore " + path(file));
    EXPECT_EQ(refused.status, 1);
    EXPECT_EQ(refused.err.rfind("error: ", 0), 0u);
    EXPECT_NE(refused.err.find(path(file)), std::string::npos) << refused.err;
    EXPECT_NE(refused.err.find(reason), std::string::npos) << refused.err;
    EXPECT_NE(refused.err.find("nothing was restored"), std::string::npos) << refused.err;
    // Only the file people named: not the staged copy the check worked on.
    EXPECT_EQ(refused.err.find(".tmp"), std::string::npos) << refused.err;
    EXPECT_EQ(files(), before);
  }
}

TEST_F(BackupCommand, ThereIsNothingToBackUpWithoutADatabase) {
  auto outcome = run("none.db", "backup " + path("saved.db"));
  EXPECT_EQ(outcome.status, 1);
  EXPECT_NE(outcome.err.find("no database"), std::string::npos) << outcome.err;
  EXPECT_FALSE(fs::exists(path("none.db")));
  EXPECT_FALSE(fs::exists(path("saved.db")));
}

// `db copy` wiring: what the person is told, and a refused copy changes nothing.
TEST_F(BackupCommand, DbCopyMovesEverythingAndRefusesATargetWithData) {
  ASSERT_EQ(run("live.db", "init --demo").status, 0);
  auto copied = run("live.db", "db copy --from " + path("live.db") + " --to " + path("copy.db"));
  ASSERT_EQ(copied.status, 0) << copied.err;
  EXPECT_NE(copied.out.find("checked both sides"), std::string::npos) << copied.out;
  EXPECT_NE(copied.out.find("records in procurement_cases"), std::string::npos);
  EXPECT_EQ(run("copy.db", "evaluate --format json").out,
            run("live.db", "evaluate --format json").out);

  const std::string before = read(path("copy.db"));
  auto refused = run("live.db", "db copy --from " + path("live.db") + " --to " + path("copy.db"));
  EXPECT_EQ(refused.status, 1);
  EXPECT_NE(refused.err.find("already holds data"), std::string::npos) << refused.err;
  EXPECT_EQ(read(path("copy.db")), before);
  EXPECT_EQ(run("live.db", "db copy --from " + path("none.db") + " --to " + path("x.db")).status,
            1);
}

}  // namespace
