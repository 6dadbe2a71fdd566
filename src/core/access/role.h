#pragma once
// Who may do what. Pure rules over an actor's role and section; the service layer asks
// these before every change, and the web app mirrors them to hide what it may not offer.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace planscore::core {

enum class Role {
  admin,             // accounts, sections, unlocking a year; may also do what a planner does
  planner,           // 研考: edits the plan, runs the evaluation, second review (複核)
  section_editor,    // keeps its own section's records, values, explanations and evidence
  section_reviewer,  // first review (初核) of its own section's indicators
  viewer,            // reads everything, changes nothing
};

std::string_view to_string(Role role);
std::optional<Role> role_from_string(std::string_view text);
// Roles that belong to one section (a user with such a role must name the section).
bool is_section_role(Role role);

struct Actor {
  std::int64_t user_id = 0;
  std::string username;
  Role role = Role::viewer;
  std::string section_id;  // for section roles
};

bool can_edit_plan(const Actor& actor);
bool can_manage_users(const Actor& actor);
bool can_read_audit(const Actor& actor);
// Records of a register owned by `owner_section`.
bool can_write_records(const Actor& actor, const std::string& owner_section);
// Manual values, explanations and evidence of an indicator owned by `owner_section`.
bool can_report_indicator(const Actor& actor, const std::string& owner_section);
bool can_comment(const Actor& actor);
bool can_lock_year(const Actor& actor);
bool can_unlock_year(const Actor& actor);

}  // namespace planscore::core
