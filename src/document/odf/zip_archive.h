#pragma once
// A zip archive built in memory through libzip: the writers return bytes, so nothing
// touches the file system.
#include <string>
#include <vector>

namespace planscore::document::odf {

struct ZipEntry {
  std::string name;
  std::string bytes;
  bool compressed = true;  // false: stored as is, as ODF requires for `mimetype`
};

// The archive holding `entries` in the order given. Throws std::runtime_error when libzip
// fails.
std::string zip_archive(const std::vector<ZipEntry>& entries);

}  // namespace planscore::document::odf
