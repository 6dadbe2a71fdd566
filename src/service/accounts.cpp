#include "service/accounts.h"

#include <regex>

#include "core/calendar/timestamp.h"
#include "service/audit.h"
#include "service/failure.h"
#include "service/passwords.h"
#include "service/snapshots.h"
#include "service/text_limits.h"

namespace planscore::service {
namespace {

void require_user_manager(const core::Actor& actor) {
  if (!core::can_manage_users(actor))
    throw Failure(FailureKind::forbidden, "only administrators may manage accounts");
}

bool valid_username(const std::string& username) {
  static const std::regex shape("[A-Za-z0-9][A-Za-z0-9._-]{1," +
                                std::to_string(kLongestUsername - 1) + "}");
  return std::regex_match(username, shape);
}

// Checks a role and section pair; adds problems under "role" and "section_id".
void check_role(const std::string& role_text, const std::string& section_id, const core::Plan* plan,
                core::Problems& problems) {
  const auto role = core::role_from_string(role_text);
  if (!role) {
    problems.push_back({"role", "\"" + role_text +
                                    "\" is not a role; use admin, planner, section_editor, "
                                    "section_reviewer or viewer"});
    return;
  }
  if (!core::is_section_role(*role)) {
    if (!section_id.empty())
      problems.push_back({"section_id", "only section editors and reviewers belong to a section"});
    return;
  }
  if (section_id.empty()) {
    problems.push_back({"section_id", "a " + role_text + " must belong to a section"});
  } else if (plan == nullptr || plan->find_section(section_id) == nullptr) {
    problems.push_back({"section_id", "\"" + section_id + "\" is not a section of the plan"});
  }
}

store::UserRow require_user(store::Store& store, std::int64_t user_id) {
  auto user = store.find_user(user_id);
  if (!user) throw Failure(FailureKind::not_found, "there is no user " + std::to_string(user_id));
  return *user;
}

void check_password(const std::string& username, const std::string& password) {
  if (auto weakness = password_weakness(username, password))
    throw Failure(FailureKind::invalid, "the new password is not acceptable",
                  {{"new_password", *weakness}});
}

// Stores a new password for `user` and ends their sessions but `keep_token_hash`. A
// password chosen by someone else (`chosen_by_user` false) must be changed at the next
// sign-in.
void store_password(store::Store& store, const core::Actor& actor, store::UserRow user,
                    const std::string& password, const std::string& keep_token_hash,
                    const std::string& action, bool chosen_by_user) {
  check_password(user.username, password);
  user.password_hash = hash_password(password);
  user.password_changed_at = core::iso_timestamp(core::Clock::now());
  user.must_change_password = !chosen_by_user;
  store::Transaction transaction(store);
  if (!store.update_user(user))
    throw Failure(FailureKind::conflict, "the account was changed meanwhile; try again");
  store.delete_user_sessions(user.id, keep_token_hash);
  audit(store, actor, {action, "user", std::to_string(user.id), "", "", ""});
  transaction.commit();
}

}  // namespace

core::Actor actor_of(const store::UserRow& user) {
  return {user.id, user.username, core::role_from_string(user.role).value_or(core::Role::viewer),
          user.section_id};
}

store::UserRow create_user(store::Store& store, const core::Actor& actor, const core::Plan* plan,
                           const NewUser& user) {
  require_user_manager(actor);
  core::Problems problems;
  if (!valid_username(user.username))
    problems.push_back({"username",
                        "a username has 2–64 letters, digits, dots, dashes or underscores and "
                        "starts with a letter or digit"});
  if (auto weakness = password_weakness(user.username, user.password))
    problems.push_back({"password", *weakness});
  if (auto problem = length_problem(user.display_name, kMaxDisplayNameCharacters))
    problems.push_back({"display_name", *problem});
  check_role(user.role, user.section_id, plan, problems);
  if (!problems.empty()) throw Failure(FailureKind::invalid, "the user was not created", problems);

  store::UserRow row;
  row.username = user.username;
  row.display_name = user.display_name.empty() ? user.username : user.display_name;
  row.password_hash = hash_password(user.password);
  row.role = user.role;
  row.section_id = user.section_id;
  row.created_at = row.password_changed_at = core::iso_timestamp(core::Clock::now());
  row.must_change_password = true;  // whoever made the account knows its password
  store::Transaction transaction(store);
  auto id = store.create_user(row);
  if (!id)
    throw Failure(FailureKind::conflict, "the username \"" + user.username + "\" is taken",
                  {{"username", "already taken"}});
  row = *store.find_user(*id);
  audit(store, actor, {"user.create", "user", std::to_string(row.id), "", user_snapshot(row), ""});
  transaction.commit();
  return row;
}

store::UserRow update_user(store::Store& store, const core::Actor& actor, const core::Plan* plan,
                           std::int64_t user_id, const UserChange& change) {
  require_user_manager(actor);
  const store::UserRow before = require_user(store, user_id);
  store::UserRow after = before;
  if (change.display_name) after.display_name = *change.display_name;
  if (change.role) after.role = *change.role;
  if (change.section_id) after.section_id = *change.section_id;
  if (change.active) after.active = *change.active;
  core::Problems problems;
  if (after.display_name.empty())
    problems.push_back({"display_name", "must not be empty"});
  else if (auto problem = length_problem(after.display_name, kMaxDisplayNameCharacters))
    problems.push_back({"display_name", *problem});
  check_role(after.role, after.section_id, plan, problems);
  if (user_id == actor.user_id && (after.role != before.role || !after.active))
    problems.push_back({"role", "administrators cannot demote or deactivate themselves"});
  if (!problems.empty()) throw Failure(FailureKind::invalid, "the user was not changed", problems);

  after.version = change.version;
  store::Transaction transaction(store);
  auto version = store.update_user(after);
  if (!version)
    throw Failure(FailureKind::conflict, "the user was changed by someone else since you read it");
  after.version = *version;
  // A new role must not keep working through sessions opened under the old one.
  if (after.role != before.role || after.section_id != before.section_id || !after.active)
    store.delete_user_sessions(user_id, "");
  audit(store, actor,
        {"user.update", "user", std::to_string(user_id), user_snapshot(before),
         user_snapshot(after), ""});
  transaction.commit();
  return after;
}

void change_own_password(store::Store& store, const core::Actor& actor,
                         const std::string& current_password, const std::string& new_password,
                         const std::string& keep_token_hash) {
  const store::UserRow user = require_user(store, actor.user_id);
  if (!verify_password(user.password_hash, current_password))
    throw Failure(FailureKind::invalid, "the current password is wrong",
                  {{"current_password", "does not match"}});
  if (current_password == new_password)
    throw Failure(FailureKind::invalid, "the new password must differ from the current one",
                  {{"new_password", "same as the current password"}});
  store_password(store, actor, user, new_password, keep_token_hash, "user.password_change", true);
}

void reset_password(store::Store& store, const core::Actor& actor, std::int64_t user_id,
                    const std::string& new_password) {
  require_user_manager(actor);
  store_password(store, actor, require_user(store, user_id), new_password, "",
                 "user.password_reset", false);
}

store::UserRow user_named(store::Store& store, const core::Actor& actor,
                          const std::string& username) {
  require_user_manager(actor);
  auto user = store.find_user_by_name(username);
  if (!user) throw Failure(FailureKind::not_found, "there is no account \"" + username + "\"");
  return *user;
}

store::UserRow own_account(store::Store& store, const core::Actor& actor) {
  auto user = store.find_user(actor.user_id);
  if (!user) throw Failure(FailureKind::unauthorized, "the account is gone");
  return *user;
}

std::vector<store::UserRow> list_users(store::Store& store, const core::Actor& actor) {
  require_user_manager(actor);
  return store.list_users();
}

}  // namespace planscore::service
