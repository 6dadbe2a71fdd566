// http::Server in this process with test routers, over real HTTP (libcurl): how requests
// reach handlers, the headers every response gets, limits, and graceful shutdown.
#include "http/server.h"

#include <gtest/gtest.h>

#include <atomic>
#include <future>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <thread>

#include "http/http_client.h"
#include "http/in_process_server.h"
#include "http/problem.h"
#include "http/server_process.h"

namespace planscore::http {
namespace {

using namespace std::chrono_literals;
using test::HttpClient;
using test::HttpResult;
using test::InProcessServer;
using test::route;

// Echoes what the handler saw.
Response describe(Request& request) {
  nlohmann::json query = nlohmann::json::object();
  for (const auto& [name, value] : request.query) query[name] = value;
  nlohmann::json params = nlohmann::json::object();
  for (const auto& [name, value] : request.path_params) params[name] = value;
  return Response::json(200, nlohmann::json{{"method", request.method},
                                            {"path", request.path},
                                            {"params", params},
                                            {"query", query},
                                            {"x-test", request.header("X-Test")},
                                            {"session", request.cookie("session").value_or("")},
                                            {"body_bytes", request.body.size()},
                                            {"remote", request.remote_address}}
                                 .dump());
}

Router test_router() {
  Router router;
  router.add(route("GET", "/api/items/{item}", describe));
  router.add(route("POST", "/api/items", describe));
  router.add(route("GET", "/api/fail", [](Request&) -> Response {
    throw std::runtime_error("database password is hunter2");
  }));
  router.add(route("GET", "/api/cookie", [](Request&) {
    auto response = Response::json(200, "{}");
    response.headers.emplace_back("Set-Cookie", "session=s3cr3t; Path=/; HttpOnly");
    return response;
  }));
  router.add(route("GET", "/api/cached", [](Request&) {
    auto response = Response::json(200, "{}");
    response.set_header("Cache-Control", "private, max-age=60");
    return response;
  }));
  return router;
}

void expect_security_headers(const HttpResult& result, const std::string& what) {
  EXPECT_EQ(result.header("content-security-policy")
                .rfind("default-src 'self'; frame-ancestors 'none'", 0),
            0u)
      << what;
  EXPECT_EQ(result.header("x-content-type-options"), "nosniff") << what;
  EXPECT_EQ(result.header("x-frame-options"), "DENY") << what;
  EXPECT_EQ(result.header("referrer-policy"), "no-referrer") << what;
}

TEST(Server, DeliversDecodedPathQueryHeadersAndParameters) {
  InProcessServer server(test_router());
  EXPECT_NE(server.port(), 0);
  EXPECT_EQ(server.server().port(), server.port());
  HttpClient client(server.base_url());
  const auto result = client.request(
      "GET", "/api/items/a%20b%2B%E4%B8%AD?q=x%26y&name=%E9%99%B3+%E5%A4%A7&empty=", "",
      {"X-Test: one", "x-test: two", "Cookie: a=1", "Cookie: session=abc"});
  ASSERT_EQ(result.status, 200) << result.error << result.body;
  const auto body = nlohmann::json::parse(result.body);
  EXPECT_EQ(body["method"], "GET");
  EXPECT_EQ(body["path"], "/api/items/a b+中");
  EXPECT_EQ(body["params"]["item"], "a b+中");
  EXPECT_EQ(body["query"], (nlohmann::json{{"q", "x&y"}, {"name", "陳 大"}, {"empty", ""}}));
  EXPECT_EQ(body["x-test"], "one, two");
  EXPECT_EQ(body["session"], "abc");
  EXPECT_EQ(body["remote"], "127.0.0.1");
}

TEST(Server, DeliversBodies) {
  InProcessServer server(test_router());
  HttpClient client(server.base_url());
  const auto result = client.post_json("/api/items", std::string(5000, 'x'));
  ASSERT_EQ(result.status, 200) << result.error;
  EXPECT_EQ(nlohmann::json::parse(result.body)["body_bytes"], 5000);
  EXPECT_EQ(result.header("content-type"), "application/json; charset=utf-8");
}

TEST(Server, ProblemsForUnknownPathsMethodsAndBadRequests) {
  InProcessServer server(test_router());
  HttpClient client(server.base_url());

  const auto missing = client.get("/api/nothing");
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(missing.header("content-type"), "application/problem+json");
  EXPECT_EQ(nlohmann::json::parse(missing.body)["status"], 404);

  const auto wrong_method = client.request("DELETE", "/api/items");
  EXPECT_EQ(wrong_method.status, 405);
  EXPECT_EQ(wrong_method.header("allow"), "POST");
  EXPECT_EQ(nlohmann::json::parse(wrong_method.body)["title"], "Method Not Allowed");

  const auto bad_path = client.get("/api/items/%zz");
  EXPECT_EQ(bad_path.status, 400);
  EXPECT_EQ(bad_path.header("content-type"), "application/problem+json");
  EXPECT_EQ(client.get("/api/items/%00").status, 400);

  const auto bad_query = client.get("/api/items/x?a=1&b");
  EXPECT_EQ(bad_query.status, 400);
  EXPECT_EQ(bad_query.header("content-type"), "application/problem+json");
}

TEST(Server, HandlerExceptionIsA500ThatHidesTheMessage) {
  test::CapturedLog log;
  InProcessServer server(test_router());
  HttpClient client(server.base_url());
  const auto result = client.get("/api/fail");
  EXPECT_EQ(result.status, 500);
  EXPECT_EQ(result.header("content-type"), "application/problem+json");
  EXPECT_EQ(result.body.find("hunter2"), std::string::npos);
  EXPECT_NE(log.text().find("hunter2"), std::string::npos);
  // The server keeps serving.
  EXPECT_EQ(client.get("/api/items/1").status, 200);
}

TEST(Server, SecurityHeadersOnEveryResponse) {
  test::TestDirectory web;
  web.write("index.html", "<!doctype html><title>planscore</title>");
  auto config = test::test_config();
  config.web_root = web.path().string();
  config.max_body_bytes = 100;
  InProcessServer server(test_router(), config);
  HttpClient client(server.base_url());

  const auto ok = client.get("/api/items/1");
  EXPECT_EQ(ok.status, 200);
  expect_security_headers(ok, "200");
  EXPECT_EQ(ok.header("cache-control"), "no-store");

  expect_security_headers(client.get("/api/nothing"), "404");
  expect_security_headers(client.request("PUT", "/api/items"), "405");
  expect_security_headers(client.get("/api/fail"), "500");
  expect_security_headers(client.get("/api/items/%zz"), "400");
  expect_security_headers(client.post_json("/api/items", std::string(150, 'x')), "413");
  HttpClient fresh(server.base_url());
  const auto page = fresh.get("/");
  EXPECT_EQ(page.status, 200);
  expect_security_headers(page, "static");
  EXPECT_EQ(page.header("cache-control"), "no-cache");
  expect_security_headers(fresh.get("/missing.js"), "static 404");
}

TEST(Server, HandlersMayChooseCacheControl) {
  InProcessServer server(test_router());
  HttpClient client(server.base_url());
  EXPECT_EQ(client.get("/api/cached").header("cache-control"), "private, max-age=60");
}

TEST(Server, StrictTransportSecurityOnlyBehindTls) {
  auto config = test::test_config();
  config.secure_cookies = true;
  InProcessServer secure(test_router(), config);
  EXPECT_EQ(HttpClient(secure.base_url()).get("/api/items/1").header("strict-transport-security"),
            "max-age=31536000");
  InProcessServer plain(test_router());
  EXPECT_EQ(HttpClient(plain.base_url()).get("/api/items/1").header("strict-transport-security"),
            "");
}

TEST(Server, CookiesSetByHandlersReachTheClient) {
  InProcessServer server(test_router());
  HttpClient client(server.base_url());
  ASSERT_EQ(client.get("/api/cookie").status, 200);
  EXPECT_EQ(client.cookie("session"), "s3cr3t");
  const auto echoed = nlohmann::json::parse(client.get("/api/items/1").body);
  EXPECT_EQ(echoed["session"], "s3cr3t");
}

// Bodies over max_body_bytes get 413 while RESTinio still reads them (up to the limit plus
// min(limit, 1 MiB)); beyond that RESTinio drops the connection without an answer.
TEST(Server, OversizedBodies) {
  test::CapturedLog log;
  auto config = test::test_config();
  config.max_body_bytes = 1000;
  InProcessServer server(test_router(), config);
  HttpClient client(server.base_url());

  const auto fits = client.post_json("/api/items", std::string(1000, 'x'));
  EXPECT_EQ(fits.status, 200);

  const auto over = client.post_json("/api/items", std::string(1500, 'x'));
  EXPECT_EQ(over.status, 413);
  EXPECT_EQ(over.header("content-type"), "application/problem+json");
  EXPECT_EQ(over.header("connection"), "close");
  EXPECT_EQ(nlohmann::json::parse(over.body)["status"], 413);

  const auto far_over = client.post_json("/api/items", std::string(100000, 'x'));
  EXPECT_EQ(far_over.status, 0) << "RESTinio now answers oversized bodies: update server.h";

  // Neither costs the server anything.
  HttpClient next(server.base_url());
  EXPECT_EQ(next.get("/api/items/1").status, 200);
  EXPECT_NE(log.text().find("connection"), std::string::npos);
}

TEST(Server, OversizedHeadersDropTheConnection) {
  auto config = test::test_config();
  config.max_header_bytes = 1024;
  InProcessServer server(test_router(), config);
  HttpClient client(server.base_url());
  EXPECT_EQ(client.request("GET", "/api/items/1", "", {"X-Test: " + std::string(900, 'a')}).status,
            200);
  EXPECT_EQ(client.request("GET", "/api/items/1", "", {"X-Test: " + std::string(2000, 'a')}).status,
            0);
  EXPECT_EQ(client.get("/api/items/" + std::string(2000, 'a')).status, 0);
  HttpClient next(server.base_url());
  EXPECT_EQ(next.get("/api/items/1").status, 200);
}

TEST(Server, OneAccessLineForEachRequest) {
  test::CapturedLog log;
  {
    InProcessServer server(test_router());
    HttpClient client(server.base_url());
    client.get("/api/items/a%20b?token=secret");
    client.get("/api/nothing");
  }
  const auto text = log.text();
  EXPECT_NE(text.find("access method=GET path=\"/api/items/a b\" status=200 bytes="),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("access method=GET path=\"/api/nothing\" status=404 bytes="),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("remote=127.0.0.1"), std::string::npos);
  EXPECT_NE(text.find("duration_ms="), std::string::npos);
  EXPECT_EQ(text.find("secret"), std::string::npos) << "queries stay out of the log";
}

TEST(Server, HeadIsGetWithoutBody) {
  InProcessServer server(test_router());
  HttpClient client(server.base_url());
  const auto get = client.get("/api/items/1");
  const auto head = client.request("HEAD", "/api/items/1");
  EXPECT_EQ(head.status, 200);
  EXPECT_EQ(head.body, "");
  EXPECT_EQ(head.header("content-length"), std::to_string(get.body.size()));
}

TEST(Server, StartFailsClearlyWhenThePortIsTaken) {
  InProcessServer first(test_router());
  auto config = test::test_config();
  config.port = first.port();
  Router router = test_router();
  Server second(config, router);
  try {
    second.start();
    FAIL() << "two servers listened on one port";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(
        std::string(e.what()).find("cannot listen on 127.0.0.1:" + std::to_string(first.port())),
        std::string::npos)
        << e.what();
  }
}

TEST(Server, StopWithoutStartAndTwiceIsHarmless) {
  Router router = test_router();
  Server never_started(test::test_config(), router);
  never_started.stop();
  Server twice(test::test_config(), router);
  twice.start();
  twice.stop();
  twice.stop();
}

// A request being handled when shutdown begins still gets its answer; new connections are
// refused from then on.
TEST(Server, GracefulShutdownFinishesRequestsInFlight) {
  std::promise<void> entered;
  std::atomic<bool> entered_once{false};
  Router router;
  router.add(route("GET", "/api/slow", [&](Request&) {
    if (!entered_once.exchange(true)) entered.set_value();
    std::this_thread::sleep_for(800ms);
    return Response::json(200, R"({"done":true})");
  }));
  router.add(route("GET", "/api/fast", [](Request&) { return Response::json(200, "{}"); }));
  Server server(test::test_config(), router);
  const auto port = server.start();
  const std::string base = "http://127.0.0.1:" + std::to_string(port);

  auto slow = std::async(std::launch::async, [&] { return HttpClient(base).get("/api/slow"); });
  entered.get_future().wait();
  const auto stop_started = std::chrono::steady_clock::now();
  server.stop();
  const auto stop_took = std::chrono::steady_clock::now() - stop_started;

  const auto result = slow.get();
  EXPECT_EQ(result.status, 200) << result.error;
  EXPECT_EQ(result.body, R"({"done":true})");
  EXPECT_EQ(result.header("connection"), "close");
  EXPECT_LT(stop_took, 5s);
  EXPECT_EQ(HttpClient(base).get("/api/fast").status, 0);
}

TEST(Server, ShutdownClosesIdleKeepAliveConnections) {
  Router router = test_router();
  Server server(test::test_config(), router);
  const auto port = server.start();
  HttpClient client("http://127.0.0.1:" + std::to_string(port));
  ASSERT_EQ(client.get("/api/items/1").status, 200);  // leaves a kept-alive connection
  const auto stop_started = std::chrono::steady_clock::now();
  server.stop();
  EXPECT_LT(std::chrono::steady_clock::now() - stop_started, 2s);
  EXPECT_EQ(client.get("/api/items/1").status, 0);
}

}  // namespace
}  // namespace planscore::http
