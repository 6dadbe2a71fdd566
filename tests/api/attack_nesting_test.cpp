// Deep nesting in a request body, before sign-in: the body is checked while it is parsed,
// so nothing recursive ever walks it. A 20,000-level object (120 KB) posted to
// /api/session used to kill the server (SIGSEGV in the NUL check); keys of 1,000
// characters nested 1,500 deep took it from 0.6 GB to 1.9 GB.
#include <gtest/gtest.h>

#include "api_fixture.h"

namespace planscore::test {
namespace {

std::string nested_body(int depth, const std::string& key) {
  std::string text;
  for (int i = 0; i < depth; ++i) text += "{\"" + key + "\":";
  return text + "1" + std::string(static_cast<std::size_t>(depth), '}');
}

TEST(AttackNesting, DeepLoginBodiesAreRefusedAndTheServerAnswers) {
  ApiWorld world;
  HttpClient client(world.base_url());
  const std::vector<std::pair<std::string, std::string>> bodies = {
      {"20,000 levels", nested_body(20000, "username")},
      {"1,500 levels of 1,000-character keys", nested_body(1500, std::string(1000, 'k'))},
      {"20,000 arrays", "{\"username\":" + std::string(20000, '[') + std::string(20000, ']') + "}"},
  };
  for (const auto& [what, body] : bodies) {
    const auto result = client.post_json("/api/session", body);
    EXPECT_EQ(result.status, 400) << what << ": " << result.error << result.body.substr(0, 300);
    EXPECT_NE(result.body.find("nested deeper than 65 levels"), std::string::npos)
        << what << ": " << result.body.substr(0, 300);
    EXPECT_TRUE(client.cookie("planscore_session").empty()) << what;
    EXPECT_EQ(client.get("/api/health").status, 200) << "the server answers after " << what;
  }
}

TEST(AttackNesting, ALoginGivingAKeyTwiceIsRefused) {
  ApiWorld world;
  HttpClient client(world.base_url());
  const auto body = R"({"username":"t_viewer","password":"wrong","password":")" +
                    world.password("viewer") + "\"}";
  const auto result = client.post_json("/api/session", body);
  EXPECT_EQ(result.status, 400) << result.body;
  EXPECT_NE(result.body.find("given twice"), std::string::npos) << result.body;
  EXPECT_TRUE(client.cookie("planscore_session").empty());
}

}  // namespace
}  // namespace planscore::test
