#pragma once
// Runs http::Server inside the test process on a free loopback port, with a router the
// test builds, and captures what the server logs.
#include <spdlog/sinks/base_sink.h>
#include <spdlog/spdlog.h>

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "http/config.h"
#include "http/router.h"
#include "http/server.h"

namespace planscore::test {

inline http::ServerConfig test_config() {
  http::ServerConfig config;
  config.address = "127.0.0.1";
  config.port = 0;
  config.threads = 2;
  return config;
}

inline http::Route route(std::string method, std::string pattern, http::Handler handler) {
  http::Route route;
  route.method = std::move(method);
  route.pattern = std::move(pattern);
  route.handler = std::move(handler);
  return route;
}

class InProcessServer {
 public:
  explicit InProcessServer(http::Router router, http::ServerConfig config = test_config())
      : router_(std::move(router)), server_(std::move(config), router_) {
    port_ = server_.start();
  }
  ~InProcessServer() { server_.stop(); }

  std::string base_url() const { return "http://127.0.0.1:" + std::to_string(port_); }
  std::uint16_t port() const { return port_; }
  http::Server& server() { return server_; }

 private:
  http::Router router_;  // before the server, which refers to it
  http::Server server_;
  std::uint16_t port_ = 0;
};

// Replaces spdlog's default logger for the test's lifetime; text() is every line so far.
class CapturedLog {
 public:
  CapturedLog() : sink_(std::make_shared<Sink>()), previous_(spdlog::default_logger()) {
    auto logger = std::make_shared<spdlog::logger>("test", sink_);
    logger->set_level(spdlog::level::trace);
    spdlog::set_default_logger(logger);
  }
  ~CapturedLog() { spdlog::set_default_logger(previous_); }

  std::string text() const { return sink_->text(); }

 private:
  class Sink : public spdlog::sinks::base_sink<std::mutex> {
   public:
    std::string text() {
      std::lock_guard lock(mutex_);
      return text_;
    }

   protected:
    void sink_it_(const spdlog::details::log_msg& message) override {
      text_.append(message.payload.data(), message.payload.size());
      text_ += '\n';
    }
    void flush_() override {}

   private:
    std::string text_;
  };

  std::shared_ptr<Sink> sink_;
  std::shared_ptr<spdlog::logger> previous_;
};

}  // namespace planscore::test
