#pragma once
// The database. A Store is one connection to an agency's database: the current plan
// (as a document with a version), the registers' tables and records, manual indicator
// values. SQL is kept portable; SQLite is the embedded default.
// Not safe to share between threads: open one Store per thread.
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/calendar/year_range.h"
#include "core/metric/ast.h"
#include "core/plan/plan.h"
#include "core/register/record.h"
#include "store/maintained_totals.h"
#include "store/rows.h"

namespace planscore::store {

// What the database said when it failed, where it says something a person can act on.
enum class StoreErrorKind {
  other,
  full,         // no room left for the change (disk or quota full)
  read_only,    // the database or its directory cannot be written
  unavailable,  // the file could not be read or written (I/O error)
  // The register's definition changed (a plan edit, maybe through another server) after
  // the writer read it; nothing was written, and the write may be tried again.
  changed_meanwhile,
};

// Thrown for failures the caller cannot prevent (disk full, corrupt file, lost
// connection). Expected rejections are values, not exceptions.
struct StoreError : std::runtime_error {
  using std::runtime_error::runtime_error;
  StoreError(const std::string& message, StoreErrorKind why)
      : std::runtime_error(message), kind(why) {}
  StoreErrorKind kind = StoreErrorKind::other;
};

// Whether `url` names a PostgreSQL database (postgresql:// or postgres://).
bool is_postgresql_url(const std::string& url);
// `url` with the password (user:password@) left out, for messages and logs.
std::string url_without_password(const std::string& url);
class Store;

// The file an SQLite database URL names (a path, or sqlite:PATH); empty for PostgreSQL.
std::string sqlite_file_of(const std::string& url);
// Opens the database at `url` (Store::open), first creating the folder of an SQLite file
// that does not exist yet, which opening then creates.
std::unique_ptr<Store> open_or_create(const std::string& url);
// Removes an SQLite database file with the journal files SQLite keeps beside it (-wal,
// -shm, -journal); what is not there is skipped.
void remove_sqlite_database(const std::string& file);

struct StoredPlan {
  std::string id;
  std::string document;  // the plan as canonical JSON (planfile)
  std::int64_t version = 0;
};

struct ManualValue {
  std::string indicator_id;
  int year = 0;
  double value = 0;
  std::string note;
  std::int64_t version = 0;
};

struct PlanVersion {
  std::string id;
  std::int64_t version = 0;
  std::int64_t data_version = 0;  // as data_version(), read in the same query
};

// What a database holds, counted, so a backup or a restore can show what it carried.
struct DatabaseCounts {
  int schema_version = 0;                       // the last migration applied
  std::map<std::string, std::int64_t> records;  // register id → records
  std::int64_t plans = 0;
  std::int64_t manual_values = 0;
  std::int64_t users = 0;
  std::int64_t audit_entries = 0;
  std::int64_t reviews = 0;
  std::int64_t comments = 0;
  std::int64_t evidence_files = 0;
  std::int64_t year_locks = 0;

  std::int64_t total_records() const;
  // Nothing anyone entered: no plan, record, value, account, review or audit entry.
  bool empty() const;
  bool operator==(const DatabaseCounts&) const = default;
};

// The outcome of Store::restore_from: a refusal says why the backup file cannot be
// restored (and nothing was changed), otherwise what the database now holds.
struct RestoreResult {
  std::string refused;
  DatabaseCounts counts;
};

class Store;

// A transaction: commits when commit() is called, rolls back when destroyed without.
class Transaction {
 public:
  explicit Transaction(Store& store);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  void commit();

 private:
  Store& store_;
  bool done_ = false;
};

class Store {
 public:
  virtual ~Store() = default;

  // Opens the database at `url`: a file path or "sqlite:PATH" (created if needed), or a
  // PostgreSQL URL "postgresql://user@host:port/db" (the database must exist).
  // Runs pending migrations. Throws StoreError when the database cannot be opened.
  static std::unique_ptr<Store> open(const std::string& url);

  virtual void begin() = 0;
  virtual void commit() = 0;
  virtual void rollback() = 0;
  // False once the connection is known to be lost (a PostgreSQL server restarted, say):
  // a pool drops such a store instead of lending it again.
  virtual bool connected() = 0;

  // --- plans -------------------------------------------------------------------------
  // The plan marked current (the last one imported), if any.
  virtual std::optional<StoredPlan> current_plan() = 0;
  // The current plan's id and version and the data version, without the document (one
  // cheap query: caches ask on every request).
  virtual std::optional<PlanVersion> current_plan_version() = 0;
  // Stores the plan document and makes it current. `expected_version` is the version
  // the caller read (0 for a new plan); returns the new version, or nullopt when the
  // stored version differs (someone else changed it) and nothing was written.
  virtual std::optional<std::int64_t> save_plan(const std::string& plan_id, const std::string& name,
                                                const std::string& document,
                                                std::int64_t expected_version) = 0;

  // --- registers ---------------------------------------------------------------------
  // Creates the tables of registers that do not exist yet and adds fields that are new.
  // Returns problems (and changes nothing) when an existing register's field changed
  // type or was removed while it holds records.
  virtual core::Problems apply_registers(const std::vector<core::RegisterDef>& registers) = 0;
  // Creates the indexes the given aggregates need to be answered without a full scan.
  virtual void ensure_indexes(const core::RegisterDef& register_def,
                              const std::vector<const core::metric::Aggregate*>& aggregates) = 0;
  // Makes these the register's maintained terms: their totals are kept up to date by
  // every write from now on, in the write's transaction, and aggregate() answers them
  // from the totals instead of scanning. Terms the register no longer needs are dropped;
  // new ones, and all of them when the register's definition changed, are built from its
  // records. Terms not maintained are still answered, by a scan.
  virtual void maintain_terms(const core::RegisterDef& register_def,
                              const std::vector<const core::metric::Aggregate*>& aggregates) = 0;

  // Inserts records (values in field order, already parsed and checked); returns the
  // new record ids. Call inside a Transaction for all-or-nothing batches.
  virtual std::vector<std::int64_t> insert_records(const core::RegisterDef& register_def,
                                                   const std::vector<core::Record>& records) = 0;
  virtual std::int64_t count_records(const core::RegisterDef& register_def) = 0;

  // --- aggregates --------------------------------------------------------------------
  // The aggregate's value over the register's records of ROC years `years`: from the
  // term's maintained totals (maintain_terms) or else by one parameterized query. nullopt for
  // avg/min/max over no records. min/max of a date field answer the date as the number YYYYMMDD
  // (2015-03-15 → 20150315).
  virtual std::optional<double> aggregate(const core::RegisterDef& register_def,
                                          const core::metric::Aggregate& term,
                                          core::YearRange years) = 0;
  // Each term's value by a scan of the register, whether or not it is maintained: the
  // reference that maintained totals are checked and measured against, and the way terms
  // that are not maintained are answered. Terms of one scope of which one reads every
  // record of the years (index_plan.h) are computed together in one pass.
  virtual std::vector<std::optional<double>> scanned_aggregates(
      const core::RegisterDef& register_def,
      const std::vector<const core::metric::Aggregate*>& terms, core::YearRange years) = 0;
  std::optional<double> scanned_aggregate(const core::RegisterDef& register_def,
                                          const core::metric::Aggregate& term,
                                          core::YearRange years) {
    return scanned_aggregates(register_def, {&term}, years).front();
  }
  // Every maintained term's totals, read at once (maintained_totals.h).
  virtual MaintainedTotals maintained_totals() = 0;
  // Whether the register holds any record placed in `years` (for "no data").
  virtual bool has_records_in(const core::RegisterDef& register_def, core::YearRange years) = 0;

  // --- records one by one -------------------------------------------------------------
  // Filter, sort and page through a register's records. Field ids in the query must be
  // the register's (the service checks); values are bound, never spliced into SQL.
  virtual RecordPage list_records(const core::RegisterDef& register_def,
                                  const RecordQuery& query) = 0;
  // Up to `limit` selected records whose id is above `after_id`, in id order: a whole
  // register (or what filters keep of it) read page by page, each page costing the same
  // however far in it starts (OFFSET reads every earlier record again, so paging with it
  // is quadratic).
  virtual std::vector<StoredRecord> records_after(const core::RegisterDef& register_def,
                                                  const RecordScope& scope, std::int64_t after_id,
                                                  std::int64_t limit) = 0;
  virtual std::optional<StoredRecord> find_record(const core::RegisterDef& register_def,
                                                  std::int64_t record_id) = 0;
  // Replaces a record's values when its stored version is `expected_version`; returns the
  // new version, or nullopt (nothing written) when the record is missing or newer.
  virtual std::optional<std::int64_t> update_record(const core::RegisterDef& register_def,
                                                    std::int64_t record_id,
                                                    const core::Record& record,
                                                    std::int64_t expected_version) = 0;
  // Deletes a record at `expected_version`; false (nothing deleted) when missing or newer.
  virtual bool delete_record(const core::RegisterDef& register_def, std::int64_t record_id,
                             std::int64_t expected_version) = 0;

  // --- manual values -----------------------------------------------------------------
  // Upserts unconditionally (CLI, demo data); returns the new version.
  virtual std::int64_t set_manual_value(const std::string& plan_id, const ManualValue& value) = 0;
  // Writes `value` when the stored version is `expected_version` (0: must not exist yet);
  // returns the new version or nullopt when the stored version differs.
  virtual std::optional<std::int64_t> save_manual_value(const std::string& plan_id,
                                                        const ManualValue& value,
                                                        std::int64_t expected_version) = 0;
  virtual bool delete_manual_value(const std::string& plan_id, const std::string& indicator_id,
                                   int year, std::int64_t expected_version) = 0;
  virtual std::vector<ManualValue> manual_values(const std::string& plan_id) = 0;

  // A number that changes whenever anything evaluation reads changes (plan, records,
  // manual values), in this process or another sharing the database. Caches key on it.
  virtual std::int64_t data_version() = 0;

  // --- accounts ----------------------------------------------------------------------
  // Inserts a user (id and version are assigned); nullopt when the username is taken.
  virtual std::optional<std::int64_t> create_user(const UserRow& user) = 0;
  virtual std::optional<UserRow> find_user(std::int64_t user_id) = 0;
  virtual std::optional<UserRow> find_user_by_name(const std::string& username) = 0;
  virtual std::vector<UserRow> list_users() = 0;
  virtual std::int64_t count_users() = 0;
  // Writes every column but id and created_at when the stored version is
  // user.version; returns the new version or nullopt.
  virtual std::optional<std::int64_t> update_user(const UserRow& user) = 0;

  virtual void create_session(const SessionRow& session) = 0;
  // The session and its user, in one query.
  virtual std::optional<SessionAndUser> find_session(const std::string& token_hash) = 0;
  virtual void touch_session(const std::string& token_hash, const std::string& last_seen_at) = 0;
  virtual void delete_session(const std::string& token_hash) = 0;
  // Ends every session of the user except `keep_token_hash` (may be empty).
  virtual void delete_user_sessions(std::int64_t user_id, const std::string& keep_token_hash) = 0;
  // Deletes sessions last seen before `cutoff`; returns how many.
  virtual std::int64_t delete_idle_sessions(const std::string& cutoff) = 0;
  // Ends every session of the user but the `keep` last seen; returns how many.
  virtual std::int64_t delete_user_sessions_beyond(std::int64_t user_id, int keep) = 0;

  // Failed logins, one row each, under a key ("user:NAME" or "address:IP").
  // When logins failed under `key` at or after `since`: newest first, at most `limit`.
  virtual std::vector<std::string> login_failures(const std::string& key, const std::string& since,
                                                  int limit) = 0;
  virtual void record_login_failure(const std::string& key, const std::string& at) = 0;
  virtual void clear_login_failures(const std::string& key) = 0;
  // Forgets the failures before `cutoff`, under every key; returns how many.
  virtual std::int64_t prune_login_failures(const std::string& cutoff) = 0;

  // --- audit trail (append-only) -----------------------------------------------------
  virtual std::int64_t append_audit(const AuditEntry& entry) = 0;
  // Newest first.
  virtual std::vector<AuditEntry> query_audit(const AuditQuery& query) = 0;

  // --- review workflow ---------------------------------------------------------------
  virtual std::optional<ReviewRow> find_review(const std::string& plan_id,
                                               const std::string& indicator_id, int year) = 0;
  // Every stored review of the plan in `year` (all years when nullopt).
  virtual std::vector<ReviewRow> list_reviews(const std::string& plan_id,
                                              std::optional<int> year) = 0;
  // Upserts when the stored version is `expected_version` (0: must not exist yet); returns
  // the new version or nullopt.
  virtual std::optional<std::int64_t> save_review(const ReviewRow& review,
                                                  std::int64_t expected_version) = 0;

  virtual std::int64_t add_comment(const CommentRow& comment) = 0;
  virtual std::vector<CommentRow> list_comments(const std::string& plan_id,
                                                const std::string& indicator_id, int year) = 0;

  virtual std::int64_t add_evidence(const EvidenceRow& evidence) = 0;
  // Without content.
  virtual std::vector<EvidenceRow> list_evidence(const std::string& plan_id,
                                                 const std::string& indicator_id, int year) = 0;
  // With content.
  virtual std::optional<EvidenceRow> find_evidence(std::int64_t evidence_id) = 0;
  virtual bool delete_evidence(std::int64_t evidence_id) = 0;

  virtual void lock_year(const YearLock& lock) = 0;
  virtual bool unlock_year(const std::string& plan_id, int year) = 0;
  virtual std::vector<YearLock> year_locks(const std::string& plan_id) = 0;

  // --- backup and restore ------------------------------------------------------------
  // A backup is one file in the backend's own format; the service decides when to take
  // one and where it goes. Neither may be called inside an open transaction.
  virtual DatabaseCounts counts() = 0;
  // Copies everything in `source` (the same schema version, SQLite or PostgreSQL) into
  // this database, which must hold nothing yet: every row as it is, ids included, and
  // the id counters, so an id deleted in `source` is not handed out again here. One
  // read snapshot of `source`, one transaction here. Throws StoreError.
  virtual void copy_from(Store& source) = 0;
  // Writes a copy of the whole database as of one moment to the file `path` while other
  // connections keep reading and writing. The copy gets its name only once it is
  // complete, on disk and checked, so `path` never holds half a backup; an existing file
  // is replaced only when `replace` is set (else StoreError, and it stays untouched).
  // Returns what the copy holds.
  virtual DatabaseCounts backup_to(const std::string& path, bool replace) = 0;
  // Replaces everything in this database with the backup file at `path`, after checking
  // that it is whole, undamaged and of a schema this build knows (an older one is
  // migrated). When `keep_previous_at` is not empty the current content is first backed
  // up there. A file that fails a check is refused and nothing is written.
  virtual RestoreResult restore_from(const std::string& path,
                                     const std::string& keep_previous_at) = 0;
};

}  // namespace planscore::store
