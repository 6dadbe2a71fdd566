#pragma once
// What the database must hold after a crash, as far as the clients know. Every object a
// client touches has a key ("record:REG:TAG", "import:REG:PREFIX", "value:IND/YEAR",
// "review:IND/YEAR") and a state as JSON (null: it does not exist). A client stops at the
// first request whose response never arrived: that change is pending, and the database
// may show either the state before it or the state after it, but nothing else.
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace planscore::test {

using States = std::map<std::string, nlohmann::json>;

struct PendingChange {
  std::string object;
  nlohmann::json after;
  std::vector<std::string> audit;  // the audit keys the change writes when it lands
};

struct Ledger {
  States acknowledged;             // the state after the last acknowledged change
  std::vector<std::string> audit;  // audit keys of every acknowledged change
  std::optional<PendingChange> pending;
  std::vector<std::string> refusals;  // "METHOD path: status body" of unexpected answers

  int acknowledged_changes = 0;
  int imported_rows = 0;  // rows of acknowledged imports

  // Records an answer to a change of `object` from its acknowledged state to `after`.
  // Returns false when the client must stop (no answer).
  bool record(int status, const std::string& request, const std::string& body,
              const std::string& object, const nlohmann::json& after,
              std::vector<std::string> audit_keys);
  nlohmann::json state(const std::string& object) const;
};

// Audit keys: what identifies an entry across the server's ids. Records are named by
// their tag (a unique title), imports by their tag prefix and row count.
std::string record_audit_key(const std::string& action, const std::string& register_id,
                             const std::string& tag, long version);
std::string import_audit_key(const std::string& register_id, const std::string& prefix,
                             std::size_t rows);
std::string review_audit_key(const std::string& action, const std::string& object,
                             long version);  // also value.* ("IND/YEAR"); comments: version 0

}  // namespace planscore::test
