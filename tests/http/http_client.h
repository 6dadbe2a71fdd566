#pragma once
// A small HTTP client for tests (libcurl). One client is one browser: it keeps the cookies
// the server sets and sends them back. Every request is sent as given; the client never
// normalizes paths ("/../x" reaches the server as is) and never sends Expect:
// 100-continue (RESTinio does not answer it, so curl would wait a second).
#include <map>
#include <string>
#include <vector>

namespace planscore::test {

struct HttpResult {
  int status = 0;  // 0: no response (connection refused, closed or reset); see error
  std::multimap<std::string, std::string> headers;  // names lower-cased
  std::string body;
  std::string error;  // curl's message when status is 0

  // The first value of a header ("" when absent); `name` lower-case.
  std::string header(const std::string& name) const;
};

class HttpClient {
 public:
  // `base_url` like "http://127.0.0.1:8080", prefixed to each request's path.
  explicit HttpClient(std::string base_url);
  ~HttpClient();
  HttpClient(const HttpClient&) = delete;
  HttpClient& operator=(const HttpClient&) = delete;

  HttpResult request(const std::string& method, const std::string& path,
                     const std::string& body = "",
                     const std::vector<std::string>& headers = {});  // "Name: value"
  HttpResult get(const std::string& path) { return request("GET", path); }
  // POST with Content-Type: application/json.
  HttpResult post_json(const std::string& path, const std::string& json);

  // The value of a cookie the server set, "" when it has none.
  std::string cookie(const std::string& name) const;

  void set_timeout_seconds(long seconds) { timeout_seconds_ = seconds; }
  // HTTPS: trust only the certificates in this PEM file (a test's self-signed one).
  void set_ca_file(std::string path) { ca_file_ = std::move(path); }
  // Connects from this local address ("127.0.0.2": any of 127.0.0.0/8 reaches a server on
  // 127.0.0.1), so one test can be several clients as the server tells them apart.
  void set_source_address(std::string address) { source_address_ = std::move(address); }

 private:
  std::string base_url_;
  void* curl_;  // CURL*, kept out of the header
  long timeout_seconds_ = 30;
  std::string ca_file_;
  std::string source_address_;
};

}  // namespace planscore::test
