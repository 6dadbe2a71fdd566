// Everything people write is bounded, with a refusal that names the field and the bound
// and writes nothing: record values (core::parse_field_value), manual values and their
// notes, comments, explanations, unlock reasons and display names. Limits count
// characters, so Chinese text gets as many characters as the web app's inputs allow.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "service/accounts.h"
#include "service/failure.h"
#include "service/manual_values.h"
#include "service/records.h"
#include "service/reviews.h"
#include "service/year_locks.h"
#include "service_test_support.h"

namespace planscore::service {
namespace {

using ::testing::HasSubstr;

std::string chinese(std::size_t characters) {
  std::string text;
  for (std::size_t i = 0; i < characters; ++i) text += "字";
  return text;
}

// The first problem of the Failure `action` throws, as "path: message".
template <typename Action>
std::string refusal(Action action) {
  try {
    action();
  } catch (const Failure& failure) {
    if (failure.problems.empty()) return std::string("no problems: ") + failure.what();
    return failure.problems.front().path + ": " + failure.problems.front().message;
  }
  return "accepted";
}

class TextLimits : public ::testing::Test {
 protected:
  void SetUp() override { plan_ = planscore::testing::import_shipped_plan(db_.store()); }

  std::int64_t trainings() {
    return db_.store().count_records(*plan_.find_register("records_trainings"));
  }

  planscore::testing::TempDatabase db_;
  core::Plan plan_;
};

TEST_F(TextLimits, RecordValuesOutOfBoundsAreRefusedNamingTheBound) {
  auto add = [&](const std::string& title, const std::string& participants) {
    return add_record(db_.store(), plan_, system_actor(), "records_trainings",
                      {{"held_on", "2015-03-01"}, {"title", title}, {"participants", participants}})
        .problems;
  };
  const auto megabyte = add(std::string(1024 * 1024, 'a'), "3");
  ASSERT_EQ(megabyte.size(), 1u);
  EXPECT_EQ(megabyte[0].path, "title");
  EXPECT_EQ(megabyte[0].message,
            "the text has 1,048,576 characters; a text field takes at most 2,000");
  const auto huge = add("研習", "9223372036854775807");
  ASSERT_EQ(huge.size(), 1u);
  EXPECT_EQ(huge[0].path, "participants");
  EXPECT_THAT(huge[0].message, HasSubstr("is more than 1,000,000,000,000"));
  EXPECT_EQ(trainings(), 0);
  EXPECT_TRUE(add(chinese(2000), "1000000000000").empty());
  EXPECT_EQ(trainings(), 1);
}

TEST_F(TextLimits, ManualValuesAndTheirNotesAreBounded) {
  auto set = [&](double value, const std::string& note) {
    return refusal([&] {
      set_manual_value(db_.store(), plan_, system_actor(), "b1-1", 104, value, note, std::nullopt);
    });
  };
  EXPECT_EQ(set(3.69e18, "主計處"),
            "value: the value must lie within ±1,000,000,000,000, as any figure");
  EXPECT_EQ(set(520, chinese(2001)), "note: at most 2,000 characters (this has 2,001)");
  EXPECT_TRUE(db_.store().manual_values(plan_.id).empty());
  EXPECT_EQ(set(520, chinese(2000)), "accepted");
}

TEST_F(TextLimits, CommentsAndExplanationsCountCharactersNotBytes) {
  // 20,000 Chinese characters are 60,000 bytes: what the web app's textarea lets through.
  EXPECT_EQ(refusal([&] {
              add_comment(db_.store(), plan_, system_actor(), "b1-1", 104, chinese(20000));
            }),
            "accepted");
  EXPECT_EQ(refusal([&] {
              add_comment(db_.store(), plan_, system_actor(), "b1-1", 104, chinese(20001));
            }),
            "body: at most 20,000 characters (this has 20,001)");
  EXPECT_EQ(refusal([&] {
              save_explanation(db_.store(), plan_, system_actor(), "b1-1", 104, chinese(20001), 0);
            }),
            "explanation: at most 20,000 characters (this has 20,001)");
  EXPECT_EQ(refusal([&] {
              save_explanation(db_.store(), plan_, system_actor(), "b1-1", 104, chinese(20000), 0);
            }),
            "accepted");
}

TEST_F(TextLimits, AnUnlockReasonIsBounded) {
  // Refused for its length before anything else is looked at (the year is not even locked).
  EXPECT_EQ(refusal([&] { unlock_year(db_.store(), plan_, system_actor(), 104, chinese(2001)); }),
            "reason: at most 2,000 characters (this has 2,001)");
}

TEST_F(TextLimits, DisplayNamesAreBounded) {
  const auto count = db_.store().count_users();
  EXPECT_EQ(refusal([&] {
              create_user(db_.store(), system_actor(), &plan_,
                          {"chen", chinese(101), "another long password", "viewer", ""});
            }),
            "display_name: at most 100 characters (this has 101)");
  EXPECT_EQ(db_.store().count_users(), count);
  const auto user = create_user(db_.store(), system_actor(), &plan_,
                                {"chen", chinese(100), "another long password", "viewer", ""});
  UserChange change;
  change.version = user.version;
  change.display_name = std::string(101, 'a');
  EXPECT_EQ(refusal([&] { update_user(db_.store(), system_actor(), &plan_, user.id, change); }),
            "display_name: at most 100 characters (this has 101)");
}

}  // namespace
}  // namespace planscore::service
