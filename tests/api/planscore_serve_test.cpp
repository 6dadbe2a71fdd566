// `planscore serve` itself, started the way the API tests start it: it listens, answers
// /api/health with the security headers, and exits 0 on SIGTERM.
#include <gtest/gtest.h>

#include "http/http_client.h"
#include "http/server_process.h"

namespace planscore::test {
namespace {

TEST(PlanscoreServe, ServesHealthAndStopsCleanly) {
  TestDirectory dir;
  const auto init = run_planscore(dir.database(), {"init"});
  ASSERT_EQ(init.exit_code, 0) << init.err;

  auto server = ServerProcess::serve(dir.database());
  HttpClient client(server->base_url());
  const auto health = client.get("/api/health");
  EXPECT_EQ(health.status, 200) << health.error;
  EXPECT_EQ(health.header("x-content-type-options"), "nosniff");
  EXPECT_EQ(health.header("cache-control"), "no-store");
  EXPECT_EQ(server->stop(), 0) << server->log();
  EXPECT_NE(server->log().find("access method=GET path=\"/api/health\" status=200"),
            std::string::npos)
      << server->log();
}

TEST(PlanscoreServe, BadFlagExitsWithTwo) {
  TestDirectory dir;
  const auto result = run_planscore(dir.database(), {"serve", "--port", "http"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_EQ(result.err, "error: command line: --port: 'http' is not a port number\n");
}

}  // namespace
}  // namespace planscore::test
