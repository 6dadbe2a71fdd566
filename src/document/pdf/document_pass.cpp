#include "document/pdf/document_pass.h"

#include <algorithm>
#include <cstddef>
#include <variant>

#include "document/chart/chart_painter.h"
#include "document/pdf/contents_flow.h"
#include "document/pdf/cover_page.h"
#include "document/pdf/page_flow.h"
#include "document/pdf/page_style.h"
#include "document/pdf/table_flow.h"
#include "document/pdf/text_flow.h"

namespace planscore::document::pdf {
namespace {

// A heading chain longer than this is not worth keeping together.
constexpr int keep_depth = 4;

template <class... Ts>
struct Overloaded : Ts... {
  using Ts::operator()...;
};
template <class... Ts>
Overloaded(Ts...) -> Overloaded<Ts...>;

class DocumentPass {
 public:
  DocumentPass(cairo_t* cr, const Document& document, const std::vector<std::string>& labels)
      : cr_(cr),
        document_(document),
        previous_labels_(labels),
        flow_(cr, document.running_header, document.page_number_prefix),
        labels_(document.blocks.size()) {}

  std::vector<std::string> run() {
    const bool has_contents =
        std::any_of(document_.blocks.begin(), document_.blocks.end(),
                    [](const Block& b) { return std::holds_alternative<ContentsTable>(b); });
    if (document_.cover) {
      flow_.start_page(PageKind::cover);
      draw_cover(cr_, *document_.cover);
    }
    // Without a contents, numbering starts on the first page after the cover.
    flow_.start_page(has_contents ? PageKind::front : PageKind::body);
    for (std::size_t i = 0; i < document_.blocks.size(); ++i) place(i);
    flow_.finish();
    return std::move(labels_);
  }

 private:
  void place(std::size_t index) {
    std::visit(Overloaded{
                   [&](const Heading& heading) { place_kept_heading(index, heading); },
                   [&](const Paragraph& paragraph) { place_paragraph(flow_, paragraph); },
                   [&](const Table& table) { place_table(flow_, table); },
                   [&](const Chart& chart) { place_chart(chart); },
                   [&](const PageBreak&) {
                     // Breaking an empty page would only leave a blank one behind.
                     if (!flow_.page_empty()) flow_.next_page();
                   },
                   [&](const ContentsTable& contents) { place_contents_table(index, contents); },
               },
               document_.blocks[index]);
  }

  void place_kept_heading(std::size_t index, const Heading& heading) {
    const double need = heading_height(cr_, heading) + lead(index + 1, keep_depth);
    if (need > flow_.remaining() && !flow_.page_empty()) flow_.next_page();
    labels_[index] = flow_.label();
    place_heading(flow_, heading);
  }

  // The room block `index` needs right below the heading before it.
  double lead(std::size_t index, int depth) const {
    if (index >= document_.blocks.size() || depth == 0) return 0;
    return std::visit(
        Overloaded{
            [&](const Heading& heading) {
              return heading_height(cr_, heading) + lead(index + 1, depth - 1);
            },
            [&](const Paragraph& paragraph) { return paragraph_lead(cr_, paragraph); },
            [&](const Table& table) { return table_lead(cr_, table); },
            [&](const Chart&) { return block_gap + chart_height; },
            [&](const auto&) { return 0.0; },
        },
        document_.blocks[index]);
  }

  void place_chart(const Chart& chart) {
    flow_.space(block_gap);
    if (chart_height > flow_.remaining() && !flow_.page_empty()) flow_.next_page();
    cairo_save(cr_);
    cairo_translate(cr_, margin_left, flow_.y());
    paint_chart(cr_, chart, text_width, chart_height);
    cairo_restore(cr_);
    flow_.advance(chart_height);
    flow_.space(block_gap);
  }

  void place_contents_table(std::size_t index, const ContentsTable& contents) {
    if (!flow_.page_empty() || flow_.kind() != PageKind::front) flow_.start_page(PageKind::front);
    std::vector<ContentsEntry> entries;
    for (std::size_t i = index + 1; i < document_.blocks.size(); ++i)
      if (const auto* heading = std::get_if<Heading>(&document_.blocks[i]);
          heading != nullptr && heading->in_contents)
        entries.push_back({heading->level, heading->text,
                           i < previous_labels_.size() ? previous_labels_[i] : std::string()});
    place_contents(flow_, contents.title, entries);
    if (index + 1 < document_.blocks.size()) flow_.start_page(PageKind::body);
  }

  cairo_t* cr_;
  const Document& document_;
  const std::vector<std::string>& previous_labels_;
  PageFlow flow_;
  std::vector<std::string> labels_;
};

}  // namespace

std::vector<std::string> draw_document(cairo_t* cr, const Document& document,
                                       const std::vector<std::string>& heading_labels) {
  return DocumentPass(cr, document, heading_labels).run();
}

}  // namespace planscore::document::pdf
