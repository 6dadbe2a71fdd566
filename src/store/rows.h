#pragma once
// Rows of the store's own tables (accounts, sessions, audit trail, review workflow),
// as plain values. Timestamps are UTC ISO 8601 text ("2026-11-27T08:30:00Z"); the
// service layer decides what they mean.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/register/record.h"

namespace planscore::store {

struct UserRow {
  std::int64_t id = 0;
  std::string username;  // unique, case-sensitive
  std::string display_name;
  std::string password_hash;  // argon2id string from libsodium (crypto_pwhash_str)
  std::string role;           // core::Role spelling
  std::string section_id;     // empty for roles not tied to a section
  bool active = true;
  std::int64_t version = 0;
  std::string created_at;
  std::string password_changed_at;
  // Set when someone else chose the password (a new account, a reset): the user must
  // choose their own at the next sign-in before doing anything else.
  bool must_change_password = false;
};

struct SessionRow {
  std::string token_hash;  // SHA-256 hex of the cookie's token: a leaked table logs no one in
  std::int64_t user_id = 0;
  std::string csrf_token;
  std::string created_at;
  std::string last_seen_at;
  std::string address;
};

struct SessionAndUser {
  SessionRow session;
  UserRow user;
};

struct AuditEntry {
  std::int64_t id = 0;
  std::string at;
  std::int64_t user_id = 0;  // 0: the system (CLI, migrations)
  std::string username;
  std::string action;       // "record.create", "review.submit", "login.failed" …
  std::string object_type;  // "record", "plan", "review", "user", "session" …
  std::string object_id;    // "volunteers/12", "b1-1/105" …
  std::string before;       // JSON text, or empty
  std::string after;        // JSON text, or empty
  std::string reason;       // free text: an unlock's reason, a return's comment
};

struct AuditQuery {
  std::optional<std::string> object_type;
  std::optional<std::string> object_id;
  std::optional<std::int64_t> user_id;
  std::optional<std::string> from;  // at >= from
  std::optional<std::string> to;    // at < to
  std::int64_t before_id = 0;       // page backwards: only entries with id < before_id (0: all)
  int limit = 100;
};

// The review state of one indicator in one year, with its explanation.
struct ReviewRow {
  std::string plan_id;
  std::string indicator_id;
  int year = 0;
  std::string state;        // core::ReviewState spelling
  std::string explanation;  // 未達成原因及改善措施 or a note on the result
  std::int64_t version = 0;
  std::string updated_at;
  std::int64_t updated_by = 0;
};

struct CommentRow {
  std::int64_t id = 0;
  std::string plan_id;
  std::string indicator_id;
  int year = 0;
  std::int64_t user_id = 0;
  std::string username;
  std::string body;
  std::string created_at;
};

struct EvidenceRow {
  std::int64_t id = 0;
  std::string plan_id;
  std::string indicator_id;
  int year = 0;
  std::string file_name;
  std::string content_type;
  std::int64_t size = 0;
  std::string sha256;   // hex
  std::string content;  // bytes; left empty by list_evidence
  std::int64_t uploaded_by = 0;
  std::string uploaded_at;
};

struct YearLock {
  std::string plan_id;
  int year = 0;
  std::string locked_at;
  std::int64_t locked_by = 0;
};

// A register record as stored: its id and version beside the values.
struct StoredRecord {
  std::int64_t id = 0;
  std::int64_t version = 0;
  core::Record record;
};

enum class FilterOp { eq, ne, lt, le, gt, ge, contains };

struct RecordFilter {
  std::string field_id;  // must be a field of the register
  FilterOp op = FilterOp::eq;
  core::FieldValue value;  // parsed for the field's type; contains takes text
};

// Which records a whole-register read takes (Store::records_after).
struct RecordScope {
  std::optional<int> year;  // placed in this ROC year by the register's time basis
  // All must hold. The initializer lets {year} leave it out without a warning.
  std::vector<RecordFilter> filters = {};
};

struct RecordQuery {
  std::vector<RecordFilter> filters;  // all must hold
  std::optional<int> year;            // placed in this ROC year by the register's time basis
  std::string sort_field;             // a field id; empty sorts by record id
  bool descending = false;
  std::int64_t offset = 0;
  std::int64_t limit = 50;
};

struct RecordPage {
  std::vector<StoredRecord> records;
  std::int64_t total = 0;  // records matching the query, ignoring offset and limit
};

}  // namespace planscore::store
