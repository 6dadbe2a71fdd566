// The sign-in route hands the account's slowdown to the server as the response's
// send_after, right password or wrong. The router is called in-process on an ApiWorld's
// database, so the test reads the delay without waiting for it.
#include <gtest/gtest.h>

#include "api_fixture.h"
#include "http/api/api.h"

namespace planscore::test {
namespace {

TEST(SignInDelay, ASlowedDownAccountsAnswersAreHeldBackRightOrWrong) {
  ApiWorld world;
  http::ApiOptions options;
  options.database_url = world.database();
  const http::Router router = http::make_api_router(options);
  auto sign_in = [&](const std::string& password) {
    http::Request request;
    request.method = "POST";
    request.path = "/api/session";
    request.headers = {{"content-type", "application/json"}, {"host", "planscore.test"}};
    request.body = nlohmann::json{{"username", "t_planner"}, {"password", password}}.dump();
    request.remote_address = "192.0.2.1";
    return router.dispatch(request);
  };
  using std::chrono::milliseconds;
  for (int attempt = 0; attempt < 6; ++attempt) {
    const auto refused = sign_in("guess-guess-guess");
    EXPECT_EQ(refused.status, 401);
    EXPECT_EQ(refused.send_after, milliseconds(0));
  }
  const auto slowed = sign_in("guess-guess-guess");
  EXPECT_EQ(slowed.status, 401);
  EXPECT_EQ(slowed.send_after, milliseconds(1000));
  const auto signed_in = sign_in(world.password("planner"));
  EXPECT_EQ(signed_in.status, 201) << signed_in.body;
  EXPECT_EQ(signed_in.send_after, milliseconds(2000));
}

}  // namespace
}  // namespace planscore::test
