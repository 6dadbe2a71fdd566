// SqlStore: the audit trail. Only ever appended to; the database itself refuses
// UPDATE and DELETE on audit_log (see Dialect::audit_log_guard).
#include <algorithm>

#include "store/sql_rows.h"
#include "store/sql_store.h"
#include "store/sql_store_support.h"
#include "store/sql_value.h"

namespace planscore::store {

std::int64_t SqlStore::append_audit(const AuditEntry& entry) {
  return guarded(description_, "appending to the audit log", [&] {
    std::int64_t id = 0;
    for_each_row(session_,
                 "INSERT INTO audit_log (at, user_id, username, action, object_type, object_id, "
                 "before, after, reason) VALUES (:p1, :p2, :p3, :p4, :p5, :p6, :p7, :p8, :p9) "
                 "RETURNING id",
                 {entry.at, entry.user_id, entry.username, entry.action, entry.object_type,
                  entry.object_id, entry.before, entry.after, entry.reason},
                 {ColumnType::integer}, [&](const ResultRow& row) { id = row.integer(0); });
    return id;
  });
}

std::vector<AuditEntry> SqlStore::query_audit(const AuditQuery& query) {
  return guarded(description_, "reading the audit log", [&] {
    std::vector<SqlValue> values;
    Parameters parameters(values);
    std::string where;
    const auto add_condition = [&](const std::string& column, const std::string& op,
                                   SqlValue value) {
      const std::string placeholder = parameters.add(std::move(value));
      where += (where.empty() ? " WHERE " : " AND ") + column + " " + op + " " + placeholder;
    };
    if (query.object_type) add_condition("object_type", "=", *query.object_type);
    if (query.object_id) add_condition("object_id", "=", *query.object_id);
    if (query.user_id) add_condition("user_id", "=", *query.user_id);
    if (query.from) add_condition("at", ">=", *query.from);
    if (query.to) add_condition("at", "<", *query.to);
    if (query.before_id > 0) add_condition("id", "<", query.before_id);
    const std::string limit = parameters.add(std::int64_t{std::max(query.limit, 0)});

    std::vector<AuditEntry> entries;
    for_each_row(
        session_,
        "SELECT id, at, user_id, username, action, object_type, object_id, before, "
        "after, reason FROM audit_log" +
            where + " ORDER BY id DESC LIMIT " + limit,
        std::move(values),
        {ColumnType::integer, ColumnType::text, ColumnType::integer, ColumnType::text,
         ColumnType::text, ColumnType::text, ColumnType::text, ColumnType::text, ColumnType::text,
         ColumnType::text},
        [&](const ResultRow& row) {
          entries.push_back({row.integer(0), row.text(1), row.integer(2), row.text(3), row.text(4),
                             row.text(5), row.text(6), row.text(7), row.text(8), row.text(9)});
        });
    return entries;
  });
}

}  // namespace planscore::store
