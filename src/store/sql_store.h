#pragma once
// The Store over a SOCI session, on SQLite or PostgreSQL: the SQL is portable and the few
// differences live in a Dialect.
// Members are defined by subject: sql_store.cpp (connection, transactions, plans,
// registers, aggregates), sql_store_records.cpp, sql_store_manual_values.cpp,
// sql_store_accounts.cpp, sql_store_audit.cpp, sql_store_reviews.cpp,
// sql_store_evidence.cpp, sql_store_backup.cpp.
#include <map>
#include <string>

#include "store/dialect.h"
#include "store/soci.h"
#include "store/sql_rows.h"
#include "store/store.h"
#include "store/term_totals_sql.h"

namespace planscore::store {

class SqlStore final : public Store {
 public:
  // Opens an SQLite file (created if missing; its directory must exist), applies the
  // connection settings and runs pending migrations.
  static std::unique_ptr<SqlStore> open_sqlite(const std::string& path);
  // Connects to a PostgreSQL database given as a libpq URL (postgresql://user@host/db);
  // the database must exist. Runs pending migrations.
  static std::unique_ptr<SqlStore> open_postgresql(const std::string& url);

  void begin() override;
  void commit() override;
  void rollback() override;
  bool connected() override { return session_.is_connected(); }

  std::optional<StoredPlan> current_plan() override;
  std::optional<PlanVersion> current_plan_version() override;
  std::optional<std::int64_t> save_plan(const std::string& plan_id, const std::string& name,
                                        const std::string& document,
                                        std::int64_t expected_version) override;

  core::Problems apply_registers(const std::vector<core::RegisterDef>& registers) override;
  void ensure_indexes(const core::RegisterDef& register_def,
                      const std::vector<const core::metric::Aggregate*>& aggregates) override;

  void maintain_terms(const core::RegisterDef& register_def,
                      const std::vector<const core::metric::Aggregate*>& aggregates) override;
  std::vector<std::int64_t> insert_records(const core::RegisterDef& register_def,
                                           const std::vector<core::Record>& records) override;
  std::int64_t count_records(const core::RegisterDef& register_def) override;

  std::optional<double> aggregate(const core::RegisterDef& register_def,
                                  const core::metric::Aggregate& term,
                                  core::YearRange years) override;
  std::vector<std::optional<double>> scanned_aggregates(
      const core::RegisterDef& register_def,
      const std::vector<const core::metric::Aggregate*>& terms, core::YearRange years) override;
  MaintainedTotals maintained_totals() override;
  bool has_records_in(const core::RegisterDef& register_def, core::YearRange years) override;

  RecordPage list_records(const core::RegisterDef& register_def, const RecordQuery& query) override;
  std::vector<StoredRecord> records_after(const core::RegisterDef& register_def,
                                          const RecordScope& scope, std::int64_t after_id,
                                          std::int64_t limit) override;
  std::optional<StoredRecord> find_record(const core::RegisterDef& register_def,
                                          std::int64_t record_id) override;
  std::optional<std::int64_t> update_record(const core::RegisterDef& register_def,
                                            std::int64_t record_id, const core::Record& record,
                                            std::int64_t expected_version) override;
  bool delete_record(const core::RegisterDef& register_def, std::int64_t record_id,
                     std::int64_t expected_version) override;

  std::int64_t set_manual_value(const std::string& plan_id, const ManualValue& value) override;
  std::optional<std::int64_t> save_manual_value(const std::string& plan_id,
                                                const ManualValue& value,
                                                std::int64_t expected_version) override;
  bool delete_manual_value(const std::string& plan_id, const std::string& indicator_id, int year,
                           std::int64_t expected_version) override;
  std::vector<ManualValue> manual_values(const std::string& plan_id) override;

  std::int64_t data_version() override;

  std::optional<std::int64_t> create_user(const UserRow& user) override;
  std::optional<UserRow> find_user(std::int64_t user_id) override;
  std::optional<UserRow> find_user_by_name(const std::string& username) override;
  std::vector<UserRow> list_users() override;
  std::int64_t count_users() override;
  std::optional<std::int64_t> update_user(const UserRow& user) override;

  void create_session(const SessionRow& session) override;
  std::optional<SessionAndUser> find_session(const std::string& token_hash) override;
  void touch_session(const std::string& token_hash, const std::string& last_seen_at) override;
  void delete_session(const std::string& token_hash) override;
  void delete_user_sessions(std::int64_t user_id, const std::string& keep_token_hash) override;
  std::int64_t delete_idle_sessions(const std::string& cutoff) override;

  std::int64_t delete_user_sessions_beyond(std::int64_t user_id, int keep) override;
  std::vector<std::string> login_failures(const std::string& key, const std::string& since,
                                          int limit) override;
  void record_login_failure(const std::string& key, const std::string& at) override;
  void clear_login_failures(const std::string& key) override;
  std::int64_t prune_login_failures(const std::string& cutoff) override;

  std::int64_t append_audit(const AuditEntry& entry) override;
  std::vector<AuditEntry> query_audit(const AuditQuery& query) override;

  std::optional<ReviewRow> find_review(const std::string& plan_id, const std::string& indicator_id,
                                       int year) override;
  std::vector<ReviewRow> list_reviews(const std::string& plan_id, std::optional<int> year) override;
  std::optional<std::int64_t> save_review(const ReviewRow& review,
                                          std::int64_t expected_version) override;

  std::int64_t add_comment(const CommentRow& comment) override;
  std::vector<CommentRow> list_comments(const std::string& plan_id, const std::string& indicator_id,
                                        int year) override;

  std::int64_t add_evidence(const EvidenceRow& evidence) override;
  std::vector<EvidenceRow> list_evidence(const std::string& plan_id,
                                         const std::string& indicator_id, int year) override;
  std::optional<EvidenceRow> find_evidence(std::int64_t evidence_id) override;
  bool delete_evidence(std::int64_t evidence_id) override;

  void lock_year(const YearLock& lock) override;
  bool unlock_year(const std::string& plan_id, int year) override;
  std::vector<YearLock> year_locks(const std::string& plan_id) override;

  DatabaseCounts counts() override;
  void copy_from(Store& source) override;
  DatabaseCounts backup_to(const std::string& path, bool replace) override;
  RestoreResult restore_from(const std::string& path, const std::string& keep_previous_at) override;

 private:
  // Runs a write as one transaction, or inside the caller's if one is open
  // (sql_store_support.h).
  class WriteScope;

  SqlStore(const Dialect& dialect, std::string description);
  // Opens the session, applies the dialect's settings and migrates.
  void connect(const soci::backend_factory& backend, const std::string& connect_string);
  bool table_has_records(const std::string& table);
  std::map<std::string, core::RegisterDef> stored_registers();
  bool has_version_column(const std::string& table);
  // Gives register tables made before records had versions (schema 1) their version
  // column, so a database upgraded by a newer program works before the next plan import.
  void upgrade_register_tables();
  // sql_store_dump.cpp: backup_to and restore_from for PostgreSQL, through pg_dump and
  // pg_restore.
  DatabaseCounts dump_to(const std::string& path, bool replace);
  RestoreResult restore_dump(const std::string& path, const std::string& keep_previous_at);
  // The bytes of an evidence file known to exist.
  std::string evidence_content(std::int64_t evidence_id);
  // Inserts an evidence file; with `keep_id` under evidence.id (a copy), else a new id.
  std::int64_t insert_evidence(const EvidenceRow& evidence, bool keep_id);
  // sql_store_copy.cpp: one table's rows, and the counter of its ids.
  void copy_table_rows(SqlStore& source, const std::string& table);
  std::int64_t id_counter(const std::string& table);
  void set_id_counter(const std::string& table, std::int64_t value);
  // sql_store_aggregates.cpp: the terms maintained for the register, for run_deltas.
  // Throws StoreError (changed_meanwhile) when they were built over another definition of
  // the register than the writer's.
  std::vector<MaintainedTerm> maintained_terms_of(const core::RegisterDef& register_def);
  struct StoredTerm {
    std::int64_t id = 0;
    std::string key;
    std::string register_shape;  // term_totals_sql.h: register_shape()
  };
  std::vector<StoredTerm> stored_terms(const std::string& register_id);
  // Adds (+1) or takes away (-1) the selected records' share of the terms; each record
  // write calls it inside its WriteScope.
  void run_deltas(const core::RegisterDef& register_def, const std::vector<MaintainedTerm>& terms,
                  int sign, const RecordSelection& records);
  // `count` new ids for the register's records, in order (Dialect::reserve_ids_sql).
  std::vector<std::int64_t> reserve_ids(const core::RegisterDef& register_def, std::size_t count);
  // Runs a statement of the record writes' deltas, prepared on first use.
  void run_prepared(const std::string& sql, std::vector<SqlValue> parameters);
  // Builds the totals of every maintained term again from the records.
  void rebuild_maintained_terms();
  // The term's value from its maintained totals; nullopt when it is not maintained.
  std::optional<std::optional<double>> maintained_aggregate(const core::RegisterDef& register_def,
                                                            const core::metric::Aggregate& term,
                                                            core::YearRange years);
  // Every write that changes what evaluation reads calls this inside its WriteScope.
  void bump_data_version();

  // The query prepared in `slot`, preparing it on first use.
  PreparedQuery& prepared(std::unique_ptr<PreparedQuery>& slot, const std::string& sql,
                          std::size_t text_parameters, const std::vector<ColumnType>& columns);

  const Dialect& dialect_;
  std::string description_;  // names the database in error messages
  std::string path_;         // the SQLite file, for backup's and restore's own connections
  std::string url_;          // the PostgreSQL URL, for pg_dump and pg_restore
  soci::session session_;
  bool in_transaction_ = false;
  // Asked on every request; declared after session_ so they are finalized before it.
  std::unique_ptr<PreparedQuery> session_query_;
  std::unique_ptr<PreparedQuery> plan_version_query_;
  std::unique_ptr<PreparedQuery> data_version_query_;
  // Maintained terms parsed back from their keys, for the writes that update them, and
  // the statements of their deltas by SQL text.
  std::map<std::string, core::metric::ExprPtr> parsed_terms_;
  std::map<std::string, std::unique_ptr<PreparedStatement>> delta_statements_;
  std::unique_ptr<PreparedQuery> maintained_terms_query_;
  std::unique_ptr<PreparedQuery> maintained_totals_query_;
  std::unique_ptr<PreparedQuery> term_totals_query_;
};

}  // namespace planscore::store
