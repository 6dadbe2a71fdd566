#pragma once
// Every piece of text a Document holds, in order, for the builder tests to search.
#include <algorithm>
#include <string>
#include <vector>

#include "document/model/document.h"

namespace planscore::document::testing {

inline std::vector<std::string> texts_of(const Document& document) {
  std::vector<std::string> texts;
  for (const auto& block : document.blocks) {
    if (const auto* heading = std::get_if<Heading>(&block)) texts.push_back(heading->text);
    if (const auto* paragraph = std::get_if<Paragraph>(&block)) texts.push_back(paragraph->text);
    if (const auto* table = std::get_if<Table>(&block))
      for (const auto& row : table->rows)
        for (const auto& cell : row) texts.push_back(cell.text);
  }
  return texts;
}

inline bool has_text(const Document& document, const std::string& text) {
  const auto texts = texts_of(document);
  return std::find(texts.begin(), texts.end(), text) != texts.end();
}

inline std::vector<const Table*> tables_of(const Document& document) {
  std::vector<const Table*> tables;
  for (const auto& block : document.blocks)
    if (const auto* table = std::get_if<Table>(&block)) tables.push_back(table);
  return tables;
}

}  // namespace planscore::document::testing
