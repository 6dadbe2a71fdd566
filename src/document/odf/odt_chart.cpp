#include "document/odf/odt_chart.h"

#include "document/chart/chart_painter.h"
#include "document/odf/odt_styles.h"
#include "document/odf/xml.h"

namespace planscore::document::odf {
namespace {

constexpr double kWidthCm = kTextWidthCm;
constexpr double kHeightCm = 9.0;
// About 200 dpi at the printed size: sharp on paper without bloating the file.
constexpr int kWidthPx = 1260;
constexpr int kHeightPx = static_cast<int>(kWidthPx * kHeightCm / kWidthCm);

}  // namespace

void write_odt_chart(pugi::xml_node text, const Chart& chart, int number,
                     const std::string& paragraph_style, std::vector<PackagePart>& pictures) {
  const std::string path = "Pictures/chart" + std::to_string(number) + ".png";
  pictures.push_back({path, "image/png", chart_png(chart, kWidthPx, kHeightPx)});

  pugi::xml_node paragraph = text.append_child("text:p");
  paragraph.append_attribute("text:style-name") = paragraph_style.c_str();
  pugi::xml_node frame = paragraph.append_child("draw:frame");
  frame.append_attribute("draw:name") = ("Chart" + std::to_string(number)).c_str();
  frame.append_attribute("text:anchor-type") = "as-char";
  frame.append_attribute("svg:width") = centimetres(kWidthCm).c_str();
  frame.append_attribute("svg:height") = centimetres(kHeightCm).c_str();
  frame.append_attribute("draw:z-index") = 0;
  pugi::xml_node image = frame.append_child("draw:image");
  image.append_attribute("xlink:href") = path.c_str();
  image.append_attribute("xlink:type") = "simple";
  image.append_attribute("xlink:show") = "embed";
  image.append_attribute("xlink:actuate") = "onLoad";
  // The title as the picture's text alternative, for screen readers.
  frame.append_child("svg:title").text() = xml_safe(chart.title).c_str();
}

}  // namespace planscore::document::odf
