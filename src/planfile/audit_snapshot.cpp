#include "planfile/audit_snapshot.h"

#include <nlohmann/json.hpp>

namespace planscore::planfile {

SnapshotFacts read_snapshot(const std::string& json_text) {
  SnapshotFacts facts;
  if (json_text.empty()) return facts;
  const auto parsed = nlohmann::json::parse(json_text, nullptr, false);
  if (!parsed.is_object()) return facts;
  if (const auto values = parsed.find("values"); values != parsed.end() && values->is_object())
    for (const auto& [field, value] : values->items())
      if (value.is_string()) facts.text_values[field] = value.get<std::string>();
  if (const auto name = parsed.find("file_name"); name != parsed.end() && name->is_string())
    facts.file_name = name->get<std::string>();
  return facts;
}

}  // namespace planscore::planfile
