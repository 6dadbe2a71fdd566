// The record query compiler on its own: SQL shape, placeholders, bound values.
#include "store/record_query_sql.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "store/store_test_support.h"

namespace planscore::store::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;

TEST(RecordQuerySqlTest, FiltersYearSortAndPageAreAllPlaceholders) {
  RecordQuery query;
  query.filters = {{"title", FilterOp::eq, std::string("x'; DROP TABLE plans; --")},
                   {"participants", FilterOp::ge, std::int64_t{40}}};
  query.year = 104;
  query.sort_field = "held_on";
  query.descending = true;
  query.offset = 20;
  query.limit = 10;
  const CompiledRecordQuery compiled = compile_record_query(records_trainings(), query);
  EXPECT_EQ(compiled.count_sql,
            "SELECT COUNT(*) FROM reg_records_trainings WHERE (f_title = :p1) AND "
            "(f_participants >= :p2) AND (f_held_on BETWEEN :p3 AND :p4)");
  EXPECT_EQ(compiled.page_sql,
            "SELECT id, version, f_held_on, f_title, f_participants, f_satisfaction FROM "
            "reg_records_trainings WHERE (f_title = :p1) AND (f_participants >= :p2) AND "
            "(f_held_on BETWEEN :p3 AND :p4) ORDER BY (f_held_on IS NULL), f_held_on DESC, id "
            "DESC LIMIT :p5 OFFSET :p6");
  EXPECT_THAT(compiled.page_sql, Not(HasSubstr("DROP")));
  EXPECT_THAT(
      compiled.count_parameters,
      ElementsAre(SqlValue(std::string("x'; DROP TABLE plans; --")), SqlValue(std::int64_t{40}),
                  SqlValue(std::string("2015-01-01")), SqlValue(std::string("2015-12-31"))));
  EXPECT_EQ(compiled.page_parameters.size(), 6u);
  EXPECT_EQ(compiled.page_parameters[4], SqlValue(std::int64_t{10}));
  EXPECT_EQ(compiled.page_parameters[5], SqlValue(std::int64_t{20}));
}

TEST(RecordQuerySqlTest, ContainsEscapesLikeWildcards) {
  RecordQuery query;
  query.filters = {{"title", FilterOp::contains, std::string("50%_a\\b")}};
  const CompiledRecordQuery compiled = compile_record_query(records_trainings(), query);
  EXPECT_THAT(compiled.count_sql, HasSubstr("LOWER(f_title) LIKE :p1 ESCAPE '\\'"));
  EXPECT_THAT(compiled.count_parameters, ElementsAre(SqlValue(std::string("%50\\%\\_a\\\\b%"))));
}

TEST(RecordQuerySqlTest, WithoutFiltersListsByIdAndClampsThePage) {
  RecordQuery query;
  query.offset = -5;
  query.limit = -1;
  const CompiledRecordQuery compiled = compile_record_query(volunteers(), query);
  EXPECT_EQ(compiled.count_sql, "SELECT COUNT(*) FROM reg_volunteers");
  EXPECT_THAT(compiled.page_sql, HasSubstr("FROM reg_volunteers ORDER BY id ASC LIMIT :p1 "
                                           "OFFSET :p2"));
  EXPECT_THAT(compiled.page_parameters,
              ElementsAre(SqlValue(std::int64_t{0}), SqlValue(std::int64_t{0})));
}

TEST(RecordQuerySqlTest, UnknownFieldsAreStoreErrors) {
  RecordQuery query;
  query.filters = {{"nope", FilterOp::eq, std::string("x")}};
  EXPECT_THROW(compile_record_query(records_trainings(), query), StoreError);
  query.filters.clear();
  query.sort_field = "nope";
  EXPECT_THROW(compile_record_query(records_trainings(), query), StoreError);
}

}  // namespace
}  // namespace planscore::store::testing
