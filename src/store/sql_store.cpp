#include "store/sql_store.h"

#include <fmt/chrono.h>
#include <fmt/format.h>
#include <libpq-fe.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <chrono>
#include <map>
#include <mutex>
#include <set>

#include "store/aggregate_sql.h"
#include "store/identifiers.h"
#include "store/index_plan.h"
#include "store/migrations.h"
#include "store/register_json.h"
#include "store/register_schema.h"
#include "store/sql_rows.h"
#include "store/sql_store_support.h"
#include "store/sql_value.h"

namespace planscore::store {
namespace {

std::string utc_timestamp() {
  return fmt::format(
      "{:%Y-%m-%dT%H:%M:%SZ}",
      fmt::gmtime(std::chrono::system_clock::to_time_t(std::chrono::system_clock::now())));
}

// Before the first connection: a Store is used by one thread at a time (a server lends
// each from a pool), so SQLite's per-connection mutexes and the global mutex guarding its
// allocation statistics only make server threads wait for each other on every query.
// Fails harmlessly (SQLITE_MISUSE) when something initialised SQLite first. (SOCI puts
// the SQLite API in namespace sqlite_api.)
void configure_sqlite_library() {
  static std::once_flag once;
  std::call_once(once, [] {
    sqlite_api::sqlite3_config(SQLITE_CONFIG_MULTITHREAD);
    sqlite_api::sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
  });
}

// SOCI reads its connect string as keyword=value pairs (a URL arrives mangled), so the URL
// is taken apart by libpq itself and handed over as pairs, each value quoted.
std::string postgresql_connect_string(const std::string& url) {
  char* error = nullptr;
  PQconninfoOption* options = PQconninfoParse(url.c_str(), &error);
  if (options == nullptr) {
    const std::string message = error != nullptr ? error : "out of memory";
    PQfreemem(error);
    throw StoreError("'" + url_without_password(url) + "' is not a PostgreSQL URL: " + message);
  }
  std::string pairs;
  for (const PQconninfoOption* option = options; option->keyword != nullptr; ++option) {
    if (option->val == nullptr) continue;
    std::string quoted;
    for (const char c : std::string_view(option->val)) {
      if (c == '\\' || c == '\'') quoted += '\\';
      quoted += c;
    }
    pairs += std::string(pairs.empty() ? "" : " ") + option->keyword + "='" + quoted + "'";
  }
  PQconninfoFree(options);
  return pairs;
}

}  // namespace

SqlStore::SqlStore(const Dialect& dialect, std::string description)
    : dialect_(dialect), description_(std::move(description)) {}

std::unique_ptr<SqlStore> SqlStore::open_sqlite(const std::string& path) {
  configure_sqlite_library();
  if (path.empty()) throw StoreError("cannot open database: the path is empty");
  std::unique_ptr<SqlStore> store(new SqlStore(sqlite_dialect(), "database '" + path + "'"));
  store->path_ = path;
  // SOCI splits its connect string on spaces; quoting keeps paths with spaces whole.
  store->connect(soci::sqlite3, "db=\"" + path + "\"");
  return store;
}

PGconn* postgresql_connection(soci::session& session) {
  // SOCI's backend classes have no exported type information to dynamic_cast with.
  if (session.get_backend_name() != "postgresql") {
    throw StoreError("COPY needs a PostgreSQL connection");
  }
  return static_cast<soci::postgresql_session_backend*>(session.get_backend())->conn_;
}

std::unique_ptr<SqlStore> SqlStore::open_postgresql(const std::string& url) {
  std::unique_ptr<SqlStore> store(
      new SqlStore(postgresql_dialect(), "database '" + url_without_password(url) + "'"));
  store->url_ = url;
  store->connect(soci::postgresql, postgresql_connect_string(url));
  return store;
}

void SqlStore::connect(const soci::backend_factory& backend, const std::string& connect_string) {
  try {
    session_.open(backend, connect_string);
  } catch (const soci::soci_error& error) {
    // No database to talk to: a server down or unreachable, a file that cannot be opened.
    throw StoreError("cannot open " + description_ + ": " + error.what(),
                     StoreErrorKind::unavailable);
  }
  try {
    for (const std::string& statement : dialect_.connection_setup) session_ << statement;
    run_migrations(session_, dialect_);
    upgrade_register_tables();
  } catch (const StoreError& error) {
    throw StoreError("cannot open " + description_ + ": " + error.what(), error.kind);
  } catch (const soci::soci_error& error) {
    throw StoreError("cannot open " + description_ + ": " + error.what(), error_kind(error));
  }
}

PreparedQuery& SqlStore::prepared(std::unique_ptr<PreparedQuery>& slot, const std::string& sql,
                                  std::size_t text_parameters,
                                  const std::vector<ColumnType>& columns) {
  if (!slot) slot = std::make_unique<PreparedQuery>(session_, sql, text_parameters, columns);
  return *slot;
}

void SqlStore::begin() {
  if (in_transaction_) throw StoreError("a transaction is already open on " + description_);
  guarded(description_, "beginning a transaction", [&] {
    for (const std::string& statement : dialect_.begin_transaction) session_ << statement;
  });
  in_transaction_ = true;
}

void SqlStore::commit() {
  if (!in_transaction_) throw StoreError("no transaction to commit on " + description_);
  // Left open when COMMIT fails (say, busy), so the caller can still roll back.
  guarded(description_, "committing", [&] { session_ << "COMMIT"; });
  in_transaction_ = false;
}

void SqlStore::rollback() {
  if (!in_transaction_) return;
  in_transaction_ = false;
  guarded(description_, "rolling back", [&] { session_ << "ROLLBACK"; });
}

// --- plans ---------------------------------------------------------------------------

std::optional<StoredPlan> SqlStore::current_plan() {
  return guarded(description_, "reading the current plan", [&]() -> std::optional<StoredPlan> {
    StoredPlan plan;
    long long version = 0;
    soci::indicator found = soci::i_null;
    session_ << "SELECT id, document, version FROM plans WHERE is_current = 1 LIMIT 1",
        soci::into(plan.id, found), soci::into(plan.document), soci::into(version);
    if (!session_.got_data()) return std::nullopt;
    plan.version = version;
    return plan;
  });
}

std::optional<PlanVersion> SqlStore::current_plan_version() {
  return guarded(description_, "reading the current plan's version",
                 [&]() -> std::optional<PlanVersion> {
                   std::optional<PlanVersion> plan;
                   prepared(plan_version_query_,
                            "SELECT p.id, p.version, d.value FROM plans p, data_version d "
                            "WHERE p.is_current = 1 LIMIT 1",
                            0, {ColumnType::text, ColumnType::integer, ColumnType::integer})
                       .run({}, [&](const ResultRow& row) {
                         plan = PlanVersion{row.text(0), row.integer(1), row.integer(2)};
                       });
                   return plan;
                 });
}

std::optional<std::int64_t> SqlStore::save_plan(const std::string& plan_id, const std::string& name,
                                                const std::string& document,
                                                std::int64_t expected_version) {
  return guarded(
      description_, "saving plan '" + plan_id + "'", [&]() -> std::optional<std::int64_t> {
        WriteScope scope(*this);
        const std::string now = utc_timestamp();
        const long long expected = expected_version;
        // The version check and the write are one statement, so two writers
        // that read the same version cannot both succeed.
        soci::statement write =
            expected_version == 0
                ? (session_.prepare << "INSERT INTO plans (id, name, document, version, "
                                       "is_current, updated_at) VALUES (:id, :name, :document, 1, "
                                       "0, :updated_at) ON CONFLICT (id) DO NOTHING",
                   soci::use(plan_id), soci::use(name), soci::use(document), soci::use(now))
                : (session_.prepare << "UPDATE plans SET name = :name, document = :document, "
                                       "version = version + 1, updated_at = :updated_at "
                                       "WHERE id = :id AND version = :expected",
                   soci::use(name), soci::use(document), soci::use(now), soci::use(plan_id),
                   soci::use(expected));
        write.execute(true);
        if (write.get_affected_rows() != 1) return std::nullopt;
        session_ << "UPDATE plans SET is_current = CASE WHEN id = :id THEN 1 ELSE 0 "
                    "END",
            soci::use(plan_id);
        bump_data_version();
        scope.commit();
        return expected_version + 1;
      });
}

// --- registers -----------------------------------------------------------------------

bool SqlStore::table_has_records(const std::string& table) {
  int found = 0;
  session_ << "SELECT COUNT(*) FROM (SELECT 1 FROM " + table + " LIMIT 1) AS probe",
      soci::into(found);
  return found > 0;
}

std::map<std::string, core::RegisterDef> SqlStore::stored_registers() {
  std::map<std::string, core::RegisterDef> stored;
  soci::rowset<soci::row> rows = (session_.prepare << "SELECT id, definition FROM registers");
  for (const soci::row& row : rows) {
    stored.emplace(row.get<std::string>(0), register_from_json(row.get<std::string>(1)));
  }
  return stored;
}

bool SqlStore::has_version_column(const std::string& table) {
  bool found = false;
  for_each_row(session_, dialect_.column_names_sql, {table}, {ColumnType::text},
               [&](const ResultRow& row) { found = found || row.text(0) == "version"; });
  return found;
}

void SqlStore::upgrade_register_tables() {
  std::vector<core::RegisterDef> stale;
  for (auto& [id, definition] : stored_registers()) {
    if (!has_version_column(table_name(id))) stale.push_back(std::move(definition));
  }
  if (stale.empty()) return;
  WriteScope scope(*this);
  for (const core::RegisterDef& definition : stale) {
    // Another process may have upgraded the table while this one waited for the lock.
    if (!has_version_column(table_name(definition.id))) {
      session_ << add_version_column_sql(definition, dialect_);
    }
  }
  scope.commit();
}

core::Problems SqlStore::apply_registers(const std::vector<core::RegisterDef>& registers) {
  return guarded(description_, "applying registers", [&]() -> core::Problems {
    core::Problems problems;
    std::set<std::string> ids;
    for (const core::RegisterDef& wanted : registers) {
      core::Problems own = check_register_for_storage(wanted);
      problems.insert(problems.end(), own.begin(), own.end());
      if (!ids.insert(wanted.id).second) {
        problems.push_back({"registers." + wanted.id, "register id appears twice"});
      }
    }
    if (!problems.empty()) return problems;

    const std::map<std::string, core::RegisterDef> stored = stored_registers();

    struct Action {
      const core::RegisterDef* wanted;
      bool rebuild;  // no table yet, or an empty table whose fields changed incompatibly
      SchemaChange change;
    };
    std::vector<Action> actions;
    for (const core::RegisterDef& wanted : registers) {
      const auto old = stored.find(wanted.id);
      if (old == stored.end()) {
        actions.push_back({&wanted, true, {}});
        continue;
      }
      SchemaChange change = diff_register(old->second, wanted);
      const bool incompatible = !change.incompatible.empty();
      if (incompatible && table_has_records(table_name(wanted.id))) {
        problems.insert(problems.end(), change.incompatible.begin(), change.incompatible.end());
      }
      actions.push_back({&wanted, incompatible, std::move(change)});
    }
    if (!problems.empty()) return problems;

    WriteScope scope(*this);
    for (const Action& action : actions) {
      const core::RegisterDef& wanted = *action.wanted;
      const std::string table = table_name(wanted.id);
      if (action.rebuild) {
        if (stored.count(wanted.id) != 0) session_ << "DROP TABLE " + table;
        session_ << create_table_sql(wanted, dialect_);
        // ensure_indexes adds the plan's aggregate indexes, and may drop this one then.
        session_ << time_index(wanted).create_sql();
      } else {
        if (!has_version_column(table)) session_ << add_version_column_sql(wanted, dialect_);
        for (const core::FieldDef* field : action.change.added_fields) {
          session_ << add_column_sql(wanted, *field, dialect_);
        }
      }
      const std::string definition = register_to_json(wanted);
      session_ << "INSERT INTO registers (id, definition) VALUES (:id, :definition) "
                  "ON CONFLICT (id) DO UPDATE SET definition = excluded.definition",
          soci::use(wanted.id), soci::use(definition);
    }
    scope.commit();
    return {};
  });
}

void SqlStore::ensure_indexes(const core::RegisterDef& register_def,
                              const std::vector<const core::metric::Aggregate*>& aggregates) {
  guarded(description_, "creating indexes for register '" + register_def.id + "'", [&] {
    std::vector<const core::metric::Aggregate*> terms;
    for (const core::metric::Aggregate* term : aggregates) {
      if (term != nullptr && term->register_id == register_def.id) terms.push_back(term);
    }
    const std::string table = table_name(register_def.id);
    std::set<std::string> wanted;
    for (const IndexSpec& index : register_indexes(register_def, terms)) {
      session_ << index.create_sql();
      wanted.insert(index.name);
    }
    // Indexes of terms the plan no longer has (or of an older index plan) only slow
    // every write down.
    std::vector<std::string> unwanted;
    for_each_row(session_, dialect_.index_names_sql, {table}, {ColumnType::text},
                 [&](const ResultRow& row) {
                   const std::string& name = row.text(0);
                   if (name.rfind("ix_" + table + "_", 0) == 0 && wanted.count(name) == 0) {
                     unwanted.push_back(name);
                   }
                 });
    for (const std::string& name : unwanted) session_ << "DROP INDEX " + name;
  });
}

// --- data version --------------------------------------------------------------------

std::int64_t SqlStore::data_version() {
  return guarded(description_, "reading the data version", [&] {
    std::int64_t value = 0;
    prepared(data_version_query_, "SELECT value FROM data_version", 0, {ColumnType::integer})
        .run({}, [&](const ResultRow& row) { value = row.integer(0); });
    return value;
  });
}

void SqlStore::bump_data_version() {
  session_ << "UPDATE data_version SET value = value + 1";
}

}  // namespace planscore::store
