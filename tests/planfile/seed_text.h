#pragma once
// The seed document (tests/data/seed-plan.txt) as lines, and the plan's narrative as one
// text, for tests that compare the two.
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/plan/plan.h"

namespace planscore::testing {

inline constexpr const char* kPageHeader = "臺中市政府秘書處中程施政計畫(104 至 107 年度)";

inline std::vector<std::string> seed_lines() {
  std::ifstream in(std::string(PLANSCORE_SOURCE_DIR) + "/tests/data/seed-plan.txt");
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line == kPageHeader) continue;
    if (line.rfind("- ", 0) == 0) line.erase(0, 2);  // bullets the PDF extractor added
    lines.push_back(line);
  }
  return lines;
}

inline std::string without_whitespace(const std::string& text) {
  std::string out;
  for (char c : text)
    if (c != ' ' && c != '\n' && c != '\t' && c != '\r') out += c;
  return out;
}

// Sections' paragraphs of 貳-二 are data: the name, the duties and the 104 share.
inline std::string section_paragraphs(const core::Plan& plan) {
  std::string text;
  for (const auto& section : plan.sections) {
    std::ostringstream share;
    share << section.budget_share.at(104);
    text += section.name + "\n" + section.duties + "104 年度預算佔本處總預算約 " + share.str() +
            "%。\n";
  }
  return text;
}

inline void append_chapter_text(const core::Chapter& chapter, std::string& text) {
  text += chapter.heading + "\n" + chapter.text + "\n";
  for (const auto& child : chapter.children) append_chapter_text(child, text);
}

}  // namespace planscore::testing
