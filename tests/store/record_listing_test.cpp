// Listing a register's records: filters of every operator, year scoping by time basis,
// sorting with ties broken by id, paging with a total, and hostile text.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>

#include "store/store_test_support.h"

namespace planscore::store::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

constexpr const char* kInjection = "x'); DROP TABLE plans; --";

class RecordListingTest : public TempDirTest {
 protected:
  void SetUp() override {
    TempDirTest::SetUp();
    store_ = open_store();
    ASSERT_THAT(store_->apply_registers({records_trainings(), volunteers()}), IsEmpty());
    ids_ = store_->insert_records(
        records_trainings(),
        {record({"2014-12-31", "去年研習", integer(10), 4.0}),               // ROC 103
         record({"2015-01-01", "檔案管理研習", integer(40), 4.5}),           // 104
         record({"2015-03-01", "文書研習", integer(60), std::monostate{}}),  // 104
         record({"2015-06-01", "100% 達成_研習", integer(40), 3.0}),         // 104
         record({"2015-12-31", kInjection, integer(25), 5.0}),               // 104
         record({"2016-01-01", "明年", integer(5), std::monostate{}})});     // 105
    ASSERT_EQ(ids_.size(), 6u);
  }

  // The ids of the listed records, as positions 1…6 of the inserted ones.
  std::vector<int> listed(const RecordQuery& query) {
    std::vector<int> positions;
    for (const StoredRecord& stored : store_->list_records(records_trainings(), query).records) {
      const auto found = std::find(ids_.begin(), ids_.end(), stored.id);
      positions.push_back(found == ids_.end() ? -1 : static_cast<int>(found - ids_.begin()) + 1);
    }
    return positions;
  }
  static RecordQuery where(std::string field_id, FilterOp op, core::FieldValue value) {
    RecordQuery query;
    query.filters.push_back({std::move(field_id), op, std::move(value)});
    return query;
  }

  std::unique_ptr<Store> store_;
  std::vector<std::int64_t> ids_;
};

TEST_F(RecordListingTest, WithoutAQueryListsEveryRecordByIdWithTypedValues) {
  const RecordPage page = store_->list_records(records_trainings(), {});
  EXPECT_EQ(page.total, 6);
  ASSERT_EQ(page.records.size(), 6u);
  const StoredRecord& second = page.records[1];
  EXPECT_EQ(second.id, ids_[1]);
  EXPECT_EQ(second.version, 1);
  ASSERT_EQ(second.record.values.size(), 4u);
  EXPECT_EQ(std::get<std::string>(second.record.values[0]), "2015-01-01");
  EXPECT_EQ(std::get<std::string>(second.record.values[1]), "檔案管理研習");
  EXPECT_EQ(std::get<std::int64_t>(second.record.values[2]), 40);
  EXPECT_EQ(std::get<double>(second.record.values[3]), 4.5);
  EXPECT_TRUE(std::holds_alternative<std::monostate>(page.records[2].record.values[3]));
}

TEST_F(RecordListingTest, YearScopeIsTheOneAggregatesUse) {
  RecordQuery query;
  query.year = 104;
  EXPECT_THAT(listed(query), ElementsAre(2, 3, 4, 5));
  EXPECT_EQ(store_->list_records(records_trainings(), query).total,
            *store_->aggregate(records_trainings(),
                               term(AggregateFunction::count, "records_trainings"), 104));
  query.year = 103;
  EXPECT_THAT(listed(query), ElementsAre(1));
  query.year = 110;
  EXPECT_THAT(listed(query), IsEmpty());
}

TEST_F(RecordListingTest, IntervalRegisterListsEntriesActiveInTheYear) {
  const auto ids = store_->insert_records(
      volunteers(), {record({"王小明", "2010-01-01", std::monostate{}, "導覽"}),
                     record({"李小華", "2014-03-01", "2014-12-31", "服務台"}),
                     record({"陳大文", "2015-07-01", "2016-02-01", "電話問安"}),
                     record({"林美玲", "2016-01-01", std::monostate{}, "導覽"})});
  RecordQuery query;
  query.year = 104;
  const RecordPage page = store_->list_records(volunteers(), query);
  ASSERT_EQ(page.records.size(), 2u);
  EXPECT_EQ(page.records[0].id, ids[0]);
  EXPECT_EQ(page.records[1].id, ids[2]);
  // Combined with a filter, the interval's OR stays inside its own parentheses.
  query.filters.push_back({"service", FilterOp::eq, std::string("電話問安")});
  EXPECT_EQ(store_->list_records(volunteers(), query).total, 1);
}

TEST_F(RecordListingTest, EveryComparisonOperator) {
  EXPECT_THAT(listed(where("title", FilterOp::eq, std::string("文書研習"))), ElementsAre(3));
  EXPECT_THAT(listed(where("participants", FilterOp::lt, integer(25))), ElementsAre(1, 6));
  EXPECT_THAT(listed(where("participants", FilterOp::le, integer(25))), ElementsAre(1, 5, 6));
  EXPECT_THAT(listed(where("participants", FilterOp::gt, integer(40))), ElementsAre(3));
  EXPECT_THAT(listed(where("participants", FilterOp::ge, integer(40))), ElementsAre(2, 3, 4));
  EXPECT_THAT(listed(where("satisfaction", FilterOp::ge, 4.5)), ElementsAre(2, 5));
  EXPECT_THAT(listed(where("held_on", FilterOp::lt, std::string("2015-03-01"))), ElementsAre(1, 2));
}

TEST_F(RecordListingTest, NotEqualKeepsEmptyValuesAndNullFiltersMeanEmpty) {
  EXPECT_THAT(listed(where("satisfaction", FilterOp::ne, 4.5)), ElementsAre(1, 3, 4, 5, 6));
  EXPECT_THAT(listed(where("satisfaction", FilterOp::eq, std::monostate{})), ElementsAre(3, 6));
  EXPECT_THAT(listed(where("satisfaction", FilterOp::ne, std::monostate{})),
              ElementsAre(1, 2, 4, 5));
  EXPECT_THROW(listed(where("satisfaction", FilterOp::lt, std::monostate{})), StoreError);
}

TEST_F(RecordListingTest, ContainsMatchesWildcardCharactersLiterally) {
  EXPECT_THAT(listed(where("title", FilterOp::contains, std::string("研習"))),
              ElementsAre(1, 2, 3, 4));
  EXPECT_THAT(listed(where("title", FilterOp::contains, std::string("%"))), ElementsAre(4));
  EXPECT_THAT(listed(where("title", FilterOp::contains, std::string("_"))), ElementsAre(4));
  EXPECT_THAT(listed(where("title", FilterOp::contains, std::string("0%"))), ElementsAre(4));
  EXPECT_THAT(listed(where("title", FilterOp::contains, std::string("\\"))), IsEmpty());
  EXPECT_THAT(listed(where("title", FilterOp::contains, std::string(""))),
              ElementsAre(1, 2, 3, 4, 5, 6));
  EXPECT_THAT(listed(where("title", FilterOp::contains, std::string("drop table"))),
              ElementsAre(5));
  // A number field is searched as the digits it prints as.
  EXPECT_THAT(listed(where("participants", FilterOp::contains, std::string("4"))),
              ElementsAre(2, 4));
  EXPECT_THROW(listed(where("title", FilterOp::contains, integer(4))), StoreError);
}

TEST_F(RecordListingTest, FiltersAndYearAllHold) {
  RecordQuery query = where("title", FilterOp::contains, std::string("研習"));
  query.filters.push_back({"participants", FilterOp::ge, integer(40)});
  query.year = 104;
  EXPECT_THAT(listed(query), ElementsAre(2, 3, 4));
}

TEST_F(RecordListingTest, SortsByAFieldWithTiesInIdOrder) {
  RecordQuery query;
  query.sort_field = "participants";
  EXPECT_THAT(listed(query), ElementsAre(6, 1, 5, 2, 4, 3));
  query.descending = true;
  EXPECT_THAT(listed(query), ElementsAre(3, 4, 2, 5, 1, 6));
  query.sort_field.clear();
  EXPECT_THAT(listed(query), ElementsAre(6, 5, 4, 3, 2, 1));
}

TEST_F(RecordListingTest, EmptyValuesSortLastInBothDirections) {
  RecordQuery query;
  query.sort_field = "satisfaction";
  EXPECT_THAT(listed(query), ElementsAre(4, 1, 2, 5, 3, 6));
  query.descending = true;
  EXPECT_THAT(listed(query), ElementsAre(5, 2, 1, 4, 6, 3));
}

TEST_F(RecordListingTest, PagesCarryTheTotal) {
  RecordQuery query;
  query.sort_field = "held_on";
  query.limit = 4;
  RecordPage page = store_->list_records(records_trainings(), query);
  EXPECT_EQ(page.total, 6);
  EXPECT_EQ(page.records.size(), 4u);
  query.offset = 4;
  EXPECT_THAT(listed(query), ElementsAre(5, 6));
  query.offset = 100;
  page = store_->list_records(records_trainings(), query);
  EXPECT_EQ(page.total, 6);
  EXPECT_THAT(page.records, IsEmpty());
  query.offset = 0;
  query.limit = 0;
  page = store_->list_records(records_trainings(), query);
  EXPECT_EQ(page.total, 6);
  EXPECT_THAT(page.records, IsEmpty());
}

TEST_F(RecordListingTest, InjectionLookingTextIsMatchedAndReturnedIntact) {
  const RecordPage page = store_->list_records(
      records_trainings(), where("title", FilterOp::eq, std::string(kInjection)));
  ASSERT_EQ(page.records.size(), 1u);
  EXPECT_EQ(std::get<std::string>(page.records[0].record.values[1]), kInjection);
  EXPECT_THAT(listed(where("title", FilterOp::eq, std::string("' OR '1'='1"))), IsEmpty());
  EXPECT_THAT(listed(where("title", FilterOp::contains, std::string("' OR 1=1 --"))), IsEmpty());
  EXPECT_THAT(listed(where("title", FilterOp::contains, std::string("DROP TABLE"))),
              ElementsAre(5));
  EXPECT_TRUE(database().has_table("plans"));
}

TEST_F(RecordListingTest, FieldsOutsideTheRegisterAreRefused) {
  EXPECT_THROW(listed(where("title; DROP TABLE plans; --", FilterOp::eq, std::string("x"))),
               StoreError);
  RecordQuery query;
  query.sort_field = "id";  // a column, but not a field
  EXPECT_THROW(listed(query), StoreError);
  query.sort_field = "participants DESC; DROP TABLE plans";
  EXPECT_THROW(listed(query), StoreError);
  EXPECT_TRUE(database().has_table("plans"));
}

// Keyset pages: each starts after the last id of the one before, so reading a whole
// register costs the same per page however far in (an OFFSET reads every earlier record
// again), and a year narrows them as the list does.
TEST_F(RecordListingTest, RecordsAfterAnIdPageByIdWithinAYearAndTheFilters) {
  const auto positions = [&](const std::vector<StoredRecord>& records) {
    std::vector<int> found;
    for (const auto& stored : records)
      found.push_back(
          static_cast<int>(std::find(ids_.begin(), ids_.end(), stored.id) - ids_.begin()) + 1);
    return found;
  };
  EXPECT_THAT(positions(store_->records_after(records_trainings(), {}, 0, 4)),
              ElementsAre(1, 2, 3, 4));
  EXPECT_THAT(positions(store_->records_after(records_trainings(), {}, ids_[3], 4)),
              ElementsAre(5, 6));
  EXPECT_THAT(positions(store_->records_after(records_trainings(), {104}, 0, 2)),
              ElementsAre(2, 3));
  EXPECT_THAT(positions(store_->records_after(records_trainings(), {104}, ids_[2], 2)),
              ElementsAre(4, 5));
  EXPECT_THAT(store_->records_after(records_trainings(), {104}, ids_[4], 2), IsEmpty());
  EXPECT_THAT(store_->records_after(records_trainings(), {}, 0, 0), IsEmpty());
  // What the filters on screen keep, for an export of the view.
  const RecordScope forty_in_104{104, {{"participants", FilterOp::eq, integer(40)}}};
  EXPECT_THAT(positions(store_->records_after(records_trainings(), forty_in_104, 0, 10)),
              ElementsAre(2, 4));
}

}  // namespace
}  // namespace planscore::store::testing
