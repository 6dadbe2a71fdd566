#include "crash/ledger.h"

namespace planscore::test {

bool Ledger::record(int status, const std::string& request, const std::string& body,
                    const std::string& object, const nlohmann::json& after,
                    std::vector<std::string> audit_keys) {
  if (status == 0) {
    pending = PendingChange{object, after, std::move(audit_keys)};
    return false;
  }
  if (status >= 200 && status < 300) {
    acknowledged[object] = after;
    audit.insert(audit.end(), audit_keys.begin(), audit_keys.end());
    ++acknowledged_changes;
    return true;
  }
  // The workload only asks for changes that must succeed, so any refusal is a finding;
  // the change did not happen and the client carries on.
  refusals.push_back(request + ": " + std::to_string(status) + " " + body.substr(0, 300));
  return true;
}

nlohmann::json Ledger::state(const std::string& object) const {
  const auto found = acknowledged.find(object);
  return found == acknowledged.end() ? nlohmann::json() : found->second;
}

std::string record_audit_key(const std::string& action, const std::string& register_id,
                             const std::string& tag, long version) {
  return action + "|" + register_id + "|" + tag + "|" + std::to_string(version);
}

std::string import_audit_key(const std::string& register_id, const std::string& prefix,
                             std::size_t rows) {
  return "record.import|" + register_id + "|" + prefix + "|" + std::to_string(rows);
}

std::string review_audit_key(const std::string& action, const std::string& object, long version) {
  return action + "|" + object + "|" + std::to_string(version);
}

}  // namespace planscore::test
