#include "core/access/role.h"

#include "core/enum_names.h"

namespace planscore::core {
namespace {

constexpr EnumNames<Role, 5> kRoleNames{{
    {Role::admin, "admin"},
    {Role::planner, "planner"},
    {Role::section_editor, "section_editor"},
    {Role::section_reviewer, "section_reviewer"},
    {Role::viewer, "viewer"},
}};

bool plans_the_agency(const Actor& actor) {
  return actor.role == Role::admin || actor.role == Role::planner;
}

}  // namespace

std::string_view to_string(Role role) {
  return name_of(kRoleNames, role);
}

std::optional<Role> role_from_string(std::string_view text) {
  return value_of(kRoleNames, text);
}

bool is_section_role(Role role) {
  return role == Role::section_editor || role == Role::section_reviewer;
}

bool can_edit_plan(const Actor& actor) {
  return plans_the_agency(actor);
}

bool can_manage_users(const Actor& actor) {
  return actor.role == Role::admin;
}

bool can_read_audit(const Actor& actor) {
  return plans_the_agency(actor);
}

// Section data is the section's own: planners review it but do not type it, so a figure
// in the report always traces back to the section that owns it.
bool can_write_records(const Actor& actor, const std::string& owner_section) {
  if (actor.role == Role::admin) return true;
  return actor.role == Role::section_editor && !owner_section.empty() &&
         actor.section_id == owner_section;
}

bool can_report_indicator(const Actor& actor, const std::string& owner_section) {
  return can_write_records(actor, owner_section);
}

bool can_comment(const Actor& actor) {
  return actor.role != Role::viewer;
}

bool can_lock_year(const Actor& actor) {
  return plans_the_agency(actor);
}

bool can_unlock_year(const Actor& actor) {
  return actor.role == Role::admin;
}

}  // namespace planscore::core
