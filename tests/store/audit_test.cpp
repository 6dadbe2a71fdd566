// The audit trail: appended, queried newest first with optional filters and paging,
// and refused any change or deletion by the database itself.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>

#include "store/store_test_support.h"

namespace planscore::store::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

AuditEntry entry(std::string at, std::int64_t user_id, std::string action, std::string object_type,
                 std::string object_id) {
  AuditEntry audit;
  audit.at = std::move(at);
  audit.user_id = user_id;
  audit.username = user_id == 0 ? "" : "user" + std::to_string(user_id);
  audit.action = std::move(action);
  audit.object_type = std::move(object_type);
  audit.object_id = std::move(object_id);
  return audit;
}

class AuditTest : public TempDirTest {
 protected:
  void SetUp() override {
    TempDirTest::SetUp();
    store_ = open_store();
    ids_.push_back(
        store_->append_audit(entry("2026-11-01T08:00:00Z", 0, "plan.import", "plan", "taichung")));
    ids_.push_back(store_->append_audit(
        entry("2026-11-02T08:00:00Z", 1, "record.create", "record", "volunteers/12")));
    ids_.push_back(store_->append_audit(
        entry("2026-11-03T08:00:00Z", 2, "record.update", "record", "volunteers/12")));
    ids_.push_back(store_->append_audit(
        entry("2026-11-04T08:00:00Z", 1, "review.submit", "review", "b1-1/105")));
    ids_.push_back(store_->append_audit(
        entry("2026-11-05T08:00:00Z", 1, "record.delete", "record", "volunteers/13")));
  }
  // Positions 1…5 of the entries a query returns.
  std::vector<int> found(const AuditQuery& query) {
    std::vector<int> positions;
    for (const AuditEntry& audit : store_->query_audit(query)) {
      const auto at = std::find(ids_.begin(), ids_.end(), audit.id);
      positions.push_back(at == ids_.end() ? -1 : static_cast<int>(at - ids_.begin()) + 1);
    }
    return positions;
  }
  std::unique_ptr<Store> store_;
  std::vector<std::int64_t> ids_;
};

TEST_F(AuditTest, AppendedEntriesReadBackNewestFirst) {
  EXPECT_LT(ids_[0], ids_[1]);
  EXPECT_THAT(found({}), ElementsAre(5, 4, 3, 2, 1));
  AuditEntry full = entry("2026-11-06T08:00:00Z", 3, "year.unlock", "year", "taichung/105");
  full.before = R"({"locked":true,"note":"它's \"quoted\""})";
  full.after = R"({"locked":false})";
  full.reason = "主計處更正 104 年資料'); DROP TABLE audit_log; --";
  const std::int64_t id = store_->append_audit(full);
  const AuditEntry back = store_->query_audit({}).at(0);
  EXPECT_EQ(back.id, id);
  EXPECT_EQ(back.at, full.at);
  EXPECT_EQ(back.user_id, 3);
  EXPECT_EQ(back.username, "user3");
  EXPECT_EQ(back.action, "year.unlock");
  EXPECT_EQ(back.object_type, "year");
  EXPECT_EQ(back.object_id, "taichung/105");
  EXPECT_EQ(back.before, full.before);
  EXPECT_EQ(back.after, full.after);
  EXPECT_EQ(back.reason, full.reason);
}

TEST_F(AuditTest, EachFilterNarrowsAndTheyCombine) {
  AuditQuery query;
  query.object_type = "record";
  EXPECT_THAT(found(query), ElementsAre(5, 3, 2));
  query.object_id = "volunteers/12";
  EXPECT_THAT(found(query), ElementsAre(3, 2));
  query.user_id = 1;
  EXPECT_THAT(found(query), ElementsAre(2));

  AuditQuery by_user;
  by_user.user_id = 0;
  EXPECT_THAT(found(by_user), ElementsAre(1));

  AuditQuery by_time;
  by_time.from = "2026-11-02T08:00:00Z";
  by_time.to = "2026-11-04T08:00:00Z";
  EXPECT_THAT(found(by_time), ElementsAre(3, 2));

  AuditQuery nothing;
  nothing.object_type = "' OR '1'='1";
  EXPECT_THAT(found(nothing), IsEmpty());
}

TEST_F(AuditTest, PagesBackwardsByIdWithALimit) {
  AuditQuery query;
  query.limit = 2;
  EXPECT_THAT(found(query), ElementsAre(5, 4));
  query.before_id = ids_[3];
  EXPECT_THAT(found(query), ElementsAre(3, 2));
  query.before_id = ids_[1];
  EXPECT_THAT(found(query), ElementsAre(1));
  query.before_id = ids_[0];
  EXPECT_THAT(found(query), IsEmpty());
}

TEST_F(AuditTest, TheDatabaseRefusesChangesAndDeletions) {
  const auto before = database().rows("SELECT * FROM audit_log ORDER BY id");
  EXPECT_THAT(database().exec("UPDATE audit_log SET reason = 'rewritten'"),
              HasSubstr("append-only"));
  EXPECT_THAT(database().exec("UPDATE audit_log SET at = '' WHERE id = 1"),
              HasSubstr("append-only"));
  EXPECT_THAT(database().exec("DELETE FROM audit_log"), HasSubstr("append-only"));
  EXPECT_THAT(database().exec("DELETE FROM audit_log WHERE id = 1"), HasSubstr("append-only"));
  EXPECT_EQ(database().rows("SELECT * FROM audit_log ORDER BY id"), before);
  // Appending still works.
  EXPECT_EQ(database().exec("INSERT INTO audit_log (at, user_id, username, action, object_type, "
                            "object_id) VALUES ('t', 0, '', 'test', 'test', '')"),
            "");
}

}  // namespace
}  // namespace planscore::store::testing
