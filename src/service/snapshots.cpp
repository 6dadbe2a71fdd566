#include "service/snapshots.h"

#include "planfile/register_json_value.h"

namespace planscore::service {

std::string record_snapshot(const core::RegisterDef& register_def,
                            const store::StoredRecord& record) {
  return nlohmann::json{{"id", record.id},
                        {"version", record.version},
                        {"values", planfile::record_values_to_json(register_def, record.record)}}
      .dump();
}

std::string user_snapshot(const store::UserRow& user) {
  return nlohmann::json{{"id", user.id},
                        {"username", user.username},
                        {"display_name", user.display_name},
                        {"role", user.role},
                        {"section_id", user.section_id},
                        {"active", user.active},
                        {"version", user.version}}
      .dump();
}

std::string review_snapshot(const store::ReviewRow& review) {
  return nlohmann::json{{"indicator_id", review.indicator_id},
                        {"year", review.year},
                        {"state", review.state},
                        {"explanation", review.explanation},
                        {"version", review.version}}
      .dump();
}

std::string manual_value_snapshot(const store::ManualValue& value) {
  return nlohmann::json{{"indicator_id", value.indicator_id},
                        {"year", value.year},
                        {"value", value.value},
                        {"note", value.note},
                        {"version", value.version}}
      .dump();
}

std::string evidence_snapshot(const store::EvidenceRow& evidence) {
  return nlohmann::json{{"id", evidence.id},
                        {"indicator_id", evidence.indicator_id},
                        {"year", evidence.year},
                        {"file_name", evidence.file_name},
                        {"content_type", evidence.content_type},
                        {"size", evidence.size},
                        {"sha256", evidence.sha256}}
      .dump();
}

std::string counts_snapshot(const store::DatabaseCounts& counts) {
  return nlohmann::json{{"schema_version", counts.schema_version},
                        {"records", counts.records},
                        {"plans", counts.plans},
                        {"manual_values", counts.manual_values},
                        {"users", counts.users},
                        {"audit_entries", counts.audit_entries},
                        {"reviews", counts.reviews},
                        {"comments", counts.comments},
                        {"evidence_files", counts.evidence_files},
                        {"year_locks", counts.year_locks}}
      .dump();
}

std::string fields_snapshot(std::initializer_list<std::pair<std::string, std::string>> fields) {
  nlohmann::json object = nlohmann::json::object();
  for (const auto& [key, value] : fields) object[key] = value;
  return object.dump();
}

}  // namespace planscore::service
