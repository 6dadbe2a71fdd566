// Attacks on passwords: guessing from one address is stopped however the guesser mixes in
// sign-ins of an account of its own, guessing at one account slows its sign-ins down but
// never locks its owner out, and one address's failures do not limit another address.
// (How long an answer is held back is the service's decision, tested there; these tests
// check what the server answers.)
#include <gtest/gtest.h>

#include "api_fixture.h"

namespace planscore::test {
namespace {

HttpResult sign_in(HttpClient& client, const std::string& username, const std::string& password) {
  return client.post_json("/api/session",
                          nlohmann::json{{"username", username}, {"password", password}}.dump());
}

// Retry-After in seconds, 0 when the answer has none.
int retry_after(const HttpResult& result) {
  const std::string seconds = result.header("retry-after");
  return seconds.empty() ? 0 : std::stoi(seconds);
}

// How many of `count` wrong guesses at distinct unknown names were answered 429.
int throttled_guesses(HttpClient& client, int count, const std::string& prefix) {
  int throttled = 0;
  for (int attempt = 0; attempt < count; ++attempt) {
    const auto result = sign_in(client, prefix + std::to_string(attempt), "password1");
    EXPECT_TRUE(result.status == 401 || result.status == 429) << result.status << result.body;
    if (result.status == 429) {
      ++throttled;
      EXPECT_GE(retry_after(result), 1);
    }
  }
  return throttled;
}

TEST(AttackPasswordGuessing, SigningInToOnesOwnAccountDoesNotResetTheAddressLimit) {
  ApiWorld world;
  HttpClient client(world.base_url());
  EXPECT_EQ(throttled_guesses(client, 15, "first"), 0);
  ASSERT_EQ(sign_in(client, "t_viewer", world.password("viewer")).status, 201);
  EXPECT_GT(throttled_guesses(client, 15, "second"), 0);
  // Over the address's limit even the right password is refused, before it is checked.
  const auto right = sign_in(client, "t_admin", world.password("admin"));
  EXPECT_EQ(right.status, 429);
  EXPECT_GE(retry_after(right), 1);
}

TEST(AttackPasswordGuessing, GuessesAtAnAccountNeverLockItsOwnerOut) {
  ApiWorld world;
  HttpClient guesser(world.base_url());
  // More wrong guesses than the free ones, so the account is being slowed down.
  for (int attempt = 0; attempt < 6; ++attempt)
    EXPECT_EQ(sign_in(guesser, "t_planner", "guess-guess-guess").status, 401);
  EXPECT_EQ(sign_in(guesser, "t_planner", world.password("planner")).status, 201);

  HttpClient owner(world.base_url());
  owner.set_source_address("127.0.0.2");
  for (int attempt = 0; attempt < 6; ++attempt)
    EXPECT_EQ(sign_in(guesser, "t_editor", "guess-guess-guess").status, 401);
  const auto signed_in = sign_in(owner, "t_editor", world.password("editor"));
  EXPECT_EQ(signed_in.status, 201) << signed_in.body;
  EXPECT_EQ(parse_json(signed_in)["user"]["username"], "t_editor");
}

TEST(AttackPasswordGuessing, AnAddressOverItsLimitDoesNotLimitAnother) {
  ApiWorld world;
  HttpClient guesser(world.base_url());
  EXPECT_GT(throttled_guesses(guesser, 25, "guess"), 0);
  HttpClient colleague(world.base_url());
  colleague.set_source_address("127.0.0.3");
  EXPECT_EQ(sign_in(colleague, "nobody", "password1").status, 401);
  EXPECT_EQ(sign_in(colleague, "t_viewer", world.password("viewer")).status, 201);
}

}  // namespace
}  // namespace planscore::test
