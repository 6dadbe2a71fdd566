#include "document/odf/package.h"

#include "document/odf/zip_archive.h"

namespace planscore::document::odf {

std::string odf_package(std::string_view mimetype, const std::vector<PackagePart>& parts) {
  std::vector<ZipEntry> entries;
  entries.reserve(parts.size() + 2);
  // Readers identify the format from the bytes at offset 38, so `mimetype` must come first
  // and uncompressed.
  entries.push_back({"mimetype", std::string(mimetype), false});
  for (const PackagePart& part : parts) entries.push_back({part.path, part.bytes, true});
  entries.push_back({"META-INF/manifest.xml", manifest_xml(mimetype, parts), true});
  return zip_archive(entries);
}

}  // namespace planscore::document::odf
