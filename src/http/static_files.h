#pragma once
// The web client's files under a root directory. A request can reach only regular files
// inside the root: ".." and dot-file segments are refused before the file system is
// asked, and the resolved path (symbolic links followed) must still lie inside the root.
#include <filesystem>
#include <string>
#include <string_view>

#include "http/message.h"

namespace planscore::http {

class StaticFiles {
 public:
  // Throws std::runtime_error when `root` is not a directory.
  explicit StaticFiles(const std::filesystem::path& root);

  // The answer to GET `path` (decoded, starting with '/'): the file, or for a directory its
  // index.html; for a missing path whose last segment has no extension, the root's
  // index.html, since the client routes such paths itself; otherwise a 404 problem.
  Response serve(std::string_view path) const;

 private:
  std::filesystem::path root_;  // canonical
};

// "text/html; charset=utf-8" for "index.html" …; application/octet-stream when unknown.
std::string content_type_for(const std::filesystem::path& file);

}  // namespace planscore::http
