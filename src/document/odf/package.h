#pragma once
// An ODF package: the `mimetype` entry first and stored, then the parts, with
// META-INF/manifest.xml listing them, as ODF 1.2 part 3 requires of every package.
#include <string>
#include <string_view>
#include <vector>

namespace planscore::document::odf {

struct PackagePart {
  std::string path;  // e.g. "content.xml", "Pictures/chart1.png"
  std::string media_type;
  std::string bytes;
};

// META-INF/manifest.xml for a package of `mimetype` holding `parts`.
std::string manifest_xml(std::string_view mimetype, const std::vector<PackagePart>& parts);

// meta.xml with the document title and the generator.
std::string meta_xml(std::string_view title);

// The package's bytes.
std::string odf_package(std::string_view mimetype, const std::vector<PackagePart>& parts);

}  // namespace planscore::document::odf
