// Checking a record list request before it becomes SQL (service/record_list.h), with the
// refusals the fuzzer found as 500s or wrong years.
#include <gtest/gtest.h>

#include "service/failure.h"
#include "service/record_list.h"

namespace planscore::service {
namespace {

core::FieldDef field(std::string id, core::FieldType type) {
  core::FieldDef def;
  def.id = std::move(id);
  def.name = def.id;
  def.type = type;
  return def;
}

class RecordListQuery : public ::testing::Test {
 protected:
  RecordListQuery() {
    core::RegisterDef reg;
    reg.id = "trainings";
    reg.time_basis = core::TimeBasis::date;
    reg.time_field = "held_at";
    reg.fields = {field("held_at", core::FieldType::date),
                  field("participants", core::FieldType::integer)};
    plan_.registers = {reg};
  }

  // The problems of a refused request; fails the test when it is accepted.
  core::Problems refusal(const RecordListRequest& request) {
    try {
      record_list_query(plan_, plan_.registers.front(), request);
    } catch (const Failure& failure) {
      EXPECT_EQ(failure.kind, FailureKind::invalid);
      return failure.problems;
    }
    ADD_FAILURE() << "the request was accepted";
    return {};
  }

  core::Plan plan_;
};

TEST_F(RecordListQuery, OrderingAgainstAnEmptyValueIsRefusedNotPassedToTheStore) {
  // Found by fuzz_query_filters: ?filter=participants:lt: reached the SQL builder, which
  // cannot express it and threw a StoreError (a 500).
  for (const std::string op : {"lt", "le", "gt", "ge"}) {
    RecordListRequest request;
    request.filters.push_back({"participants", op, ""});
    const auto problems = refusal(request);
    ASSERT_EQ(problems.size(), 1u) << op;
    EXPECT_EQ(problems.front().path, "filter[0]");
    EXPECT_NE(problems.front().message.find("needs a value"), std::string::npos);
  }
}

TEST_F(RecordListQuery, EqualsAndNotEqualsAnEmptyValueStillAskForEmptyOrFilledFields) {
  // Even for a field with a default: the filter asks for empty fields, not for the default.
  plan_.registers.front().fields[1].default_value = "1";
  for (const std::string op : {"eq", "ne"}) {
    RecordListRequest request;
    request.filters.push_back({"participants", op, ""});
    const auto query = record_list_query(plan_, plan_.registers.front(), request);
    ASSERT_EQ(query.filters.size(), 1u);
    EXPECT_TRUE(std::holds_alternative<std::monostate>(query.filters.front().value));
  }
}

TEST_F(RecordListQuery, NewestComeFirstUnlessASortIsGiven) {
  auto query = record_list_query(plan_, plan_.registers.front(), {});
  EXPECT_EQ(query.sort_field, "held_at");
  EXPECT_TRUE(query.descending);
  RecordListRequest by_id;
  by_id.sort = "id";
  query = record_list_query(plan_, plan_.registers.front(), by_id);
  EXPECT_EQ(query.sort_field, "");
  EXPECT_FALSE(query.descending);
  // A register without a time field lists the last entered first.
  plan_.registers.front().time_field.clear();
  query = record_list_query(plan_, plan_.registers.front(), {});
  EXPECT_EQ(query.sort_field, "");
  EXPECT_TRUE(query.descending);
}

TEST_F(RecordListQuery, YearOutsideTheRocCalendarIsRefused) {
  // Found by fuzz_query_filters: year 2147483647 overflowed when turned into Gregorian
  // dates (2147483647 + 1911).
  for (const int year : {0, -5, 10000, 2147483647}) {
    RecordListRequest request;
    request.year = year;
    const auto problems = refusal(request);
    ASSERT_EQ(problems.size(), 1u) << year;
    EXPECT_EQ(problems.front().path, "year");
  }
  RecordListRequest request;
  request.year = 104;
  EXPECT_EQ(record_list_query(plan_, plan_.registers.front(), request).year, 104);
}

}  // namespace
}  // namespace planscore::service
