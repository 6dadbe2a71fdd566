#include "http/api/views.h"

#include "core/metric/dependencies.h"
#include "core/metric/describe.h"
#include "planfile/register_json_value.h"

namespace planscore::http {
namespace {

// Audit snapshots are JSON text; embedded as values so clients need not parse twice.
nlohmann::json embedded_json(const std::string& text) {
  if (text.empty()) return nullptr;
  auto value = nlohmann::json::parse(text, nullptr, false);
  return value.is_discarded() ? nlohmann::json(text) : value;
}

}  // namespace

nlohmann::json user_view(const store::UserRow& user) {
  return {{"id", user.id},
          {"username", user.username},
          {"display_name", user.display_name},
          {"role", user.role},
          {"section_id",
           user.section_id.empty() ? nlohmann::json(nullptr) : nlohmann::json(user.section_id)},
          {"active", user.active},
          {"version", user.version},
          {"created_at", user.created_at},
          {"password_changed_at", user.password_changed_at},
          {"must_change_password", user.must_change_password}};
}

nlohmann::json record_view(const core::RegisterDef& register_def,
                           const store::StoredRecord& record) {
  return {{"id", record.id},
          {"version", record.version},
          {"values", planfile::record_values_to_json(register_def, record.record)}};
}

nlohmann::json register_view(const core::RegisterDef& register_def) {
  return planfile::register_to_json_value(register_def);
}

nlohmann::json review_view(const store::ReviewRow& review,
                           const std::vector<core::ReviewAction>& available_actions) {
  nlohmann::json actions = nlohmann::json::array();
  for (const auto action : available_actions) actions.push_back(core::to_string(action));
  return {{"indicator_id", review.indicator_id},
          {"available_actions", actions},
          {"year", review.year},
          {"state", review.state},
          {"explanation", review.explanation},
          {"version", review.version},
          {"updated_at",
           review.updated_at.empty() ? nlohmann::json(nullptr) : nlohmann::json(review.updated_at)},
          {"updated_by",
           review.updated_by == 0 ? nlohmann::json(nullptr) : nlohmann::json(review.updated_by)}};
}

nlohmann::json comment_view(const store::CommentRow& comment, const std::string& author) {
  return {{"id", comment.id},
          {"indicator_id", comment.indicator_id},
          {"year", comment.year},
          {"user_id", comment.user_id},
          {"username", comment.username},
          {"display_name", author},
          {"body", comment.body},
          {"created_at", comment.created_at}};
}

nlohmann::json evidence_view(const store::EvidenceRow& evidence, const std::string& uploader) {
  return {{"id", evidence.id},
          {"indicator_id", evidence.indicator_id},
          {"year", evidence.year},
          {"file_name", evidence.file_name},
          {"content_type", evidence.content_type},
          {"size", evidence.size},
          {"sha256", evidence.sha256},
          {"uploaded_by", evidence.uploaded_by},
          {"uploaded_by_name", uploader},
          {"uploaded_at", evidence.uploaded_at}};
}

nlohmann::json manual_value_view(const store::ManualValue& value) {
  return {{"indicator_id", value.indicator_id},
          {"year", value.year},
          {"value", value.value},
          {"note", value.note},
          {"version", value.version}};
}

nlohmann::json audit_view(const store::AuditEntry& entry, const service::AuditNames& names) {
  const auto or_null = [](const std::string& text) {
    return text.empty() ? nlohmann::json(nullptr) : nlohmann::json(text);
  };
  return {{"id", entry.id},
          {"at", entry.at},
          {"user_id", entry.user_id},
          {"username", entry.username},
          {"display_name", or_null(names.person)},
          {"action", entry.action},
          {"object_type", entry.object_type},
          {"object_id", entry.object_id},
          {"object_name", or_null(names.object)},
          {"before", embedded_json(entry.before)},
          {"after", embedded_json(entry.after)},
          {"reason", entry.reason}};
}

namespace {

// The formula in words in each language, or null when there is none to tell.
nlohmann::json formula_words(const core::Plan& plan, const std::string& formula) {
  using core::Language;
  const auto chinese = core::metric::describe_formula(plan, formula, Language::traditional_chinese);
  if (formula.empty() || !chinese) return nullptr;
  return {{"zh-TW", *chinese},
          {"en", *core::metric::describe_formula(plan, formula, Language::english)}};
}

}  // namespace

nlohmann::json indicator_view(const core::Plan& plan, const core::Indicator& indicator) {
  nlohmann::json targets = nlohmann::json::object();
  for (const auto& [year, target] : indicator.targets) targets[std::to_string(year)] = target;
  return {{"id", indicator.id},
          {"number", indicator.number},
          {"name", indicator.name},
          {"weight", indicator.weight},
          {"framework", indicator.framework},
          {"method", indicator.method},
          {"standard", indicator.standard},
          {"unit", indicator.unit},
          {"decimals", indicator.decimals},
          {"owner_section", indicator.owner_section},
          {"kind", std::string(core::to_string(indicator.kind))},
          {"targets", targets},
          {"formula", indicator.formula},
          {"formula_words", formula_words(plan, indicator.formula)},
          {"registers", core::metric::registers_read_by(plan, indicator.formula)}};
}

nlohmann::json permissions_view(const core::Actor& actor, const core::Plan* plan) {
  nlohmann::json registers = nlohmann::json::array();
  nlohmann::json indicators = nlohmann::json::array();
  if (plan != nullptr) {
    for (const auto& reg : plan->registers)
      if (core::can_write_records(actor, reg.owner_section)) registers.push_back(reg.id);
    for (const auto& dimension : plan->dimensions)
      for (const auto& goal : dimension.goals)
        for (const auto& indicator : goal.indicators)
          if (core::can_report_indicator(actor, indicator.owner_section))
            indicators.push_back(indicator.id);
  }
  return {{"edit_plan", core::can_edit_plan(actor)},
          {"manage_users", core::can_manage_users(actor)},
          {"read_audit", core::can_read_audit(actor)},
          {"lock_year", core::can_lock_year(actor)},
          {"unlock_year", core::can_unlock_year(actor)},
          {"comment", core::can_comment(actor)},
          {"write_registers", registers},
          {"report_indicators", indicators}};
}

}  // namespace planscore::http
