#include "store/dialect.h"

namespace planscore::store {

std::string Dialect::column_type(core::FieldType type) const {
  switch (type) {
    case core::FieldType::integer:
    case core::FieldType::yes_no:
      return integer_type;
    case core::FieldType::decimal:
      return real_type;
    case core::FieldType::text:
    case core::FieldType::date:
    case core::FieldType::choice:
    case core::FieldType::section:
      return text_type;
  }
  return text_type;
}

const Dialect& sqlite_dialect() {
  static const Dialect dialect{
      .connection_setup = {"PRAGMA busy_timeout = 5000", "PRAGMA journal_mode = WAL",
                           "PRAGMA foreign_keys = ON", "PRAGMA synchronous = NORMAL"},
      .serial_id_column = "id INTEGER PRIMARY KEY AUTOINCREMENT",
      .begin_transaction = "BEGIN IMMEDIATE",
      .integer_type = "INTEGER",
      .real_type = "REAL",
      .blob_type = "BLOB",
      .empty_blob = "X''",
      .column_names_sql = "SELECT name FROM pragma_table_info(:table_name)",
      .audit_log_guard = {"CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log "
                          "BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END",
                          "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log "
                          "BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END"},
  };
  return dialect;
}

}  // namespace planscore::store
