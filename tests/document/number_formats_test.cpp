// Every quantity printed as api/number-formats.json says, which the web app's formatters
// (web/src/lib/numbers.ts) are held to as well: one format per quantity everywhere.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>

#include "document/build/figures.h"

namespace planscore::document {
namespace {

nlohmann::json contract() {
  std::ifstream in(PLANSCORE_SOURCE_DIR "/api/number-formats.json");
  std::stringstream text;
  text << in.rdbuf();
  return nlohmann::json::parse(text.str());
}

std::optional<double> value_of(const nlohmann::json& item) {
  if (item.at("value").is_null()) return std::nullopt;
  return item.at("value").get<double>();
}

core::Indicator indicator_of(const nlohmann::json& item) {
  core::Indicator indicator;
  indicator.kind = *core::indicator_kind_from_string(item.at("kind").get<std::string>());
  indicator.unit = item.at("unit").get<std::string>();
  indicator.decimals = item.value("decimals", 0);
  for (const auto& stage : item.value("stages", nlohmann::json::array()))
    indicator.stages.push_back({stage.at("name"), stage.at("percent")});
  return indicator;
}

TEST(NumberFormats, EveryQuantityPrintsAsTheContractSays) {
  const auto cases = contract();
  int checked = 0;
  for (const auto& item : cases.at("score")) {
    EXPECT_EQ(format_score(value_of(item)), item.at("text")) << item;
    ++checked;
  }
  for (const auto& item : cases.at("achievement")) {
    EXPECT_EQ(format_percent(value_of(item)), item.at("text")) << item;
    ++checked;
  }
  for (const auto& item : cases.at("weight")) {
    EXPECT_EQ(format_weight(*value_of(item)), item.at("text")) << item;
    ++checked;
  }
  for (const auto& item : cases.at("amount")) {
    EXPECT_EQ(format_amount(*value_of(item)), item.at("text")) << item;
    ++checked;
  }
  for (const auto& item : cases.at("target")) {
    EXPECT_EQ(format_result_target(indicator_of(item), *value_of(item)), item.at("text")) << item;
    ++checked;
  }
  for (const auto& item : cases.at("actual")) {
    EXPECT_EQ(format_actual(indicator_of(item), value_of(item)), item.at("text")) << item;
    ++checked;
  }
  EXPECT_GT(checked, 30);
}

}  // namespace
}  // namespace planscore::document
