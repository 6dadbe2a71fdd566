// Slow clients: more connections than the server has threads, some sending a request
// header a byte at a time (slowloris) and some sending nothing. Normal requests are
// still answered while they hang, and the server closes them after its read timeout
// (two seconds here) instead of waiting for them.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "api_fixture.h"
#include "http/raw_socket.h"

namespace planscore::test {
namespace {

using namespace std::chrono_literals;

TEST(AttackSlowClients, SlowAndSilentClientsNeitherBlockOthersNorStay) {
  ApiWorld world(false, {"--threads", "2"}, {"PLANSCORE_READ_TIMEOUT_SECONDS=2"});
  const auto port = world.server().port();
  // At 100 ms a byte this header takes about 45 s: far longer than the read timeout.
  const std::string header =
      "GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: " + std::string(400, 'a') +
      "\r\n\r\n";
  constexpr int kSlow = 6, kSilent = 6;

  std::vector<std::unique_ptr<RawSocket>> silent;
  for (int i = 0; i < kSilent; ++i) silent.push_back(std::make_unique<RawSocket>(port));
  std::vector<std::size_t> sent(kSlow, 0);
  std::atomic<int> slow_started{0};
  std::vector<std::thread> slow;
  for (int i = 0; i < kSlow; ++i) {
    slow.emplace_back([&, i] {
      RawSocket socket(port);
      ++slow_started;
      for (const char byte : header) {
        if (socket.closed() || !socket.send(std::string(1, byte))) return;
        ++sent[i];
        std::this_thread::sleep_for(100ms);
      }
    });
  }
  while (slow_started < kSlow) std::this_thread::sleep_for(10ms);

  // Normal clients while those hang: a sign-in, reads and a write, each given far less
  // time than the slow header takes.
  {
    auto editor = world.login("editor");
    editor->client.set_timeout_seconds(10);
    for (int i = 0; i < 10; ++i) {
      EXPECT_EQ(editor->get("/api/health").status, 200);
      EXPECT_EQ(editor->get("/api/registers").status, 200);
    }
    EXPECT_EQ(editor->send("POST", "/api/reviews/105/b1-1/comments", {{"body", "仍可回應"}}).status,
              201);
  }

  for (auto& thread : slow) thread.join();
  for (int i = 0; i < kSlow; ++i)
    EXPECT_LT(sent[i], header.size()) << "slow client " << i << " was never cut off";
  for (int i = 0; i < kSilent; ++i)
    EXPECT_TRUE(silent[i]->wait_for_close(20s)) << "silent client " << i << " is still open";
  EXPECT_EQ(HttpClient(world.base_url()).get("/api/health").status, 200);
}

}  // namespace
}  // namespace planscore::test
