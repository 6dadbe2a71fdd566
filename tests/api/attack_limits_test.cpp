// Every route that takes a body, sent the largest and deepest input its limits allow and
// one just past them, without a session and with an administrator's: each is answered
// with a 4xx (or, at the limit, accepted), the server answers the next request, and its
// peak resident memory for the case stays bounded. The routes come from the server's own
// table, so a new route is covered without being listed here.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "api_fixture.h"
#include "http/api/api.h"

namespace planscore::test {
namespace {

constexpr std::size_t kMaxBody = 16 * 1024 * 1024;  // max_body_bytes by default
constexpr int kMaxJsonDepth = 65;                   // client_input.cpp
constexpr std::size_t kMaxPlanBytes = 5 * 1024 * 1024;
constexpr int kMaxPlanDepth = 64;
constexpr std::size_t kMaxEvidenceBytes = 10 * 1024 * 1024;

// Under the sanitizers every allocation carries shadow memory and freed blocks wait in a
// quarantine, so the same work needs several times the memory.
#if defined(__SANITIZE_ADDRESS__)
constexpr long kPeakBoundMb = 1500;
#else
constexpr long kPeakBoundMb = 400;
#endif

long status_kb(pid_t pid, const std::string& key) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/status");
  for (std::string line; std::getline(in, line);)
    if (line.rfind(key + ":", 0) == 0) return std::stol(line.substr(key.size() + 1));
  return -1;
}

// Starts a new peak: the kernel resets VmHWM to the current RSS.
void reset_peak(pid_t pid) {
  std::ofstream("/proc/" + std::to_string(pid) + "/clear_refs") << "5";
}

// {"k":{"k":…"x"…}} `depth` levels deep.
std::string nested_json(int depth, const std::string& key = "k") {
  std::string text;
  for (int i = 0; i < depth; ++i) text += "{\"" + key + "\":";
  text += "\"x\"";
  text.append(static_cast<std::size_t>(depth), '}');
  return text;
}

// A plan-shaped YAML mapping `depth` levels deep, padded with a comment to `bytes`.
std::string nested_yaml(int depth, std::size_t bytes = 0) {
  std::string text = "id: x\nname: ";
  for (int i = 0; i < depth; ++i) text += "[";
  for (int i = 0; i < depth; ++i) text += "]";
  text += "\n";
  if (bytes > text.size() + 2) text += "#" + std::string(bytes - text.size() - 2, 'a') + "\n";
  return text;
}

struct Case {
  std::string name;
  std::string content_type;
  std::string body;
  bool past_limit = true;  // must be refused; within the limits a route may take it
};

class AttackLimits : public ::testing::Test {
 protected:
  void SetUp() override {
    world_ = std::make_unique<ApiWorld>();
    admin_ = world_->login("admin");
  }

  // Sends `c` to the route as `who` (nullptr: no session) and checks the outcome.
  void send(const http::Route& route, const Case& c, ApiSession* who) {
    const auto pid = world_->server().pid();
    reset_peak(pid);
    const std::string path =
        concrete_path(route.pattern) +
        (route.pattern.find("/evidence") != std::string::npos ? "?file_name=limit.txt" : "");
    const std::string what = route.method + " " + route.pattern + " " + c.name +
                             (who ? " (signed in)" : " (no session)");
    HttpResult result;
    if (who) {
      result = who->send_raw(route.method, path, c.body, c.content_type);
    } else {
      HttpClient anonymous(world_->base_url());
      result = anonymous.request(route.method, path, c.body, {"Content-Type: " + c.content_type});
    }
    // Validation answers 200 with its verdict: a refused file is one found not valid.
    const bool found_invalid = route.pattern == "/api/plan/validate" && result.status == 200 &&
                               result.body.find("\"valid\":false") != std::string::npos;
    const bool refused = (result.status >= 400 && result.status < 500) || found_invalid;
    const bool dropped = result.status == 0;  // RESTinio drops far-oversized bodies (server.h)
    if (c.past_limit)
      EXPECT_TRUE(refused || dropped)
          << what << ": " << result.status << " " << result.body.substr(0, 300);
    else
      EXPECT_TRUE(refused || (result.status >= 200 && result.status < 300))
          << what << ": " << result.status << " " << result.body.substr(0, 300);
    HttpClient health(world_->base_url());
    health.set_timeout_seconds(20);
    ASSERT_EQ(health.get("/api/health").status, 200)
        << "the server stopped answering after " << what;
    const long peak_mb = status_kb(pid, "VmHWM") / 1024;
    peaks_.push_back(what + ": " + std::to_string(result.status) + ", peak " +
                     std::to_string(peak_mb) + " MB");
    EXPECT_LT(peak_mb, kPeakBoundMb) << what;
  }

  void TearDown() override {
    std::ostringstream all;
    for (const auto& line : peaks_) all << line << "\n";
    RecordProperty("peaks", all.str());
    std::cout << all.str();
  }

  std::unique_ptr<ApiWorld> world_;
  std::unique_ptr<ApiSession> admin_;
  std::vector<std::string> peaks_;
};

// Routes that read no body: only the server's own size limit concerns them.
bool reads_no_body(const http::Route& route) {
  return route.method == "DELETE" || route.pattern.ends_with("/lock");
}

bool reads_a_file(const http::Route& route) {
  return route.pattern == "/api/plan/import" || route.pattern == "/api/plan/validate" ||
         route.pattern.ends_with("/import") || route.pattern.ends_with("/evidence");
}

std::vector<Case> size_cases(const std::string& content_type) {
  const auto padded = [](std::size_t bytes) {
    const std::string open = "{\"x\":\"", close = "\"}";
    return open + std::string(bytes - open.size() - close.size(), 'a') + close;
  };
  return {{"a body at the size limit", content_type, padded(kMaxBody), false},
          {"a body one byte past the size limit", content_type, padded(kMaxBody + 1)}};
}

std::vector<Case> json_cases() {
  return {
      {"JSON at the depth limit", "application/json", nested_json(kMaxJsonDepth), false},
      {"JSON one level too deep", "application/json", nested_json(kMaxJsonDepth + 1)},
      {"JSON 20,000 levels deep", "application/json", nested_json(20000)},
      {"JSON of 1,000-character keys 1,500 deep", "application/json",
       nested_json(1500, std::string(1000, 'k'))},
      {"JSON with a key given twice", "application/json", R"({"a":1,"a":2})"},
  };
}

std::vector<Case> file_cases(const http::Route& route) {
  if (route.pattern == "/api/plan/import" || route.pattern == "/api/plan/validate")
    return {
        {"YAML at the nesting limit", "application/yaml", nested_yaml(kMaxPlanDepth), false},
        {"YAML one level too deep", "application/yaml", nested_yaml(kMaxPlanDepth + 1)},
        {"YAML 5 MB deep", "application/yaml", std::string(kMaxPlanBytes, '[')},
        {"YAML at the size limit", "application/yaml", nested_yaml(10, kMaxPlanBytes), false},
        {"YAML one byte past the size limit", "application/yaml",
         nested_yaml(10, kMaxPlanBytes + 1)},
    };
  if (route.pattern.ends_with("/import")) {
    const std::string head = "held_on,title,participants\n2016-04-01,";
    return {
        {"CSV at the body limit", "text/csv",
         head + std::string(kMaxBody - head.size() - 3, 'a') + ",1\n", false},
        {"CSV with a title past its length limit", "text/csv",
         head + std::string(3000, 'a') + ",1\n"},
        {"CSV of one field quoted open to the end", "text/csv",
         head + "\"" + std::string(kMaxBody - head.size() - 1, 'a')},
    };
  }
  return {
      {"evidence at its limit", "text/plain", std::string(kMaxEvidenceBytes, 'a'), false},
      {"evidence one byte past its limit", "text/plain", std::string(kMaxEvidenceBytes + 1, 'a')},
  };
}

TEST_F(AttackLimits, EveryRouteThatTakesABodyRefusesWhatIsPastItsLimitsAndStaysUp) {
  const auto router = http::make_api_router({});
  int sent = 0;
  for (const auto& route : router.routes()) {
    if (!route.changes_state) continue;
    auto cases = size_cases(reads_a_file(route) ? "application/octet-stream" : "application/json");
    if (!reads_no_body(route))
      for (auto& c : reads_a_file(route) ? file_cases(route) : json_cases())
        cases.push_back(std::move(c));
    for (const auto& c : cases) {
      // Signing out would end the administrator's session for the cases after it.
      if (route.method == "DELETE" && route.pattern == "/api/session") continue;
      if (route.needs_session) send(route, c, nullptr);
      send(route, c, admin_.get());
      ++sent;
      if (HasFatalFailure()) return;
    }
  }
  EXPECT_GT(sent, 60);
}

}  // namespace
}  // namespace planscore::test
