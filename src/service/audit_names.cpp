#include "service/audit_names.h"

#include <charconv>

#include "planfile/audit_snapshot.h"

namespace planscore::service {
namespace {

// The first text a person would call the record by: its first textual field with a value,
// read from the entry's snapshot (after the change, or before it for a deletion).
std::string record_title(const core::RegisterDef& register_def, const store::AuditEntry& entry) {
  for (const std::string* snapshot : {&entry.after, &entry.before}) {
    const auto values = planfile::read_snapshot(*snapshot).text_values;
    for (const auto& field : register_def.fields) {
      if (!core::is_textual(field.type)) continue;
      const auto found = values.find(field.id);
      if (found != values.end() && !found->second.empty()) return found->second;
    }
  }
  return "";
}

// "records_trainings/12" → the register's name and the record's title.
std::string record_name(const core::Plan& plan, const store::AuditEntry& entry) {
  const auto slash = entry.object_id.find('/');
  const auto* register_def = plan.find_register(entry.object_id.substr(0, slash));
  if (!register_def) return "";
  const std::string title = record_title(*register_def, entry);
  return title.empty() ? register_def->name : register_def->name + "：" + title;
}

// "b1-1/105" (a value or a review) → the indicator's name.
std::string indicator_name(const core::Plan& plan, const std::string& object_id) {
  const auto* indicator = plan.find_indicator(object_id.substr(0, object_id.find('/')));
  return indicator ? indicator->name : "";
}

std::string evidence_name(const store::AuditEntry& entry) {
  for (const std::string* snapshot : {&entry.after, &entry.before})
    if (auto name = planfile::read_snapshot(*snapshot).file_name; !name.empty()) return name;
  return "";
}

// An account named by its id; a failed sign-in's object is the name tried, which may be
// all digits, so only a login's or an account's id is read as one.
std::string person_name(const std::map<std::int64_t, std::string>& people,
                        const std::string& user_id) {
  std::int64_t id = 0;
  const auto [end, error] = std::from_chars(user_id.data(), user_id.data() + user_id.size(), id);
  if (error != std::errc{} || end != user_id.data() + user_id.size()) return "";
  const auto found = people.find(id);
  return found == people.end() ? "" : found->second;
}

std::string object_name(const std::map<std::int64_t, std::string>& people, const core::Plan* plan,
                        const store::AuditEntry& entry) {
  const std::string& type = entry.object_type;
  if (type == "user" || (type == "session" && entry.action != "login.failed"))
    return person_name(people, entry.object_id);
  if (type == "evidence") return evidence_name(entry);
  if (!plan) return "";
  if (type == "record") return record_name(*plan, entry);
  if (type == "register") {
    const auto* register_def = plan->find_register(entry.object_id);
    return register_def ? register_def->name : "";
  }
  if (type == "value" || type == "review") return indicator_name(*plan, entry.object_id);
  if (type == "plan" && entry.object_id == plan->id) return plan->name;
  return "";
}

}  // namespace

std::map<std::int64_t, std::string> display_names(store::Store& store) {
  std::map<std::int64_t, std::string> names;
  for (const auto& user : store.list_users()) names[user.id] = user.display_name;
  return names;
}

std::vector<AuditNames> audit_names(const std::map<std::int64_t, std::string>& people,
                                    const core::Plan* plan,
                                    const std::vector<store::AuditEntry>& entries) {
  std::vector<AuditNames> names;
  names.reserve(entries.size());
  for (const auto& entry : entries) {
    const auto person = people.find(entry.user_id);
    names.push_back(
        {person == people.end() ? "" : person->second, object_name(people, plan, entry)});
  }
  return names;
}

}  // namespace planscore::service
