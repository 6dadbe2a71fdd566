// Evidence files: arbitrary bytes (NUL included) stored as a blob and read back intact.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "store/store_test_support.h"

namespace planscore::store::testing {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

std::string every_byte() {
  std::string bytes;
  for (int round = 0; round < 3; ++round) {
    for (int value = 0; value < 256; ++value) bytes.push_back(static_cast<char>(value));
  }
  return bytes;
}

EvidenceRow evidence(std::string indicator_id, std::string file_name, std::string content) {
  EvidenceRow row;
  row.plan_id = "taichung";
  row.indicator_id = std::move(indicator_id);
  row.year = 105;
  row.file_name = std::move(file_name);
  row.content_type = "application/pdf";
  row.sha256 = "ab12";
  row.content = std::move(content);
  row.uploaded_by = 4;
  row.uploaded_at = "2026-11-27T08:00:00Z";
  return row;
}

class EvidenceTest : public TempDirTest {
 protected:
  void SetUp() override {
    TempDirTest::SetUp();
    store_ = open_store();
  }
  std::unique_ptr<Store> store_;
};

TEST_F(EvidenceTest, EveryByteIncludingNulRoundTrips) {
  const std::string bytes = every_byte();
  ASSERT_EQ(bytes[0], '\0');
  const std::int64_t id = store_->add_evidence(evidence("b1-1", "成果報告.pdf", bytes));
  const auto found = store_->find_evidence(id);
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->id, id);
  EXPECT_EQ(found->content.size(), bytes.size());
  EXPECT_EQ(found->content, bytes);
  EXPECT_EQ(found->size, static_cast<std::int64_t>(bytes.size()));
  EXPECT_EQ(found->plan_id, "taichung");
  EXPECT_EQ(found->indicator_id, "b1-1");
  EXPECT_EQ(found->year, 105);
  EXPECT_EQ(found->file_name, "成果報告.pdf");
  EXPECT_EQ(found->content_type, "application/pdf");
  EXPECT_EQ(found->sha256, "ab12");
  EXPECT_EQ(found->uploaded_by, 4);
  EXPECT_EQ(found->uploaded_at, "2026-11-27T08:00:00Z");
  EXPECT_THAT(database().columns("evidence"), Contains("content:BLOB"));
  EXPECT_THAT(database().rows("SELECT length(content) FROM evidence"), ElementsAre("768"));
}

TEST_F(EvidenceTest, EmptyFileStaysEmptyNotMissing) {
  const std::int64_t id = store_->add_evidence(evidence("b1-1", "empty.txt", ""));
  const auto found = store_->find_evidence(id);
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->content, "");
  EXPECT_EQ(found->size, 0);
  EXPECT_THAT(database().rows("SELECT content IS NULL, length(content) FROM evidence"),
              ElementsAre(database().is_postgresql() ? "f|0" : "0|0"));
}

TEST_F(EvidenceTest, ListingLeavesContentOutAndKeepsUploadOrder) {
  const std::int64_t first = store_->add_evidence(evidence("b1-1", "a.pdf", std::string(10, 'a')));
  const std::int64_t second =
      store_->add_evidence(evidence("b1-1", "b.pdf", std::string("\0b", 2)));
  store_->add_evidence(evidence("b1-2", "other.pdf", "x"));
  const auto listed = store_->list_evidence("taichung", "b1-1", 105);
  ASSERT_EQ(listed.size(), 2u);
  EXPECT_EQ(listed[0].id, first);
  EXPECT_EQ(listed[0].file_name, "a.pdf");
  EXPECT_EQ(listed[0].size, 10);
  EXPECT_EQ(listed[0].content, "");
  EXPECT_EQ(listed[1].id, second);
  EXPECT_EQ(listed[1].size, 2);
  EXPECT_EQ(listed[1].uploaded_by, 4);
  EXPECT_THAT(store_->list_evidence("taichung", "b1-1", 104), IsEmpty());
}

TEST_F(EvidenceTest, DeleteRemovesOnceAndTheIdIsNeverReused) {
  const std::int64_t id = store_->add_evidence(evidence("b1-1", "a.pdf", "bytes"));
  EXPECT_TRUE(store_->delete_evidence(id));
  EXPECT_FALSE(store_->delete_evidence(id));
  EXPECT_FALSE(store_->find_evidence(id).has_value());
  // The audit trail may name the deleted file by its id.
  EXPECT_GT(store_->add_evidence(evidence("b1-1", "b.pdf", "bytes")), id);
}

}  // namespace
}  // namespace planscore::store::testing
