// SqlStore: a register's records, in batches and one by one.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "store/identifiers.h"
#include "store/postgresql_copy.h"
#include "store/record_query_sql.h"
#include "store/sql_rows.h"
#include "store/sql_store.h"
#include "store/sql_store_support.h"
#include "store/sql_value.h"

namespace planscore::store {
namespace {

// The bound slot of a field: one C++ type per column, so a prepared insert can be
// reused for every record.
SqlValue empty_slot(core::FieldType type) {
  switch (type) {
    case core::FieldType::integer:
    case core::FieldType::yes_no:
      return std::int64_t{0};
    case core::FieldType::decimal:
    case core::FieldType::stage:
      return 0.0;
    default:
      return std::string();
  }
}

ColumnType column_type(core::FieldType type) {
  const SqlValue slot = empty_slot(type);
  if (std::holds_alternative<std::int64_t>(slot)) return ColumnType::integer;
  if (std::holds_alternative<double>(slot)) return ColumnType::real;
  return ColumnType::text;
}

// Puts `value` into `slot` without changing the slot's type (the statement holds a
// reference to it). Returns the indicator, or an error text when the value does not fit.
std::optional<std::string> fill_slot(const core::FieldValue& value, SqlValue& slot,
                                     soci::indicator& indicator) {
  indicator = soci::i_ok;
  if (std::holds_alternative<std::monostate>(value)) {
    indicator = soci::i_null;
    return std::nullopt;
  }
  if (auto* integer = std::get_if<std::int64_t>(&slot)) {
    if (const auto* given = std::get_if<std::int64_t>(&value)) {
      *integer = *given;
      return std::nullopt;
    }
    if (const auto* given = std::get_if<double>(&value); given && std::trunc(*given) == *given) {
      *integer = static_cast<std::int64_t>(*given);
      return std::nullopt;
    }
    return "expects a whole number";
  }
  if (auto* real = std::get_if<double>(&slot)) {
    if (const auto* given = std::get_if<double>(&value)) {
      *real = *given;
      return std::nullopt;
    }
    if (const auto* given = std::get_if<std::int64_t>(&value)) {
      *real = static_cast<double>(*given);
      return std::nullopt;
    }
    return "expects a number";
  }
  if (const auto* given = std::get_if<std::string>(&value)) {
    std::get<std::string>(slot) = *given;
    return std::nullopt;
  }
  return "expects text";
}

// The slots of one record's values, checked against the register's field types.
// `row` numbers the record in error messages (0: a single record).
// Fills the slots from `offset` on with `record`'s values (one slot per field).
void fill_record(const core::RegisterDef& register_def, const core::Record& record, std::size_t row,
                 std::vector<SqlValue>& slots, std::vector<soci::indicator>& indicators,
                 std::size_t offset = 0) {
  const std::string which = row == 0 ? "the record" : fmt::format("record {}", row);
  if (record.values.size() != register_def.fields.size()) {
    throw StoreError(fmt::format("{} of register '{}' has {} values for {} fields", which,
                                 register_def.id, record.values.size(),
                                 register_def.fields.size()));
  }
  for (std::size_t i = 0; i < register_def.fields.size(); ++i) {
    if (auto error = fill_slot(record.values[i], slots[offset + i], indicators[offset + i])) {
      throw StoreError(fmt::format("{} of register '{}': field '{}' {}", which, register_def.id,
                                   register_def.fields[i].id, *error));
    }
  }
}

std::vector<SqlValue> empty_slots(const core::RegisterDef& register_def) {
  std::vector<SqlValue> slots;
  for (const core::FieldDef& field : register_def.fields) slots.push_back(empty_slot(field.type));
  return slots;
}

// The column types of record_columns().
std::vector<ColumnType> record_column_types(const core::RegisterDef& register_def) {
  std::vector<ColumnType> types{ColumnType::integer, ColumnType::integer};
  for (const core::FieldDef& field : register_def.fields) types.push_back(column_type(field.type));
  return types;
}

StoredRecord read_record(const ResultRow& row, std::size_t field_count) {
  StoredRecord stored;
  stored.id = row.integer(0);
  stored.version = row.integer(1);
  stored.record.values.reserve(field_count);
  for (std::size_t i = 0; i < field_count; ++i) stored.record.values.push_back(row.value(i + 2));
  return stored;
}

// Rows per INSERT. A PostgreSQL import pays a round trip per statement, so rows go many
// to a statement; both databases take well over 16,000 parameters in one.
std::size_t rows_per_insert(std::size_t fields) {
  return std::clamp<std::size_t>(16000 / std::max<std::size_t>(fields, 1), 1, 500);
}

// One INSERT of `rows` records with RETURNING id, prepared once and run batch after batch.
class BatchInsert {
 public:
  BatchInsert(soci::session& session, const core::RegisterDef& register_def, std::size_t rows)
      : register_def_(register_def), rows_(rows), statement_(session) {
    std::string columns;
    std::string values;
    std::size_t parameter = 0;
    for (std::size_t row = 0; row < rows; ++row) {
      std::string tuple;
      for (std::size_t i = 0; i < register_def.fields.size(); ++i) {
        if (row == 0) columns += (i ? ", " : "") + column_name(register_def.fields[i].id);
        tuple += (i ? ", :p" : ":p") + std::to_string(++parameter);
      }
      values += (row ? ", (" : "(") + tuple + ")";
      const std::vector<SqlValue> slots = empty_slots(register_def);
      slots_.insert(slots_.end(), slots.begin(), slots.end());
    }
    statement_.alloc();
    statement_.prepare("INSERT INTO " + table_name(register_def.id) + " (" + columns + ") VALUES " +
                       values + " RETURNING id");
    bind_all(statement_, slots_, indicators_);
    statement_.exchange(soci::into(returned_id_));
    statement_.define_and_bind();
  }

  // Inserts records[first … first + rows) and appends their ids, in the records' order,
  // to `ids`.
  void run(const std::vector<core::Record>& records, std::size_t first,
           std::vector<std::int64_t>& ids) {
    const std::size_t fields = register_def_.fields.size();
    for (std::size_t row = 0; row < rows_; ++row) {
      fill_record(register_def_, records[first + row], first + row + 1, slots_, indicators_,
                  row * fields);
    }
    returned_.clear();
    statement_.execute(false);
    while (statement_.fetch()) returned_.push_back(returned_id_);
    if (returned_.size() != rows_) throw StoreError("an insert returned too few ids");
    // RETURNING promises no order; ids grow in insertion order while writers take turns.
    std::sort(returned_.begin(), returned_.end());
    ids.insert(ids.end(), returned_.begin(), returned_.end());
  }

 private:
  const core::RegisterDef& register_def_;
  std::size_t rows_;
  std::vector<SqlValue> slots_;
  std::vector<soci::indicator> indicators_;
  long long returned_id_ = 0;
  std::vector<std::int64_t> returned_;
  soci::statement statement_;
};

// Sends `records` to COPY, each with its id (ids[i] for records[i]) first.
void copy_records(PGconn* connection, const core::RegisterDef& register_def,
                  const std::vector<core::Record>& records, const std::vector<std::int64_t>& ids) {
  std::vector<std::string> columns{"id"};
  for (const core::FieldDef& field : register_def.fields) columns.push_back(column_name(field.id));
  std::vector<SqlValue> slots = empty_slots(register_def);
  std::vector<soci::indicator> indicators(slots.size(), soci::i_ok);
  CopyIn copy(connection, table_name(register_def.id), columns);
  for (std::size_t row = 0; row < records.size(); ++row) {
    fill_record(register_def, records[row], row + 1, slots, indicators);
    copy.add(ids[row]);
    for (std::size_t i = 0; i < slots.size(); ++i) {
      // Passed by reference, not copied out of the slot: this runs for every cell.
      if (indicators[i] == soci::i_null) {
        copy.add(SqlValue{});
      } else {
        copy.add(slots[i]);
      }
    }
    copy.end_row();
  }
  copy.finish();
}

}  // namespace

std::vector<std::int64_t> SqlStore::reserve_ids(const core::RegisterDef& register_def,
                                                std::size_t count) {
  long long first = 0;
  const std::string table = table_name(register_def.id);
  const long long wanted = static_cast<long long>(count);
  session_ << dialect_.reserve_ids_sql, soci::use(table, "table_name"), soci::use(wanted, "count"),
      soci::into(first);
  std::vector<std::int64_t> ids(count);
  for (std::size_t i = 0; i < count; ++i) ids[i] = first + static_cast<std::int64_t>(i);
  return ids;
}

std::vector<std::int64_t> SqlStore::insert_records(const core::RegisterDef& register_def,
                                                   const std::vector<core::Record>& records) {
  return guarded(description_, "inserting into register '" + register_def.id + "'", [&] {
    std::vector<std::int64_t> ids;
    if (records.empty()) return ids;
    WriteScope scope(*this);
    ids.reserve(records.size());
    if (register_def.fields.empty()) {
      for (std::size_t row = 0; row < records.size(); ++row) {
        long long id = 0;
        session_ << "INSERT INTO " + table_name(register_def.id) + " DEFAULT VALUES RETURNING id",
            soci::into(id);
        ids.push_back(id);
      }
    } else if (dialect_.copy_in && records.size() > 1) {
      ids = reserve_ids(register_def, records.size());
      copy_records(postgresql_connection(session_), register_def, records, ids);
    } else {
      // Scoped so the statements are finished before the commit: SQLite refuses to
      // commit while a RETURNING statement is still open.
      const std::size_t per_insert = rows_per_insert(register_def.fields.size());
      const std::size_t full = records.size() / per_insert;
      const std::size_t rest = records.size() % per_insert;
      if (full > 0) {
        BatchInsert batch(session_, register_def, per_insert);
        for (std::size_t i = 0; i < full; ++i) batch.run(records, i * per_insert, ids);
      }
      if (rest > 0) BatchInsert(session_, register_def, rest).run(records, full * per_insert, ids);
    }
    const auto [first, last] = std::minmax_element(ids.begin(), ids.end());
    run_deltas(register_def, maintained_terms_of(register_def), +1,
               RecordSelection::ids(*first, *last));
    bump_data_version();
    scope.commit();
    return ids;
  });
}

std::int64_t SqlStore::count_records(const core::RegisterDef& register_def) {
  return guarded(description_, "counting register '" + register_def.id + "'", [&] {
    long long count = 0;
    session_ << "SELECT COUNT(*) FROM " + table_name(register_def.id), soci::into(count);
    return static_cast<std::int64_t>(count);
  });
}

RecordPage SqlStore::list_records(const core::RegisterDef& register_def, const RecordQuery& query) {
  return guarded(description_, "listing records of '" + register_def.id + "'", [&] {
    const CompiledRecordQuery compiled = compile_record_query(register_def, query);
    RecordPage page;
    for_each_row(session_, compiled.count_sql, compiled.count_parameters, {ColumnType::integer},
                 [&](const ResultRow& row) { page.total = row.integer(0); });
    for_each_row(session_, compiled.page_sql, compiled.page_parameters,
                 record_column_types(register_def), [&](const ResultRow& row) {
                   page.records.push_back(read_record(row, register_def.fields.size()));
                 });
    return page;
  });
}

std::vector<StoredRecord> SqlStore::records_after(const core::RegisterDef& register_def,
                                                  const RecordScope& scope, std::int64_t after_id,
                                                  std::int64_t limit) {
  return guarded(description_, "reading records of '" + register_def.id + "'", [&] {
    const CompiledSql compiled = compile_records_after(register_def, scope, after_id, limit);
    std::vector<StoredRecord> records;
    for_each_row(session_, compiled.sql, compiled.parameters, record_column_types(register_def),
                 [&](const ResultRow& row) {
                   records.push_back(read_record(row, register_def.fields.size()));
                 });
    return records;
  });
}

std::optional<StoredRecord> SqlStore::find_record(const core::RegisterDef& register_def,
                                                  std::int64_t record_id) {
  return guarded(description_, "reading a record of '" + register_def.id + "'", [&] {
    std::optional<StoredRecord> found;
    for_each_row(session_,
                 "SELECT " + record_columns(register_def) + " FROM " + table_name(register_def.id) +
                     " WHERE id = :id",
                 {record_id}, record_column_types(register_def), [&](const ResultRow& row) {
                   found = read_record(row, register_def.fields.size());
                 });
    return found;
  });
}

std::optional<std::int64_t> SqlStore::update_record(const core::RegisterDef& register_def,
                                                    std::int64_t record_id,
                                                    const core::Record& record,
                                                    std::int64_t expected_version) {
  return guarded(
      description_, "updating a record of '" + register_def.id + "'",
      [&]() -> std::optional<std::int64_t> {
        std::vector<SqlValue> slots = empty_slots(register_def);
        std::vector<soci::indicator> indicators(slots.size(), soci::i_ok);
        fill_record(register_def, record, 0, slots, indicators);
        for (std::size_t i = 0; i < slots.size(); ++i) {
          if (indicators[i] == soci::i_null) slots[i] = std::monostate{};
        }
        std::string sql = "UPDATE " + table_name(register_def.id) + " SET ";
        Parameters parameters(slots);
        for (std::size_t i = 0; i < register_def.fields.size(); ++i) {
          sql += column_name(register_def.fields[i].id) + " = :p" + std::to_string(i + 1) + ", ";
        }
        // The version check is in the UPDATE itself, so of two writers that read the
        // same version exactly one succeeds.
        const std::string id = parameters.add(record_id);
        const std::string expected = parameters.add(expected_version);
        sql += "version = version + 1 WHERE id = " + id + " AND version = " + expected;

        WriteScope scope(*this);
        // The record's share of the totals leaves with its old values and comes back
        // with its new ones; at another version neither happens, nor the update.
        const std::vector<MaintainedTerm> terms = maintained_terms_of(register_def);
        run_deltas(register_def, terms, -1, RecordSelection::one(record_id, expected_version));
        if (execute(session_, sql, std::move(slots)) != 1) return std::nullopt;
        run_deltas(register_def, terms, +1, RecordSelection::one(record_id, expected_version + 1));
        bump_data_version();
        scope.commit();
        return expected_version + 1;
      });
}

bool SqlStore::delete_record(const core::RegisterDef& register_def, std::int64_t record_id,
                             std::int64_t expected_version) {
  return guarded(description_, "deleting a record of '" + register_def.id + "'", [&] {
    WriteScope scope(*this);
    run_deltas(register_def, maintained_terms_of(register_def), -1,
               RecordSelection::one(record_id, expected_version));
    if (execute(session_,
                "DELETE FROM " + table_name(register_def.id) +
                    " WHERE id = :id AND version = :expected",
                {record_id, expected_version}) != 1) {
      return false;
    }
    bump_data_version();
    scope.commit();
    return true;
  });
}

}  // namespace planscore::store
