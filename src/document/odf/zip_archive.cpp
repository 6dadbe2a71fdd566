#include "document/odf/zip_archive.h"

#include <zip.h>

#include <ctime>
#include <memory>
#include <stdexcept>

namespace planscore::document::odf {
namespace {

// A fixed modification time keeps the bytes of two runs identical.
constexpr std::time_t kModified = 946728000;  // 2000-01-01 12:00 UTC

struct SourceFree {
  void operator()(zip_source_t* source) const { zip_source_free(source); }
};
using SourceHandle = std::unique_ptr<zip_source_t, SourceFree>;

// `error` belongs to libzip or to the caller, who lets it go on the way out.
[[noreturn]] void fail(const std::string& what, zip_error_t* error) {
  throw std::runtime_error(what + ": " + zip_error_strerror(error));
}

void add_entry(zip_t* archive, const ZipEntry& entry) {
  // The buffer is borrowed (freep = 0): `entries` outlives zip_close.
  zip_source_t* data = zip_source_buffer(archive, entry.bytes.data(), entry.bytes.size(), 0);
  if (data == nullptr) fail("zip source for " + entry.name, zip_get_error(archive));
  const zip_int64_t index = zip_file_add(archive, entry.name.c_str(), data, ZIP_FL_ENC_UTF_8);
  if (index < 0) {
    zip_source_free(data);
    fail("zip entry " + entry.name, zip_get_error(archive));
  }
  const auto file = static_cast<zip_uint64_t>(index);
  const zip_int32_t method = entry.compressed ? ZIP_CM_DEFLATE : ZIP_CM_STORE;
  if (zip_set_file_compression(archive, file, method, 0) != 0 ||
      zip_file_set_mtime(archive, file, kModified, 0) != 0)
    fail("zip entry " + entry.name, zip_get_error(archive));
}

std::string read_all(zip_source_t* source) {
  zip_stat_t stat;
  zip_stat_init(&stat);
  if (zip_source_open(source) != 0) fail("reading zip archive", zip_source_error(source));
  if (zip_source_stat(source, &stat) != 0 || (stat.valid & ZIP_STAT_SIZE) == 0) {
    zip_source_close(source);
    fail("reading zip archive size", zip_source_error(source));
  }
  std::string bytes(stat.size, '\0');
  const zip_int64_t read = zip_source_read(source, bytes.data(), bytes.size());
  zip_source_close(source);
  if (read < 0 || static_cast<zip_uint64_t>(read) != stat.size)
    throw std::runtime_error("reading zip archive: short read");
  return bytes;
}

}  // namespace

std::string zip_archive(const std::vector<ZipEntry>& entries) {
  zip_error_t error;
  zip_error_init(&error);
  const std::unique_ptr<zip_error_t, decltype(&zip_error_fini)> error_guard{&error,
                                                                            &zip_error_fini};
  SourceHandle buffer{zip_source_buffer_create(nullptr, 0, 0, &error)};
  if (!buffer) fail("zip buffer", &error);
  zip_t* archive = zip_open_from_source(buffer.get(), ZIP_TRUNCATE, &error);
  if (archive == nullptr) fail("zip open", &error);
  // zip_close would free the source along with the archive; the finished bytes are read
  // from it afterwards.
  zip_source_keep(buffer.get());
  try {
    for (const ZipEntry& entry : entries) add_entry(archive, entry);
  } catch (...) {
    zip_discard(archive);
    throw;
  }
  if (zip_close(archive) != 0) {
    const std::string message = std::string("zip close: ") + zip_strerror(archive);
    zip_discard(archive);
    throw std::runtime_error(message);
  }
  return read_all(buffer.get());
}

}  // namespace planscore::document::odf
