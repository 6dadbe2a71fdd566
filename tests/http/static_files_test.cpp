// The web root: files with the right types, index.html for client-side routes, and no way
// out of the root however the path is spelt.
#include "http/static_files.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "http/http_client.h"
#include "http/in_process_server.h"
#include "http/server_process.h"

namespace planscore::http {
namespace {

using test::HttpClient;

class StaticFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    top.write("secret.txt", "outside the root");
    top.write("web/index.html", "<!doctype html><title>planscore</title>");
    top.write("web/app.js", "console.log('hi')");
    top.write("web/style.css", "body{}");
    top.write("web/reports/index.html", "reports");
    top.write("web/font.WOFF2", "font");
    top.write("web/.env", "SECRET=1");
    top.write("web/web-sibling.txt", "inside");
    top.write("web-sibling/evil.txt", "shares a prefix with the root");
    std::filesystem::create_symlink(top.path() / "secret.txt", top.path() / "web/link.txt");
    root = top.path() / "web";

    Router router;
    router.add(test::route("GET", "/api/ping", [](Request&) { return Response::json(200, "{}"); }));
    router.add(test::route("POST", "/upload", [](Request&) { return Response::json(201, "{}"); }));
    auto config = test::test_config();
    config.web_root = root.string();
    server = std::make_unique<test::InProcessServer>(std::move(router), config);
  }

  test::TestDirectory top;
  std::filesystem::path root;
  std::unique_ptr<test::InProcessServer> server;
};

TEST_F(StaticFilesTest, ServesFilesWithTheirTypes) {
  HttpClient client(server->base_url());
  const auto index = client.get("/");
  EXPECT_EQ(index.status, 200);
  EXPECT_EQ(index.body, "<!doctype html><title>planscore</title>");
  EXPECT_EQ(index.header("content-type"), "text/html; charset=utf-8");

  const auto script = client.get("/app.js");
  EXPECT_EQ(script.status, 200);
  EXPECT_EQ(script.body, "console.log('hi')");
  EXPECT_EQ(script.header("content-type"), "text/javascript; charset=utf-8");
  EXPECT_EQ(client.get("/style.css").header("content-type"), "text/css; charset=utf-8");
  EXPECT_EQ(client.get("/font.WOFF2").header("content-type"), "font/woff2");
  EXPECT_EQ(client.get("/reports/").body, "reports");
  EXPECT_EQ(client.get("/reports").body, "reports");
}

TEST_F(StaticFilesTest, ClientRoutesFallBackToIndexButMissingAssetsDoNot) {
  HttpClient client(server->base_url());
  const auto route = client.get("/plan/indicators/abc");
  EXPECT_EQ(route.status, 200);
  EXPECT_EQ(route.header("content-type"), "text/html; charset=utf-8");
  EXPECT_EQ(route.body, "<!doctype html><title>planscore</title>");

  const auto missing = client.get("/missing.js");
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(missing.header("content-type"), "application/problem+json");
}

TEST_F(StaticFilesTest, ApiPathsAndOtherMethodsGoToTheRouter) {
  HttpClient client(server->base_url());
  EXPECT_EQ(client.get("/api/ping").status, 200);
  const auto unknown = client.get("/api/unknown");
  EXPECT_EQ(unknown.status, 404);
  EXPECT_EQ(unknown.header("content-type"), "application/problem+json");
  EXPECT_EQ(client.get("/api").status, 404);
  EXPECT_EQ(client.request("POST", "/upload", "x").status, 201);
}

TEST_F(StaticFilesTest, NoWayOutOfTheRoot) {
  HttpClient client(server->base_url());
  for (const auto* path :
       {"/../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E/secret.txt", "/reports/../../secret.txt",
        "/reports/%2e%2e/%2e%2e/secret.txt", "/..%2fsecret.txt", "/%2e%2e%2fsecret.txt", "/..",
        "/link.txt", "/.env", "/%2eenv", "/../web-sibling/evil.txt", "/..%5csecret.txt",
        "/./app.js"}) {
    const auto result = client.get(path);
    EXPECT_EQ(result.status, 404) << path;
    EXPECT_EQ(result.body.find("outside the root"), std::string::npos) << path;
    EXPECT_EQ(result.body.find("SECRET"), std::string::npos) << path;
    EXPECT_EQ(result.body.find("shares a prefix"), std::string::npos) << path;
  }
  EXPECT_EQ(client.get("/web-sibling.txt").status, 200);
}

TEST_F(StaticFilesTest, HeadHasLengthButNoBody) {
  HttpClient client(server->base_url());
  const auto head = client.request("HEAD", "/app.js");
  EXPECT_EQ(head.status, 200);
  EXPECT_EQ(head.body, "");
  EXPECT_EQ(head.header("content-length"), "17");
}

TEST(StaticFiles, RootMustBeADirectory) {
  EXPECT_THROW(StaticFiles("/no/such/web/root"), std::runtime_error);
}

TEST(StaticFiles, ContentTypes) {
  EXPECT_EQ(content_type_for("a/index.HTML"), "text/html; charset=utf-8");
  EXPECT_EQ(content_type_for("x.svg"), "image/svg+xml");
  EXPECT_EQ(content_type_for("x.json"), "application/json; charset=utf-8");
  EXPECT_EQ(content_type_for("x.unknown"), "application/octet-stream");
  EXPECT_EQ(content_type_for("Makefile"), "application/octet-stream");
}

}  // namespace
}  // namespace planscore::http
