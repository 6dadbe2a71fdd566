#pragma once
// A zip archive read from memory, for the XLSX reader. Uploaded files are hostile until
// proven otherwise: every part is read with a size cap that holds even when the zip's
// headers lie about sizes (zip bombs).
#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>

struct zip;

namespace planscore::exchange {

// What is wrong with the archive, in words for the person who uploaded it.
class ArchiveError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class ZipArchive {
 public:
  // `bytes` must outlive the archive: parts are unpacked from it on demand. Throws
  // ArchiveError when the bytes are not a readable zip archive.
  explicit ZipArchive(std::string_view bytes);
  ~ZipArchive();
  ZipArchive(const ZipArchive&) = delete;
  ZipArchive& operator=(const ZipArchive&) = delete;

  // Part names are matched without regard to letter case, as OPC packages require.
  bool contains(const std::string& name) const;

  // The unpacked bytes of a part. Throws ArchiveError when it is missing, damaged, or
  // unpacks to more than max_bytes.
  std::string read(const std::string& name, std::size_t max_bytes) const;

 private:
  zip* archive_ = nullptr;
};

}  // namespace planscore::exchange
