#include "exchange/zip_archive.h"

#include <zip.h>

#include <array>

namespace planscore::exchange {
namespace {

std::string megabytes(std::size_t bytes) {
  return std::to_string(bytes / (1024 * 1024)) + " MB";
}

[[noreturn]] void too_large(const std::string& name, std::size_t max_bytes) {
  throw ArchiveError("the part " + name + " unpacks to more than " + megabytes(max_bytes) +
                     "; the file is refused");
}

}  // namespace

ZipArchive::ZipArchive(std::string_view bytes) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (source == nullptr) {
    zip_error_fini(&error);
    throw ArchiveError("the file could not be read");
  }
  archive_ = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error);
  if (archive_ == nullptr) {
    zip_source_free(source);
    const int code = zip_error_code_zip(&error);
    const std::string detail = zip_error_strerror(&error);
    zip_error_fini(&error);
    // A file cut short loses the zip's directory at its end and reads as "not a zip".
    if (code == ZIP_ER_NOZIP)
      throw ArchiveError("the file is not an XLSX workbook (not a zip archive)");
    throw ArchiveError("the file is not a readable XLSX workbook (damaged zip archive: " + detail +
                       ")");
  }
  zip_error_fini(&error);
}

ZipArchive::~ZipArchive() {
  if (archive_ != nullptr) zip_discard(archive_);
}

bool ZipArchive::contains(const std::string& name) const {
  return zip_name_locate(archive_, name.c_str(), ZIP_FL_NOCASE) >= 0;
}

std::string ZipArchive::read(const std::string& name, std::size_t max_bytes) const {
  const zip_int64_t index = zip_name_locate(archive_, name.c_str(), ZIP_FL_NOCASE);
  if (index < 0) throw ArchiveError("the workbook has no part " + name);
  const auto at = static_cast<zip_uint64_t>(index);
  zip_stat_t stat;
  zip_stat_init(&stat);
  if (zip_stat_index(archive_, at, 0, &stat) == 0 && (stat.valid & ZIP_STAT_SIZE) &&
      stat.size > max_bytes)
    too_large(name, max_bytes);

  zip_file_t* file = zip_fopen_index(archive_, at, 0);
  if (file == nullptr)
    throw ArchiveError("the part " + name + " cannot be unpacked (" + zip_strerror(archive_) + ")");
  std::string content;
  std::array<char, 65536> buffer;
  for (;;) {
    const zip_int64_t got = zip_fread(file, buffer.data(), buffer.size());
    if (got < 0) {
      const std::string detail = zip_file_strerror(file);
      zip_fclose(file);
      throw ArchiveError("the part " + name + " is damaged (" + detail + ")");
    }
    if (got == 0) break;
    // The size in the header is only a claim: the count of bytes actually unpacked is
    // what is capped.
    if (content.size() + static_cast<std::size_t>(got) > max_bytes) {
      zip_fclose(file);
      too_large(name, max_bytes);
    }
    content.append(buffer.data(), static_cast<std::size_t>(got));
  }
  if (zip_fclose(file) != 0) throw ArchiveError("the part " + name + " is damaged");
  return content;
}

}  // namespace planscore::exchange
