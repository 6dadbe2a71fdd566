// Server settings: defaults ← YAML file ← environment ← flags, and errors that name the
// source and key of a bad value.
#include "http/config.h"

#include <gtest/gtest.h>

#include <map>

#include "http/server_process.h"

namespace planscore::http {
namespace {

Environment environment_of(std::map<std::string, std::string> variables) {
  return [variables = std::move(variables)](const std::string& name) -> std::optional<std::string> {
    auto found = variables.find(name);
    if (found == variables.end()) return std::nullopt;
    return found->second;
  };
}

std::string error_of(const std::function<void()>& action) {
  try {
    action();
  } catch (const ConfigError& e) {
    return e.what();
  }
  return "(no error)";
}

TEST(Config, Defaults) {
  const ServerConfig config;
  EXPECT_EQ(config.address, "127.0.0.1");
  EXPECT_EQ(config.port, 8080);
  EXPECT_GE(config.threads, 2u);
  EXPECT_LE(config.threads, 16u);
  EXPECT_EQ(config.max_body_bytes, 16u * 1024 * 1024);
  EXPECT_EQ(config.max_header_bytes, 16u * 1024);
  EXPECT_EQ(config.session_idle_minutes, 30);
  EXPECT_FALSE(config.secure_cookies);
  EXPECT_TRUE(config.web_root.empty());
  EXPECT_TRUE(config.log_file.empty());
}

TEST(Config, YamlSetsEveryKey) {
  test::TestDirectory dir;
  ServerConfig config;
  apply_config_yaml(config,
                    "address: 0.0.0.0\n"
                    "port: 9000\n"
                    "threads: 3\n"
                    "max_body_bytes: 2MiB\n"
                    "max_header_bytes: 8 KiB\n"
                    "read_timeout_seconds: 5\n"
                    "request_timeout_seconds: 7\n"
                    "max_connections: 10\n"
                    "web_root: " +
                        dir.path().string() +
                        "\n"
                        "session_idle_minutes: 15\n"
                        "secure_cookies: yes\n"
                        "database_url: sqlite:/srv/planscore.db\n"
                        "log_file: /var/log/planscore.log\n",
                    "config.yaml");
  EXPECT_EQ(config.address, "0.0.0.0");
  EXPECT_EQ(config.port, 9000);
  EXPECT_EQ(config.threads, 3u);
  EXPECT_EQ(config.max_body_bytes, 2u * 1024 * 1024);
  EXPECT_EQ(config.max_header_bytes, 8u * 1024);
  EXPECT_EQ(config.read_timeout, std::chrono::seconds(5));
  EXPECT_EQ(config.request_timeout, std::chrono::seconds(7));
  EXPECT_EQ(config.max_connections, 10u);
  EXPECT_EQ(config.web_root, dir.path().string());
  EXPECT_EQ(config.session_idle_minutes, 15);
  EXPECT_TRUE(config.secure_cookies);
  EXPECT_EQ(config.database_url, "sqlite:/srv/planscore.db");
  EXPECT_EQ(config.log_file, "/var/log/planscore.log");
}

TEST(Config, LaterSourcesOverrideEarlierOnes) {
  test::TestDirectory dir;
  const auto file = dir.write("planscore.yaml", "port: 9000\nthreads: 3\naddress: 0.0.0.0\n");
  const auto environment = environment_of({{"PLANSCORE_PORT", "9100"}, {"PLANSCORE_THREADS", "4"}});
  const auto config =
      resolve_server_config({.config_file = file, .flags = {{"port", "9200"}}}, environment);
  EXPECT_EQ(config.port, 9200);             // flag over environment over file
  EXPECT_EQ(config.threads, 4u);            // environment over file
  EXPECT_EQ(config.address, "0.0.0.0");     // file over default
  EXPECT_EQ(config.max_connections, 512u);  // default
}

TEST(Config, ConfigFileFromEnvironmentWhenNoFlag) {
  test::TestDirectory dir;
  const auto file = dir.write("planscore.yaml", "port: 9300\n");
  const auto config = resolve_server_config({}, environment_of({{"PLANSCORE_CONFIG", file}}));
  EXPECT_EQ(config.port, 9300);
}

TEST(Config, DatabaseComesFromPlanscoreDb) {
  EXPECT_EQ(environment_variable("database_url"), "PLANSCORE_DB");
  EXPECT_EQ(environment_variable("max_body_bytes"), "PLANSCORE_MAX_BODY_BYTES");
  const auto config = resolve_server_config({}, environment_of({{"PLANSCORE_DB", "x.db"}}));
  EXPECT_EQ(config.database_url, "x.db");
}

TEST(Config, EmptyEnvironmentVariableIsUnset) {
  const auto config = resolve_server_config({}, environment_of({{"PLANSCORE_PORT", ""}}));
  EXPECT_EQ(config.port, 8080);
}

TEST(Config, BadValuesNameSourceAndKey) {
  ServerConfig config;
  EXPECT_EQ(error_of([&] { apply_config_yaml(config, "port: abc\n", "config.yaml"); }),
            "config.yaml: port: 'abc' is not a port number");
  EXPECT_EQ(error_of([] {
              resolve_server_config({}, environment_of({{"PLANSCORE_PORT", "70000"}}));
            }),
            "environment: PLANSCORE_PORT: '70000' is not a port number");
  EXPECT_EQ(
      error_of([] {
        resolve_server_config({.config_file = "", .flags = {{"threads", "0"}}}, environment_of({}));
      }),
      "command line: --threads: '0' is not a thread count (1 to 256)");
  EXPECT_EQ(error_of([] {
              resolve_server_config(
                  {.config_file = "", .flags = {{"max_body_bytes", "12 parsecs"}}},
                  environment_of({}));
            }),
            "command line: --max-body-bytes: '12 parsecs' is not a size of at least 1 bytes "
            "(e.g. 16777216 or 16MiB)");
  EXPECT_EQ(
      error_of([&] { apply_setting(config, "secure_cookies", "maybe", "x: secure_cookies"); }),
      "x: secure_cookies: 'maybe' is not true or false");
  EXPECT_EQ(error_of([&] { apply_setting(config, "address", "example.org", "x: address"); }),
            "x: address: 'example.org' is not an IP address or localhost");
  EXPECT_EQ(error_of([&] { apply_setting(config, "web_root", "/no/such/dir", "x: web_root"); }),
            "x: web_root: '/no/such/dir' is not a directory");
  EXPECT_EQ(error_of([&] { apply_setting(config, "port", "-1", "x: port"); }),
            "x: port: '-1' is not a port number");
  EXPECT_EQ(error_of([&] { apply_setting(config, "port", "80 ", "x: port"); }),
            "x: port: '80 ' is not a port number");
}

TEST(Config, UnknownKeysAndBadYamlAreErrors) {
  ServerConfig config;
  EXPECT_EQ(error_of([&] {
              apply_config_yaml(config, "prot: 80\n", "config.yaml");
            }).rfind("config.yaml: prot: unknown setting; the settings are address, port,", 0),
            0u);
  EXPECT_EQ(error_of([&] { apply_config_yaml(config, "port: [1, 2]\n", "config.yaml"); }),
            "config.yaml: port: expected a single value");
  EXPECT_EQ(error_of([&] { apply_config_yaml(config, "- port\n", "config.yaml"); }),
            "config.yaml: expected a mapping of settings");
  EXPECT_EQ(error_of([&] {
              apply_config_yaml(config, "port: 1\n  bad: [\n", "config.yaml");
            }).rfind("config.yaml: line ", 0),
            0u);
  EXPECT_EQ(error_of([&] { apply_config_file(config, "/no/such/planscore.yaml"); }),
            "cannot read config file /no/such/planscore.yaml");
  EXPECT_NO_THROW(apply_config_yaml(config, "", "empty.yaml"));
  EXPECT_NO_THROW(apply_config_yaml(config, "# only a comment\n", "comment.yaml"));
}

TEST(Config, SizesAcceptUnits) {
  ServerConfig config;
  apply_setting(config, "max_body_bytes", "1024", "t");
  EXPECT_EQ(config.max_body_bytes, 1024u);
  apply_setting(config, "max_body_bytes", "512 KiB", "t");
  EXPECT_EQ(config.max_body_bytes, 512u * 1024);
  apply_setting(config, "max_body_bytes", "1g", "t");
  EXPECT_EQ(config.max_body_bytes, 1024u * 1024 * 1024);
  EXPECT_THROW(apply_setting(config, "max_header_bytes", "100", "t"), ConfigError);
  EXPECT_THROW(apply_setting(config, "max_body_bytes", "99999999999GiB", "t"), ConfigError);
}

TEST(Config, BooleansAndAddresses) {
  ServerConfig config;
  for (const auto* yes : {"true", "TRUE", "yes", "on", "1"}) {
    config.secure_cookies = false;
    apply_setting(config, "secure_cookies", yes, "t");
    EXPECT_TRUE(config.secure_cookies) << yes;
  }
  apply_setting(config, "secure_cookies", "off", "t");
  EXPECT_FALSE(config.secure_cookies);
  for (const auto* address : {"::1", "::", "localhost", "10.0.0.7"}) {
    EXPECT_NO_THROW(apply_setting(config, "address", address, "t")) << address;
  }
}

TEST(Config, TrustedOriginsAreAListOfOriginsKeptNormalized) {
  EXPECT_TRUE(ServerConfig{}.trusted_origins.empty());
  ServerConfig config;
  apply_config_yaml(config,
                    "trusted_origins: HTTPS://Plan.Example.gov.tw:443, "
                    "https://plan.example:8443  http://[::1]:8080\n",
                    "config.yaml");
  EXPECT_EQ(config.trusted_origins,
            (std::vector<std::string>{"https://plan.example.gov.tw", "https://plan.example:8443",
                                      "http://[::1]:8080"}));
  const auto from_environment = resolve_server_config(
      {}, environment_of({{"PLANSCORE_TRUSTED_ORIGINS", "https://plan.example"}}));
  EXPECT_EQ(from_environment.trusted_origins, std::vector<std::string>{"https://plan.example"});
  apply_setting(config, "trusted_origins", "", "t");
  EXPECT_TRUE(config.trusted_origins.empty());
  EXPECT_EQ(error_of([&] {
              apply_setting(config, "trusted_origins", "https://plan.example/app",
                            "x: trusted_origins");
            }),
            "x: trusted_origins: 'https://plan.example/app' is not an origin (http:// or "
            "https://, a host and an optional port, nothing after: https://plan.example or "
            "https://plan.example:8443)");
  EXPECT_THROW(apply_setting(config, "trusted_origins", "plan.example", "t"), ConfigError);
}

}  // namespace
}  // namespace planscore::http
