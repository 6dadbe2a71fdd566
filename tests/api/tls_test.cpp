// HTTPS: `planscore serve` with a certificate and key made at test time by the openssl
// program. It answers over TLS only, marks its cookies Secure, sends HSTS, closes
// connections that never finish a handshake, and refuses to start (exit 2, naming the
// file) when the certificate or key cannot be used.
#include <gtest/gtest.h>

#include "api_fixture.h"
#include "http/raw_socket.h"

namespace planscore::test {
namespace {

using namespace std::chrono_literals;

// A self-signed certificate for localhost and 127.0.0.1, and its key, in `directory`.
struct Certificate {
  std::string certificate, key;
};

Certificate make_certificate(const TestDirectory& directory, const std::string& name) {
  Certificate made{(directory.path() / (name + ".crt")).string(),
                   (directory.path() / (name + ".key")).string()};
  auto result =
      run_command({"/usr/bin/openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-subj",
                   "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1", "-days",
                   "1", "-keyout", made.key, "-out", made.certificate});
  if (result.exit_code != 0) throw std::runtime_error("openssl failed: " + result.err);
  return made;
}

std::vector<std::string> tls_flags(const Certificate& certificate) {
  return {"--tls-certificate", certificate.certificate, "--tls-private-key", certificate.key};
}

class Tls : public ::testing::Test {
 protected:
  Tls()
      : certificate(make_certificate(files, "server")),
        world(false, tls_flags(certificate), {"PLANSCORE_READ_TIMEOUT_SECONDS=2"}) {}

  std::unique_ptr<HttpClient> trusting_client() {
    auto client = std::make_unique<HttpClient>(world.base_url());
    client->set_ca_file(certificate.certificate);
    return client;
  }

  TestDirectory files;
  Certificate certificate;
  ApiWorld world;
};

TEST_F(Tls, ServesHttpsWithSecureCookiesAndHsts) {
  ASSERT_EQ(world.base_url().rfind("https://127.0.0.1:", 0), 0u) << world.base_url();
  auto client = trusting_client();
  auto health = client->get("/api/health");
  ASSERT_EQ(health.status, 200) << health.error;
  EXPECT_EQ(health.header("strict-transport-security"), "max-age=31536000");

  auto login = client->post_json(
      "/api/session",
      nlohmann::json{{"username", "t_admin"}, {"password", world.password("admin")}}.dump());
  ASSERT_EQ(login.status, 201) << login.error << login.body;
  const auto cookie = login.header("set-cookie");
  EXPECT_NE(cookie.find("; Secure"), std::string::npos) << cookie;
  EXPECT_NE(cookie.find("; HttpOnly"), std::string::npos) << cookie;
  auto session = client->get("/api/session");
  ASSERT_EQ(session.status, 200);
  EXPECT_EQ(parse_json(session)["user"]["username"], "t_admin");
}

TEST_F(Tls, UntrustedCertificateAndPlainHttpFail) {
  HttpClient untrusting(world.base_url());  // the system's authorities only
  EXPECT_EQ(untrusting.get("/api/health").status, 0);
  HttpClient plain("http://127.0.0.1:" + std::to_string(world.server().port()));
  plain.set_timeout_seconds(10);
  const auto result = plain.get("/api/health");
  EXPECT_EQ(result.status, 0) << "plain HTTP got an answer: " << result.body;
  EXPECT_EQ(trusting_client()->get("/api/health").status, 200) << "the server still answers";
}

TEST_F(Tls, ConnectionsThatNeverFinishAHandshakeAreClosed) {
  const auto port = world.server().port();
  std::vector<std::unique_ptr<RawSocket>> silent, partial;
  for (int i = 0; i < 4; ++i) {
    silent.push_back(std::make_unique<RawSocket>(port));
    partial.push_back(std::make_unique<RawSocket>(port));
    partial.back()->send(std::string("\x16\x03\x01\x02\x00\x01", 6));  // a ClientHello's start
  }
  EXPECT_EQ(trusting_client()->get("/api/health").status, 200);
  for (auto& socket : silent) EXPECT_TRUE(socket->wait_for_close(20s)) << "silent client";
  for (auto& socket : partial) EXPECT_TRUE(socket->wait_for_close(20s)) << "partial handshake";
  EXPECT_EQ(trusting_client()->get("/api/health").status, 200);
}

TEST(TlsSettings, UnusableCertificateOrKeyStopsTheServerWithExitCode2) {
  TestDirectory files;
  ASSERT_EQ(run_planscore(files.database(), {"init"}).exit_code, 0);
  const auto good = make_certificate(files, "good");
  const auto other = make_certificate(files, "other");
  const auto garbage = files.write("garbage.pem", "not a certificate\n");
  const auto missing = (files.path() / "missing.pem").string();
  const std::vector<std::tuple<std::vector<std::string>, std::vector<std::string>, std::string>>
      cases = {
          {{"--tls-certificate", missing, "--tls-private-key", good.key}, {}, missing},
          {{"--tls-certificate", good.certificate, "--tls-private-key", missing}, {}, missing},
          {{"--tls-certificate", garbage, "--tls-private-key", good.key}, {}, garbage},
          {{"--tls-certificate", good.certificate, "--tls-private-key", garbage}, {}, garbage},
          {{"--tls-certificate", good.certificate, "--tls-private-key", other.key}, {}, other.key},
          {{"--tls-certificate", good.certificate}, {}, "tls_private_key"},
          {{},
           {"PLANSCORE_TLS_CERTIFICATE=" + missing, "PLANSCORE_TLS_PRIVATE_KEY=" + good.key},
           "PLANSCORE_TLS_CERTIFICATE"},
      };
  for (const auto& [flags, environment, named] : cases) {
    std::vector<std::string> arguments{"serve", "--address", "127.0.0.1", "--port", "0"};
    arguments.insert(arguments.end(), flags.begin(), flags.end());
    const auto result = run_planscore(files.database(), arguments, environment);
    EXPECT_EQ(result.exit_code, 2) << result.err;
    EXPECT_EQ(result.err.rfind("error: ", 0), 0u) << result.err;
    EXPECT_NE(result.err.find(named), std::string::npos) << result.err;
    EXPECT_EQ(result.out.find("listening"), std::string::npos) << result.out;
  }
}

}  // namespace
}  // namespace planscore::test
