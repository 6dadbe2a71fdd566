// SqlStore: users, their sessions, and failed logins (one row each, pruned by time).
#include <algorithm>

#include "store/sql_rows.h"
#include "store/sql_store.h"
#include "store/sql_store_support.h"

namespace planscore::store {
namespace {

constexpr const char* kUserColumns =
    "id, username, display_name, password_hash, role, section_id, active, version, created_at, "
    "password_changed_at, must_change_password";

const std::vector<ColumnType>& user_column_types() {
  static const std::vector<ColumnType> types{
      ColumnType::integer, ColumnType::text, ColumnType::text,    ColumnType::text,
      ColumnType::text,    ColumnType::text, ColumnType::integer, ColumnType::integer,
      ColumnType::text,    ColumnType::text, ColumnType::integer};
  return types;
}

UserRow read_user(const ResultRow& row) {
  UserRow user;
  user.id = row.integer(0);
  user.username = row.text(1);
  user.display_name = row.text(2);
  user.password_hash = row.text(3);
  user.role = row.text(4);
  user.section_id = row.text(5);
  user.active = row.integer(6) != 0;
  user.version = row.integer(7);
  user.created_at = row.text(8);
  user.password_changed_at = row.text(9);
  user.must_change_password = row.integer(10) != 0;
  return user;
}

constexpr const char* kSessionColumns =
    "token_hash, user_id, csrf_token, created_at, last_seen_at, address";

SessionRow read_session(const ResultRow& row, std::size_t first = 0) {
  return {row.text(first),     row.integer(first + 1), row.text(first + 2),
          row.text(first + 3), row.text(first + 4),    row.text(first + 5)};
}

// "a, b" → "t.a, t.b", for joins where both tables have a column of the same name.
std::string qualified(const std::string& table, const std::string& columns) {
  std::string out = table + "." + columns;
  for (std::size_t at = out.find(", "); at != std::string::npos; at = out.find(", ", at + 2))
    out.insert(at + 2, table + ".");
  return out;
}

}  // namespace

// --- users ---------------------------------------------------------------------------

std::optional<std::int64_t> SqlStore::create_user(const UserRow& user) {
  return guarded(
      description_, "creating user '" + user.username + "'", [&]() -> std::optional<std::int64_t> {
        WriteScope scope(*this);
        // Checked inside the write lock rather than read from a constraint error, whose
        // text differs between databases; the UNIQUE constraint remains as a backstop.
        if (find_user_by_name(user.username)) return std::nullopt;
        std::int64_t id = 0;
        for_each_row(
            session_,
            "INSERT INTO users (username, display_name, password_hash, role, section_id, "
            "active, version, created_at, password_changed_at, must_change_password) VALUES (:p1, "
            ":p2, :p3, :p4, :p5, :p6, 1, :p7, :p8, :p9) RETURNING id",
            {user.username, user.display_name, user.password_hash, user.role, user.section_id,
             std::int64_t{user.active ? 1 : 0}, user.created_at, user.password_changed_at,
             std::int64_t{user.must_change_password ? 1 : 0}},
            {ColumnType::integer}, [&](const ResultRow& row) { id = row.integer(0); });
        scope.commit();
        return id;
      });
}

std::optional<UserRow> SqlStore::find_user(std::int64_t user_id) {
  return guarded(description_, "reading a user", [&] {
    std::optional<UserRow> found;
    for_each_row(session_, std::string("SELECT ") + kUserColumns + " FROM users WHERE id = :p1",
                 {user_id}, user_column_types(),
                 [&](const ResultRow& row) { found = read_user(row); });
    return found;
  });
}

std::optional<UserRow> SqlStore::find_user_by_name(const std::string& username) {
  return guarded(description_, "reading user '" + username + "'", [&] {
    std::optional<UserRow> found;
    for_each_row(
        session_, std::string("SELECT ") + kUserColumns + " FROM users WHERE username = :p1",
        {username}, user_column_types(), [&](const ResultRow& row) { found = read_user(row); });
    return found;
  });
}

std::vector<UserRow> SqlStore::list_users() {
  return guarded(description_, "listing users", [&] {
    std::vector<UserRow> users;
    for_each_row(session_, std::string("SELECT ") + kUserColumns + " FROM users ORDER BY username",
                 {}, user_column_types(),
                 [&](const ResultRow& row) { users.push_back(read_user(row)); });
    return users;
  });
}

std::int64_t SqlStore::count_users() {
  return guarded(description_, "counting users", [&] {
    long long count = 0;
    session_ << "SELECT COUNT(*) FROM users", soci::into(count);
    return static_cast<std::int64_t>(count);
  });
}

std::optional<std::int64_t> SqlStore::update_user(const UserRow& user) {
  return guarded(
      description_, "updating user '" + user.username + "'", [&]() -> std::optional<std::int64_t> {
        WriteScope scope(*this);
        // A rename onto another user's name writes nothing, like a stale version: the
        // caller re-reads and sees why.
        const std::optional<UserRow> holder = find_user_by_name(user.username);
        if (holder && holder->id != user.id) return std::nullopt;
        if (execute(session_,
                    "UPDATE users SET username = :p1, display_name = :p2, password_hash = :p3, "
                    "role = :p4, section_id = :p5, active = :p6, password_changed_at = :p7, "
                    "must_change_password = :p8, version = version + 1 WHERE id = :p9 AND "
                    "version = :p10",
                    {user.username, user.display_name, user.password_hash, user.role,
                     user.section_id, std::int64_t{user.active ? 1 : 0}, user.password_changed_at,
                     std::int64_t{user.must_change_password ? 1 : 0}, user.id, user.version}) !=
            1) {
          return std::nullopt;
        }
        scope.commit();
        return user.version + 1;
      });
}

// --- sessions ------------------------------------------------------------------------

void SqlStore::create_session(const SessionRow& session) {
  guarded(description_, "creating a session", [&] {
    execute(session_,
            "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, last_seen_at, "
            "address) VALUES (:p1, :p2, :p3, :p4, :p5, :p6)",
            {session.token_hash, session.user_id, session.csrf_token, session.created_at,
             session.last_seen_at, session.address});
  });
}

std::optional<SessionAndUser> SqlStore::find_session(const std::string& token_hash) {
  return guarded(description_, "reading a session", [&] {
    // One query for both: every authenticated request asks.
    static const std::string sql = "SELECT " + qualified("u", kUserColumns) + ", " +
                                   qualified("s", kSessionColumns) +
                                   " FROM sessions s JOIN users u ON u.id = s.user_id "
                                   "WHERE s.token_hash = :p1";
    static const std::vector<ColumnType> types = [] {
      auto all = user_column_types();
      all.insert(all.end(), {ColumnType::text, ColumnType::integer, ColumnType::text,
                             ColumnType::text, ColumnType::text, ColumnType::text});
      return all;
    }();
    std::optional<SessionAndUser> found;
    prepared(session_query_, sql, 1, types).run({token_hash}, [&](const ResultRow& row) {
      found = SessionAndUser{read_session(row, user_column_types().size()), read_user(row)};
    });
    return found;
  });
}

void SqlStore::touch_session(const std::string& token_hash, const std::string& last_seen_at) {
  guarded(description_, "touching a session", [&] {
    execute(session_, "UPDATE sessions SET last_seen_at = :p1 WHERE token_hash = :p2",
            {last_seen_at, token_hash});
  });
}

void SqlStore::delete_session(const std::string& token_hash) {
  guarded(description_, "deleting a session",
          [&] { execute(session_, "DELETE FROM sessions WHERE token_hash = :p1", {token_hash}); });
}

void SqlStore::delete_user_sessions(std::int64_t user_id, const std::string& keep_token_hash) {
  guarded(description_, "deleting a user's sessions", [&] {
    // No token hash is empty, so an empty `keep_token_hash` keeps nothing.
    execute(session_, "DELETE FROM sessions WHERE user_id = :p1 AND token_hash <> :p2",
            {user_id, keep_token_hash});
  });
}

std::int64_t SqlStore::delete_idle_sessions(const std::string& cutoff) {
  return guarded(description_, "deleting idle sessions", [&] {
    return execute(session_, "DELETE FROM sessions WHERE last_seen_at < :p1", {cutoff});
  });
}

std::int64_t SqlStore::delete_user_sessions_beyond(std::int64_t user_id, int keep) {
  return guarded(description_, "ending a user's oldest sessions", [&] {
    return execute(session_,
                   "DELETE FROM sessions WHERE user_id = :p1 AND token_hash NOT IN (SELECT "
                   "token_hash FROM sessions WHERE user_id = :p2 ORDER BY last_seen_at DESC, "
                   "created_at DESC, token_hash LIMIT " +
                       std::to_string(std::max(keep, 0)) + ")",
                   {user_id, user_id});
  });
}

// --- login failures ------------------------------------------------------------------

std::vector<std::string> SqlStore::login_failures(const std::string& key, const std::string& since,
                                                  int limit) {
  return guarded(description_, "reading login failures", [&] {
    std::vector<std::string> times;
    for_each_row(session_,
                 "SELECT failed_at FROM login_failures WHERE key = :p1 AND failed_at >= :p2 "
                 "ORDER BY failed_at DESC LIMIT " +
                     std::to_string(std::max(limit, 0)),
                 {key, since}, {ColumnType::text},
                 [&](const ResultRow& row) { times.push_back(row.text(0)); });
    return times;
  });
}

void SqlStore::record_login_failure(const std::string& key, const std::string& at) {
  guarded(description_, "recording a login failure", [&] {
    execute(session_, "INSERT INTO login_failures (key, failed_at) VALUES (:p1, :p2)", {key, at});
  });
}

void SqlStore::clear_login_failures(const std::string& key) {
  guarded(description_, "clearing login failures",
          [&] { execute(session_, "DELETE FROM login_failures WHERE key = :p1", {key}); });
}

std::int64_t SqlStore::prune_login_failures(const std::string& cutoff) {
  return guarded(description_, "pruning login failures", [&] {
    return execute(session_, "DELETE FROM login_failures WHERE failed_at < :p1", {cutoff});
  });
}

}  // namespace planscore::store
