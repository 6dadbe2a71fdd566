#include "store/identifiers.h"

#include <string>

#include "store/store.h"

namespace planscore::store {
namespace {

constexpr std::size_t kMaxIdentifierLength = 47;

std::string checked(std::string_view prefix, std::string_view identifier, std::string_view what) {
  if (!is_safe_identifier(identifier)) {
    throw StoreError("refusing " + std::string(what) + " identifier '" + std::string(identifier) +
                     "': identifiers must match [a-z][a-z0-9_]* (at most 47 characters)");
  }
  return std::string(prefix) + std::string(identifier);
}

}  // namespace

bool is_safe_identifier(std::string_view identifier) {
  if (identifier.empty() || identifier.size() > kMaxIdentifierLength) return false;
  if (identifier.front() < 'a' || identifier.front() > 'z') return false;
  for (char c : identifier) {
    const bool allowed = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    if (!allowed) return false;
  }
  return true;
}

std::string table_name(std::string_view register_id) {
  return checked("reg_", register_id, "register");
}

std::string column_name(std::string_view field_id) {
  return checked("f_", field_id, "field");
}

std::string field_column(const core::RegisterDef& register_def, std::string_view field_id) {
  if (register_def.find_field(field_id) == nullptr) {
    throw StoreError("register '" + register_def.id + "' has no field '" + std::string(field_id) +
                     "'");
  }
  return column_name(field_id);
}

}  // namespace planscore::store
