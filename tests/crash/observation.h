#pragma once
// The database as the API shows it, in the ledger's terms: every record, manual value and
// review as an object state, and the audit trail as keys. Read through the API so the
// same reading serves every backend.
#include <map>
#include <string>
#include <vector>

#include "crash/ledger.h"

namespace planscore::test {

class ApiSession;

// Records the workload writes carry a tag in one text field: "crash-c<client>-<n>" for
// one record, "crash-imp<client>-<n>-<row>" for a row of an import. Other records (the
// demo's) are objects named by id.
inline constexpr const char* kRecordTag = "crash-c";
inline constexpr const char* kImportTag = "crash-imp";

struct WorkloadRegister {
  std::string id;
  std::string tag_field;
};
const std::vector<WorkloadRegister>& workload_registers();
inline constexpr int kFirstYear = 104, kLastYear = 107;

struct Observation {
  States states;
  std::map<std::string, std::string> record_tags;  // "REG/ID" → tag, for audit entries
};

Observation observe(ApiSession& reader);

// The id of the newest audit entry (0 when there is none).
long newest_audit_id(ApiSession& reader);
// Keys of the entries after `after_id` that record changes (sign-ins are left out), in
// the ledger's terms; imports are named by the tag of their first record.
std::vector<std::string> audit_keys_after(ApiSession& reader, long after_id,
                                          const Observation& observation);

}  // namespace planscore::test
