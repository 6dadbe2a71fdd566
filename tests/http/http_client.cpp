#include "http/http_client.h"

#include <curl/curl.h>

#include <algorithm>
#include <mutex>
#include <stdexcept>

#include "http/response_log.h"

namespace planscore::test {
namespace {

std::string lowered(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

std::string trimmed(const std::string& text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return "";
  return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

size_t append_body(char* data, size_t size, size_t count, void* target) {
  static_cast<HttpResult*>(target)->body.append(data, size * count);
  return size * count;
}

// Called once per header line, including each status line (there may be several, as
// with redirects or interim responses): a new status line starts the headers afresh.
size_t append_header(char* data, size_t size, size_t count, void* target) {
  auto& result = *static_cast<HttpResult*>(target);
  const std::string line(data, size * count);
  if (line.rfind("HTTP/", 0) == 0) {
    result.headers.clear();
  } else if (const auto colon = line.find(':'); colon != std::string::npos) {
    result.headers.emplace(lowered(trimmed(line.substr(0, colon))),
                           trimmed(line.substr(colon + 1)));
  }
  return size * count;
}

CURL* as_curl(void* handle) {
  return static_cast<CURL*>(handle);
}

}  // namespace

std::string HttpResult::header(const std::string& name) const {
  const auto found = headers.find(name);
  return found == headers.end() ? "" : found->second;
}

HttpClient::HttpClient(std::string base_url) : base_url_(std::move(base_url)) {
  static std::once_flag initialized;
  std::call_once(initialized, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
  curl_ = curl_easy_init();
  if (!curl_) throw std::runtime_error("curl_easy_init failed");
  // An empty cookie file turns on the cookie engine without reading anything.
  curl_easy_setopt(as_curl(curl_), CURLOPT_COOKIEFILE, "");
}

HttpClient::~HttpClient() {
  curl_easy_cleanup(as_curl(curl_));
}

HttpResult HttpClient::request(const std::string& method, const std::string& path,
                               const std::string& body, const std::vector<std::string>& headers) {
  CURL* curl = as_curl(curl_);
  HttpResult result;
  const std::string url = base_url_ + path;
  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl, CURLOPT_PATH_AS_IS, 1L);
  if (method == "GET" || method == "HEAD") {
    curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, nullptr);
    curl_easy_setopt(curl, CURLOPT_HTTPGET, 1L);  // also clears NOBODY
    if (method == "HEAD") curl_easy_setopt(curl, CURLOPT_NOBODY, 1L);
  } else {
    curl_easy_setopt(curl, CURLOPT_NOBODY, 0L);
    curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
    curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body.data());
    curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, method.c_str());
  }
  curl_slist* header_list = curl_slist_append(nullptr, "Expect:");
  for (const auto& header : headers) header_list = curl_slist_append(header_list, header.c_str());
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, header_list);
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, append_body);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &result);
  curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, append_header);
  curl_easy_setopt(curl, CURLOPT_HEADERDATA, &result);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT, timeout_seconds_);
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  if (!ca_file_.empty()) curl_easy_setopt(curl, CURLOPT_CAINFO, ca_file_.c_str());
  if (!source_address_.empty()) curl_easy_setopt(curl, CURLOPT_INTERFACE, source_address_.c_str());

  const CURLcode code = curl_easy_perform(curl);
  curl_slist_free_all(header_list);
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, nullptr);
  if (code != CURLE_OK) {
    result.status = 0;
    result.error = curl_easy_strerror(code);
    return result;
  }
  long status = 0;
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
  result.status = static_cast<int>(status);
  log_response(method, path, result);
  return result;
}

HttpResult HttpClient::post_json(const std::string& path, const std::string& json) {
  return request("POST", path, json, {"Content-Type: application/json"});
}

std::string HttpClient::cookie(const std::string& name) const {
  curl_slist* cookies = nullptr;
  curl_easy_getinfo(as_curl(curl_), CURLINFO_COOKIELIST, &cookies);
  std::string value;
  // Netscape format: domain, tailmatch, path, secure, expires, name, value (tab-separated).
  for (auto* item = cookies; item; item = item->next) {
    std::vector<std::string> fields;
    std::string line = item->data;
    std::size_t start = 0;
    for (auto tab = line.find('\t'); tab != std::string::npos; tab = line.find('\t', start)) {
      fields.push_back(line.substr(start, tab - start));
      start = tab + 1;
    }
    fields.push_back(line.substr(start));
    if (fields.size() >= 7 && fields[5] == name) value = fields[6];
  }
  curl_slist_free_all(cookies);
  return value;
}

}  // namespace planscore::test
