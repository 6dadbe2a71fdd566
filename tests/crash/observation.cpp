#include "crash/observation.h"

#include <algorithm>
#include <stdexcept>

#include "api/api_fixture.h"

namespace planscore::test {
namespace {

nlohmann::json read(ApiSession& reader, const std::string& path) {
  auto result = reader.get(path);
  if (result.status != 200)
    throw std::runtime_error("GET " + path + ": " + std::to_string(result.status) + " " +
                             result.body);
  return nlohmann::json::parse(result.body);
}

bool starts_with(const std::string& text, const std::string& prefix) {
  return text.rfind(prefix, 0) == 0;
}

std::string tag_field_of(const std::string& register_id) {
  for (const auto& reg : workload_registers())
    if (reg.id == register_id) return reg.tag_field;
  return "";
}

// Snapshots are JSON text inside the entry; older entries may hold them as strings.
nlohmann::json snapshot(const nlohmann::json& value) {
  if (value.is_string()) {
    auto parsed = nlohmann::json::parse(value.get<std::string>(), nullptr, false);
    return parsed.is_discarded() ? nlohmann::json() : parsed;
  }
  return value;
}

long version_in(const nlohmann::json& snapshot) {
  return snapshot.is_object() && snapshot.contains("version") ? snapshot["version"].get<long>() : 0;
}

long number_in(const nlohmann::json& value) {
  if (value.is_number()) return value.get<long>();
  if (value.is_string() && !value.get<std::string>().empty())
    return std::stol(value.get<std::string>());
  return 0;
}

std::string audit_key(const nlohmann::json& entry, const Observation& observation) {
  const std::string action = entry["action"];
  const std::string object = entry["object_id"];
  const auto before = snapshot(entry["before"]), after = snapshot(entry["after"]);
  if (action == "record.import") {
    const auto first =
        observation.record_tags.find(object + "/" + std::to_string(number_in(after["first_id"])));
    std::string prefix = "?";
    if (first != observation.record_tags.end())
      prefix = first->second.substr(0, first->second.rfind('-'));
    return import_audit_key(object, prefix, static_cast<std::size_t>(number_in(after["records"])));
  }
  if (starts_with(action, "record.")) {
    const std::string register_id = object.substr(0, object.find('/'));
    const auto& shown = after.is_object() ? after : before;
    const auto field = tag_field_of(register_id);
    std::string tag = "#" + object;
    if (!field.empty() && shown.is_object() && shown["values"].contains(field) &&
        shown["values"][field].is_string())
      tag = shown["values"][field];
    return record_audit_key(action, register_id, tag, version_in(shown));
  }
  if (action == "comment.create") return review_audit_key(action, object, 0);
  return review_audit_key(action, object, version_in(after.is_object() ? after : before));
}

}  // namespace

const std::vector<WorkloadRegister>& workload_registers() {
  static const std::vector<WorkloadRegister> registers = {
      {"records_trainings", "title"},
      {"switchboard_audits", "operator"},
      {"procurement_trainings", "title"},
  };
  return registers;
}

Observation observe(ApiSession& reader) {
  Observation observation;
  for (const auto& reg : workload_registers()) {
    std::map<std::string, std::vector<nlohmann::json>> imports;  // prefix → rows' values
    const std::string base = "/api/registers/" + reg.id + "/records?limit=1000&offset=";
    for (long offset = 0;;) {
      const auto page = read(reader, base + std::to_string(offset));
      for (const auto& record : page["records"]) {
        const long id = record["id"];
        const auto& values = record["values"];
        const std::string tag = values.contains(reg.tag_field) && values[reg.tag_field].is_string()
                                    ? values[reg.tag_field].get<std::string>()
                                    : "";
        observation.record_tags[reg.id + "/" + std::to_string(id)] = tag;
        if (starts_with(tag, kImportTag)) {
          imports[tag.substr(0, tag.rfind('-'))].push_back(values);
        } else if (starts_with(tag, kRecordTag)) {
          auto& state = observation.states["record:" + reg.id + ":" + tag];
          // Two records with one tag would be a duplicated write: keep both to fail.
          nlohmann::json shown = {{"version", record["version"]}, {"values", values}};
          state = state.is_null() ? shown : nlohmann::json::array({state, shown});
        } else {
          observation.states["record:" + reg.id + ":#" + std::to_string(id)] = record;
        }
      }
      offset += static_cast<long>(page["records"].size());
      if (page["records"].empty() || offset >= page["total"].get<long>()) break;
    }
    for (auto& [prefix, rows] : imports) {
      std::sort(rows.begin(), rows.end(), [&](const nlohmann::json& a, const nlohmann::json& b) {
        return a[reg.tag_field].get<std::string>() < b[reg.tag_field].get<std::string>();
      });
      observation.states["import:" + reg.id + ":" + prefix] = rows;
    }
  }
  for (const auto& value : read(reader, "/api/values")) {
    observation.states["value:" + value["indicator_id"].get<std::string>() + "/" +
                       std::to_string(value["year"].get<int>())] = {
        {"version", value["version"]}, {"value", value["value"]}, {"note", value["note"]}};
  }
  for (int year = kFirstYear; year <= kLastYear; ++year) {
    const auto reviews = read(reader, "/api/reviews/" + std::to_string(year));
    for (const auto& review : reviews["reviews"]) {
      if (review["version"] == 0) continue;  // never saved: the same as absent
      observation.states["review:" + review["indicator_id"].get<std::string>() + "/" +
                         std::to_string(year)] = {{"state", review["state"]},
                                                  {"version", review["version"]}};
    }
  }
  return observation;
}

long newest_audit_id(ApiSession& reader) {
  const auto entries = read(reader, "/api/audit?limit=1")["entries"];
  return entries.empty() ? 0 : entries[0]["id"].get<long>();
}

std::vector<std::string> audit_keys_after(ApiSession& reader, long after_id,
                                          const Observation& observation) {
  std::vector<std::string> keys;
  long before = 0;  // 0: from the newest
  while (true) {
    const auto entries =
        read(reader, "/api/audit?limit=1000&before=" + std::to_string(before))["entries"];
    bool older_reached = entries.empty();
    for (const auto& entry : entries) {
      const long id = entry["id"];
      before = id;
      if (id <= after_id) {
        older_reached = true;
        break;
      }
      const std::string action = entry["action"];
      if (action == "login" || action == "logout") continue;
      keys.push_back(audit_key(entry, observation));
    }
    if (older_reached) break;
  }
  std::sort(keys.begin(), keys.end());
  return keys;
}

}  // namespace planscore::test
