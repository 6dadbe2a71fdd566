#include "planfile/evaluation_json.h"

#include "core/evaluation/scoring_note.h"
#include "planfile/evaluation_json_value.h"

namespace planscore::planfile {
namespace {

nlohmann::json optional_number(const std::optional<double>& value) {
  return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

std::string_view source_name(core::ValueSource source) {
  switch (source) {
    case core::ValueSource::formula:
      return "formula";
    case core::ValueSource::manual:
      return "manual";
    case core::ValueSource::none:
      break;
  }
  return "none";
}

}  // namespace

nlohmann::json evaluation_to_json(const core::YearEvaluation& evaluation) {
  nlohmann::json indicators = nlohmann::json::array();
  for (const auto& row : evaluation.indicators) {
    indicators.push_back({
        {"id", row.indicator->id},
        {"goal", row.goal_id},
        {"dimension", row.dimension_id},
        {"name", row.indicator->name},
        {"weight", row.indicator->weight},
        {"kind", std::string(core::to_string(row.indicator->kind))},
        {"unit", row.indicator->unit},
        {"target", optional_number(row.target)},
        {"actual", optional_number(row.actual.value)},
        {"source", std::string(source_name(row.actual.source))},
        {"note", row.actual.note},
        {"stage", row.stage.empty() ? nlohmann::json(nullptr) : nlohmann::json(row.stage)},
        {"not_a_stage", optional_number(row.not_a_stage)},
        {"achievement", optional_number(row.achievement)},
        {"capped_achievement", optional_number(row.capped_achievement)},
        {"light", row.light},
        {"score", row.score},
    });
  }
  auto roll_ups = [](const std::vector<core::RollUp>& items) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& item : items)
      list.push_back(
          {{"id", item.id}, {"name", item.name}, {"weight", item.weight}, {"score", item.score}});
    return list;
  };
  return {{"year", evaluation.year},
          {"total_score", evaluation.total_score},
          {"complete", evaluation.complete},
          {"valued_weight", evaluation.valued_weight},
          {"total_weight", evaluation.total_weight},
          {"scoring_note",
           {{"zh-TW", core::scoring_note(evaluation, core::Language::traditional_chinese)},
            {"en", core::scoring_note(evaluation, core::Language::english)}}},
          {"no_value_count", evaluation.no_value_count},
          {"indicators", indicators},
          {"goals", roll_ups(evaluation.goals)},
          {"dimensions", roll_ups(evaluation.dimensions)}};
}

std::string evaluation_json(const core::YearEvaluation& evaluation) {
  return evaluation_to_json(evaluation).dump(2) + "\n";
}

std::string evaluations_json(const std::vector<core::YearEvaluation>& years) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& year : years) list.push_back(evaluation_to_json(year));
  return list.dump(2) + "\n";
}

}  // namespace planscore::planfile
