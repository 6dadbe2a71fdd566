#pragma once
// Local accounts: creating users, changing roles and passwords. Every change is audited;
// a password change or deactivation ends the user's other sessions.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/access/role.h"
#include "core/plan/plan.h"
#include "store/store.h"

namespace planscore::service {

// The longest username an account may have.
inline constexpr std::size_t kLongestUsername = 64;

struct NewUser {
  std::string username;
  std::string display_name;
  std::string password;
  std::string role;        // core::Role spelling
  std::string section_id;  // required for section roles, empty otherwise
};

// Creates a user, who must change the password at the first sign-in. `plan` (may be null before any
// plan exists) supplies the valid section ids. Throws Failure: forbidden unless the actor may
// manage users, invalid (problems per field), conflict when the username is taken.
store::UserRow create_user(store::Store& store, const core::Actor& actor, const core::Plan* plan,
                           const NewUser& user);

struct UserChange {
  std::int64_t version = 0;  // the version the caller read
  std::optional<std::string> display_name;
  std::optional<std::string> role;
  std::optional<std::string> section_id;
  std::optional<bool> active;
};

store::UserRow update_user(store::Store& store, const core::Actor& actor, const core::Plan* plan,
                           std::int64_t user_id, const UserChange& change);

// A user changes their own password (the current one is checked), which also meets a
// pending demand to change it; every other session of theirs ends. `keep_token_hash` is the session
// that asked.
void change_own_password(store::Store& store, const core::Actor& actor,
                         const std::string& current_password, const std::string& new_password,
                         const std::string& keep_token_hash);

// An administrator sets another user's password; all that user's sessions end and the
// user must change it at the next sign-in.
void reset_password(store::Store& store, const core::Actor& actor, std::int64_t user_id,
                    const std::string& new_password);

std::vector<store::UserRow> list_users(store::Store& store, const core::Actor& actor);
// The account named `username`; Failure(not_found) when there is none.
store::UserRow user_named(store::Store& store, const core::Actor& actor,
                          const std::string& username);
// The signed-in user's own account; Failure(unauthorized) when it is gone.
store::UserRow own_account(store::Store& store, const core::Actor& actor);

core::Actor actor_of(const store::UserRow& user);

}  // namespace planscore::service
