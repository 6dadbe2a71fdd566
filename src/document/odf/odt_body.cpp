#include "document/odf/odt_body.h"

#include <algorithm>
#include <pugixml.hpp>
#include <type_traits>
#include <utility>
#include <variant>

#include "document/odf/odt_chart.h"
#include "document/odf/odt_contents.h"
#include "document/odf/odt_paragraph_styles.h"
#include "document/odf/odt_styles.h"
#include "document/odf/odt_table.h"
#include "document/odf/style_registry.h"
#include "document/odf/text_properties.h"
#include "document/odf/xml.h"

namespace planscore::document::odf {
namespace {

constexpr double kSmallPoints = 10;

class BodyWriter {
 public:
  BodyWriter(const Document& document, pugi::xml_node automatic, pugi::xml_node text)
      : document_(document), styles_(automatic), text_(text) {}

  std::vector<PackagePart> write();

 private:
  PageStart take_page_start();
  void write_cover(const Cover& cover);
  void write_block(std::size_t index);
  void write_heading(const Heading& heading);
  void write_paragraph(const Paragraph& paragraph);
  void write_contents(const ContentsTable& contents, std::size_t index);
  pugi::xml_node paragraph(const ParagraphLook& look, const char* element = "text:p");

  const Document& document_;
  StyleRegistry styles_;
  pugi::xml_node text_;
  PageStart pending_;  // how the next element written starts
  std::size_t body_start_ = 0;
  int tables_ = 0;
  int charts_ = 0;
  std::vector<PackagePart> pictures_;
};

// Where the numbered body begins: after the contents and the page breaks that follow
// it; at the first block when there is no contents.
std::size_t body_start(const std::vector<Block>& blocks) {
  std::size_t index = 0;
  while (index < blocks.size() && !std::holds_alternative<ContentsTable>(blocks[index])) ++index;
  if (index == blocks.size()) return 0;
  ++index;
  while (index < blocks.size() && std::holds_alternative<PageBreak>(blocks[index])) ++index;
  return index;
}

std::vector<PackagePart> BodyWriter::write() {
  body_start_ = body_start(document_.blocks);
  const PageStart first =
      body_start_ > 0 ? PageStart{false, kFrontMaster, false} : PageStart{false, kBodyMaster, true};
  if (document_.cover) {
    pending_ = {false, kCoverMaster, false};
    write_cover(*document_.cover);
  }
  pending_ = first;
  for (std::size_t index = 0; index < document_.blocks.size(); ++index) write_block(index);
  return std::move(pictures_);
}

PageStart BodyWriter::take_page_start() {
  return std::exchange(pending_, PageStart{});
}

pugi::xml_node BodyWriter::paragraph(const ParagraphLook& look, const char* element) {
  ParagraphLook with_page = look;
  with_page.page = take_page_start();
  pugi::xml_node node = text_.append_child(element);
  node.append_attribute("text:style-name") = paragraph_style(styles_, with_page).c_str();
  return node;
}

void BodyWriter::write_cover(const Cover& cover) {
  append_text(paragraph({.parent = "Cover_20_Title"}), cover.title);
  if (!cover.subtitle.empty())
    append_text(paragraph({.parent = "Cover_20_Subtitle"}), cover.subtitle);
  if (!cover.date_line.empty())
    append_text(paragraph({.parent = "Cover_20_Date"}), cover.date_line);
}

void BodyWriter::write_block(std::size_t index) {
  if (index == body_start_ && body_start_ > 0) pending_ = {false, kBodyMaster, true};
  std::visit(
      [&](const auto& block) {
        using Kind = std::decay_t<decltype(block)>;
        if constexpr (std::is_same_v<Kind, Heading>) {
          write_heading(block);
        } else if constexpr (std::is_same_v<Kind, Paragraph>) {
          write_paragraph(block);
        } else if constexpr (std::is_same_v<Kind, Table>) {
          if (block.column_widths.empty()) return;
          write_odt_table(text_, block, "Table" + std::to_string(++tables_), take_page_start(),
                          styles_);
        } else if constexpr (std::is_same_v<Kind, Chart>) {
          const std::string style =
              paragraph_style(styles_, {.parent = "Figure", .page = take_page_start()});
          write_odt_chart(text_, block, ++charts_, style, pictures_);
        } else if constexpr (std::is_same_v<Kind, PageBreak>) {
          // A change of master page already starts a new page.
          if (pending_.master.empty()) pending_.new_page = true;
        } else {
          write_contents(block, index);
        }
      },
      document_.blocks[index]);
}

void BodyWriter::write_heading(const Heading& heading) {
  const ParagraphLook look{.parent = heading_style(heading.level, heading.in_contents)};
  if (!heading.in_contents) {
    append_text(paragraph(look), heading.text);
    return;
  }
  pugi::xml_node node = paragraph(look, "text:h");
  node.append_attribute("text:outline-level") = std::clamp(heading.level, 1, kHeadingLevels);
  append_text(node, heading.text);
}

void BodyWriter::write_paragraph(const Paragraph& paragraph_block) {
  ParagraphLook look{.parent = "Text_20_body"};
  if (paragraph_block.align != Align::start) look.align = paragraph_block.align;
  look.indent = paragraph_block.indent;
  look.bold = paragraph_block.bold;
  look.size = paragraph_block.small ? kSmallPoints : 0;
  append_text(paragraph(look), paragraph_block.text);
}

void BodyWriter::write_contents(const ContentsTable& contents, std::size_t index) {
  std::vector<const Heading*> headings;
  for (std::size_t later = index + 1; later < document_.blocks.size(); ++later)
    if (const auto* heading = std::get_if<Heading>(&document_.blocks[later]);
        heading != nullptr && heading->in_contents)
      headings.push_back(heading);
  // The index body cannot carry a page start of its own: an empty paragraph takes it.
  if (pending_.any()) paragraph({.parent = "Standard"});
  write_odt_contents(text_, contents, headings);
}

}  // namespace

OdtBody odt_body(const Document& document) {
  pugi::xml_document xml;
  pugi::xml_node root = odf_root(xml, "office:document-content");
  declare_fonts(root);
  pugi::xml_node automatic = root.append_child("office:automatic-styles");
  pugi::xml_node text = root.append_child("office:body").append_child("office:text");
  BodyWriter writer(document, automatic, text);
  OdtBody body;
  body.pictures = writer.write();
  body.content_xml = serialize(xml);
  return body;
}

}  // namespace planscore::document::odf
