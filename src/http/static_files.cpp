#include "http/static_files.h"

#include <algorithm>
#include <fstream>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <system_error>
#include <utility>
#include <vector>

#include "http/ascii.h"
#include "http/problem.h"

namespace planscore::http {
namespace {

namespace fs = std::filesystem;

// The path's segments, or nothing when one of them could step outside the root or name a
// hidden file (".git", ".env"), or is not a plain name on this system.
std::optional<std::vector<std::string_view>> safe_segments(std::string_view path) {
  if (path.empty() || path.front() != '/') return std::nullopt;
  std::vector<std::string_view> segments;
  path.remove_prefix(1);
  while (!path.empty()) {
    const auto slash = path.find('/');
    const auto segment = path.substr(0, slash);
    path = slash == std::string_view::npos ? std::string_view{} : path.substr(slash + 1);
    if (segment.empty()) continue;
    if (segment.front() == '.' ||
        segment.find_first_of(std::string_view("\\\0", 2)) != std::string_view::npos)
      return std::nullopt;
    segments.push_back(segment);
  }
  return segments;
}

bool is_inside(const fs::path& root, const fs::path& candidate) {
  return std::mismatch(root.begin(), root.end(), candidate.begin(), candidate.end()).first ==
         root.end();
}

// The canonical path of a regular file inside the root, if `candidate` resolves to one.
std::optional<fs::path> regular_file_inside(const fs::path& root, fs::path candidate) {
  std::error_code error;
  if (fs::is_directory(candidate, error)) candidate /= "index.html";
  const auto resolved = fs::canonical(candidate, error);
  if (error || !is_inside(root, resolved) || !fs::is_regular_file(resolved, error))
    return std::nullopt;
  return resolved;
}

std::optional<std::string> read_file(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream content;
  content << in.rdbuf();
  if (in.bad()) return std::nullopt;
  return std::move(content).str();
}

}  // namespace

StaticFiles::StaticFiles(const fs::path& root) {
  std::error_code error;
  root_ = fs::canonical(root, error);
  if (error || !fs::is_directory(root_))
    throw std::runtime_error("web root " + root.string() + " is not a directory");
}

Response StaticFiles::serve(std::string_view path) const {
  const auto segments = safe_segments(path);
  if (!segments) return not_found();
  fs::path candidate = root_;
  for (const auto segment : *segments) candidate /= fs::path(std::string(segment));

  auto file = regular_file_inside(root_, candidate);
  if (!file && !segments->empty() && fs::path(std::string(segments->back())).extension().empty())
    file = regular_file_inside(root_, root_ / "index.html");
  if (!file) return not_found();

  auto content = read_file(*file);
  if (!content) return not_found();
  Response response;
  response.body = std::move(*content);
  response.headers.emplace_back("Content-Type", content_type_for(*file));
  // Files are not fingerprinted, so a browser must revalidate to see a new release.
  response.headers.emplace_back("Cache-Control", "no-cache");
  return response;
}

std::string content_type_for(const fs::path& file) {
  static const std::pair<const char*, const char*> types[] = {
      {".html", "text/html; charset=utf-8"},
      {".htm", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".json", "application/json; charset=utf-8"},
      {".map", "application/json; charset=utf-8"},
      {".webmanifest", "application/manifest+json; charset=utf-8"},
      {".txt", "text/plain; charset=utf-8"},
      {".csv", "text/csv; charset=utf-8"},
      {".xml", "application/xml; charset=utf-8"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".jpeg", "image/jpeg"},
      {".gif", "image/gif"},
      {".webp", "image/webp"},
      {".ico", "image/x-icon"},
      {".woff", "font/woff"},
      {".woff2", "font/woff2"},
      {".ttf", "font/ttf"},
      {".otf", "font/otf"},
      {".wasm", "application/wasm"},
      {".pdf", "application/pdf"},
      {".yaml", "application/yaml; charset=utf-8"},
      {".yml", "application/yaml; charset=utf-8"},
  };
  const auto extension = ascii_lowered(file.extension().string());
  for (const auto& [known, type] : types)
    if (extension == known) return type;
  return "application/octet-stream";
}

}  // namespace planscore::http
