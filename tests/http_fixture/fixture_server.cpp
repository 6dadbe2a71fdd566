// A stand-in for `planscore serve` that answers from a fixed router, for tests of the
// server process itself (listening line, signals, exit code) while the JSON API is
// elsewhere. Arguments are settings: --port 0 --max-body-bytes 1KiB …
//   GET /api/health          {"status":"ok"}
//   GET /api/slow?ms=N       waits N milliseconds, then {"slept":N}
#include <chrono>
#include <iostream>
#include <string>
#include <thread>

#include "http/config.h"
#include "http/logging.h"
#include "http/router.h"
#include "http/server.h"

using namespace planscore::http;

int main(int argc, char** argv) {
  ConfigSources sources;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string key = argv[i];
    if (key.rfind("--", 0) != 0) {
      std::cerr << "error: expected --setting VALUE, got " << key << "\n";
      return 2;
    }
    key = key.substr(2);
    for (auto& c : key)
      if (c == '-') c = '_';
    sources.flags.emplace_back(key, argv[i + 1]);
  }
  try {
    const auto config = resolve_server_config(sources);
    configure_logging(config.log_file);
    Router router;
    Route health;
    health.method = "GET";
    health.pattern = "/api/health";
    health.needs_session = false;
    health.handler = [](Request&) { return Response::json(200, R"({"status":"ok"})"); };
    router.add(health);
    Route slow;
    slow.method = "GET";
    slow.pattern = "/api/slow";
    slow.needs_session = false;
    slow.handler = [](Request& request) {
      const auto ms = std::stoi(request.query_value("ms").value_or("0"));
      std::this_thread::sleep_for(std::chrono::milliseconds(ms));
      return Response::json(200, "{\"slept\":" + std::to_string(ms) + "}");
    };
    router.add(slow);
    Server server(config, router);
    return server.run();
  } catch (const ConfigError& e) {
    std::cerr << "error: " << e.what() << "\n";
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "error: " << e.what() << "\n";
    return 1;
  }
}
