#include "document/build/plan_document.h"

#include <fmt/format.h>

#include <string_view>

#include "core/text/chinese_numeral.h"
#include "document/build/figures.h"
#include "document/build/plan_tables.h"

namespace planscore::document {
namespace {

// Chapter text keeps paragraphs apart with blank lines.
void add_text(std::vector<Block>& blocks, std::string_view text, int indent) {
  std::size_t start = 0;
  while (start < text.size()) {
    auto end = text.find("\n\n", start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view paragraph = text.substr(start, end - start);
    while (!paragraph.empty() && paragraph.front() == '\n') paragraph.remove_prefix(1);
    while (!paragraph.empty() && paragraph.back() == '\n') paragraph.remove_suffix(1);
    if (!paragraph.empty())
      blocks.push_back(Paragraph{.text = std::string(paragraph), .indent = indent});
    start = end + 2;
  }
}

std::string dimension_heading(const core::Dimension& dimension) {
  return dimension.name + "面向策略績效目標";
}

// "(一)業務面向策略績效目標", under 策略績效目標 and under 衡量指標.
Heading dimension_subheading(int number, const core::Dimension& dimension) {
  return Heading{.level = 3,
                 .text = "(" + core::chinese_numeral(number) + ")" + dimension_heading(dimension),
                 .in_contents = false};
}

std::string goal_tag(const core::Goal& goal) {
  return "(策略績效目標" + core::chinese_numeral(goal.number) + ")";
}

void add_goals(std::vector<Block>& blocks, const core::Plan& plan) {
  int d = 0;
  for (const auto& dimension : plan.dimensions) {
    blocks.push_back(dimension_subheading(++d, dimension));
    for (const auto& goal : dimension.goals) {
      blocks.push_back(
          Paragraph{.text = std::to_string(goal.number) + "、" + goal.name + "。" + goal_tag(goal),
                    .indent = 1,
                    .bold = true});
      if (!goal.description.empty()) add_text(blocks, goal.description, 2);
    }
  }
}

void add_indicator_tables(std::vector<Block>& blocks, const core::Plan& plan) {
  int d = 0;
  for (const auto& dimension : plan.dimensions) {
    blocks.push_back(dimension_subheading(++d, dimension));
    blocks.push_back(indicator_table(plan, dimension));
  }
}

void add_action_items(std::vector<Block>& blocks, const core::Plan& plan) {
  int d = 0;
  for (const auto& dimension : plan.dimensions) {
    blocks.push_back(Heading{
        .level = 2, .text = core::chinese_numeral(++d) + "、" + dimension_heading(dimension)});
    int g = 0;
    for (const auto& goal : dimension.goals) {
      blocks.push_back(Heading{
          .level = 3,
          .text = "(" + core::chinese_numeral(++g) + ")" + goal.name + "。" + goal_tag(goal),
          .in_contents = false});
      int i = 0;
      for (const auto& item : goal.action_items) {
        // A goal with a single item prints it without a number, as the seed does.
        const std::string number = goal.action_items.size() == 1 ? "" : std::to_string(++i) + "、";
        blocks.push_back(Paragraph{.text = number + item.text, .indent = 1});
        int k = 0;
        for (const auto& detail : item.details)
          blocks.push_back(
              Paragraph{.text = "(" + std::to_string(++k) + ")" + detail, .indent = 2});
      }
    }
  }
}

// How the plan calls its own agency: 本處 for a 處, 本局 for a 局 …, as its text does.
std::string own_agency(const core::Plan& plan) {
  for (const char* suffix : {"處", "局", "會", "所", "署", "院", "部", "室", "館", "隊"})
    if (plan.agency.ends_with(suffix)) return std::string("本") + suffix;
  return "本機關";
}

// 貳、二、資源分配檢討: each section with its duties and its share of the budget by year.
void add_sections(std::vector<Block>& blocks, const core::Plan& plan) {
  int s = 0;
  for (const auto& section : plan.sections) {
    blocks.push_back(Heading{.level = 3,
                             .text = "(" + core::chinese_numeral(++s) + ")" + section.name,
                             .in_contents = false});
    std::string text = section.duties;
    for (const auto& [year, share] : section.budget_share)
      text += fmt::format("{} 年度預算佔{}總預算約 {}%。", year, own_agency(plan),
                          format_figure(share, 2));
    if (!text.empty()) blocks.push_back(Paragraph{.text = text, .indent = 1});
  }
}

void add_budget(std::vector<Block>& blocks, const core::Plan& plan) {
  blocks.push_back(
      Paragraph{.text = "單位：" + plan.money_unit, .align = Align::end, .small = true});
  blocks.push_back(budget_table(plan));
  if (!plan.budget_note.empty())
    blocks.push_back(Paragraph{.text = "備註：" + plan.budget_note, .small = true});
}

void add_generated(std::vector<Block>& blocks, const core::Plan& plan, const std::string& kind) {
  if (kind == "goals") add_goals(blocks, plan);
  if (kind == "indicator_table") add_indicator_tables(blocks, plan);
  if (kind == "action_items") add_action_items(blocks, plan);
  if (kind == "budget_table") add_budget(blocks, plan);
  if (kind == "sections") add_sections(blocks, plan);
}

void add_chapter(std::vector<Block>& blocks, const core::Plan& plan, const core::Chapter& chapter,
                 int level) {
  blocks.push_back(Heading{.level = level, .text = chapter.heading, .in_contents = level <= 2});
  add_text(blocks, chapter.text, level >= 3 ? 1 : 0);
  if (!chapter.generated.empty()) add_generated(blocks, plan, chapter.generated);
  for (const auto& child : chapter.children) add_chapter(blocks, plan, child, level + 1);
}

}  // namespace

Document plan_document(const core::Plan& plan) {
  Document document;
  document.title = plan_title(plan);
  document.running_header = plan_title(plan);
  document.page_number_prefix = "1-";
  document.cover = Cover{plan.name, "(" + plan_period(plan) + ")", roc_month(plan.issued)};
  document.blocks.push_back(ContentsTable{"【目 錄】"});
  document.blocks.push_back(PageBreak{});
  for (const auto& chapter : plan.chapters) add_chapter(document.blocks, plan, chapter, 1);
  return document;
}

}  // namespace planscore::document
