// SqlStore: evidence files attached to an indicator's result. The bytes travel as a
// soci::blob into an SQLite BLOB column, or as hex text into a PostgreSQL BYTEA column
// (Dialect::blob_from_hex), so any byte (NUL included) comes back unchanged.
#include <fmt/format.h>

#include "store/hex.h"
#include "store/sql_rows.h"
#include "store/sql_store.h"
#include "store/sql_store_support.h"

namespace planscore::store {
namespace {

// An evidence file's description, without its bytes.
constexpr const char* kEvidenceColumns =
    "SELECT id, plan_id, indicator_id, year, file_name, content_type, size, sha256, "
    "uploaded_by, uploaded_at";

const std::vector<ColumnType>& evidence_column_types() {
  static const std::vector<ColumnType> types = {
      ColumnType::integer, ColumnType::text, ColumnType::text,    ColumnType::integer,
      ColumnType::text,    ColumnType::text, ColumnType::integer, ColumnType::text,
      ColumnType::integer, ColumnType::text};
  return types;
}

EvidenceRow evidence_of(const ResultRow& row) {
  EvidenceRow evidence;
  evidence.id = row.integer(0);
  evidence.plan_id = row.text(1);
  evidence.indicator_id = row.text(2);
  evidence.year = static_cast<int>(row.integer(3));
  evidence.file_name = row.text(4);
  evidence.content_type = row.text(5);
  evidence.size = row.integer(6);
  evidence.sha256 = row.text(7);
  evidence.uploaded_by = row.integer(8);
  evidence.uploaded_at = row.text(9);
  return evidence;
}

}  // namespace

std::int64_t SqlStore::add_evidence(const EvidenceRow& evidence) {
  return guarded(description_, "adding evidence '" + evidence.file_name + "'",
                 [&] { return insert_evidence(evidence, false); });
}

std::int64_t SqlStore::insert_evidence(const EvidenceRow& evidence, bool keep_id) {
  // The size is the content's, not the caller's word for it.
  const long long size = static_cast<long long>(evidence.content.size());
  const long long uploaded_by = evidence.uploaded_by;
  long long id = 0;
  const bool as_hex = !dialect_.blob_from_hex.empty();
  const std::string hex = as_hex ? hex_of(evidence.content) : std::string();
  soci::blob content(session_);
  if (!as_hex && !evidence.content.empty()) {
    content.write(0, evidence.content.data(), evidence.content.size());
  }
  const std::string content_sql =
      as_hex ? fmt::format(fmt::runtime(dialect_.blob_from_hex), ":content")
             : "COALESCE(:content, " + dialect_.empty_blob + ")";
  const long long kept_id = evidence.id;
  const std::string id_column = keep_id ? "id, " : "";
  const std::string id_value = keep_id ? std::to_string(kept_id) + ", " : "";
  soci::statement insert =
      (session_.prepare
           << "INSERT INTO evidence (" + id_column +
                  "plan_id, indicator_id, year, file_name, content_type, size, sha256, "
                  "content, uploaded_by, uploaded_at) VALUES (" +
                  id_value +
                  ":plan_id, :indicator_id, :year, :file_name, :content_type, :size, "
                  ":sha256, " +
                  content_sql + ", :uploaded_by, :uploaded_at) RETURNING id",
       soci::use(evidence.plan_id), soci::use(evidence.indicator_id), soci::use(evidence.year),
       soci::use(evidence.file_name), soci::use(evidence.content_type), soci::use(size),
       soci::use(evidence.sha256), soci::into(id));
  if (as_hex) {
    insert.exchange(soci::use(hex));
  } else {
    insert.exchange(soci::use(content));
  }
  insert.exchange(soci::use(uploaded_by));
  insert.exchange(soci::use(evidence.uploaded_at));
  insert.define_and_bind();
  insert.execute(true);
  return static_cast<std::int64_t>(id);
}

std::vector<EvidenceRow> SqlStore::list_evidence(const std::string& plan_id,
                                                 const std::string& indicator_id, int year) {
  return guarded(description_, "listing evidence", [&] {
    std::vector<EvidenceRow> list;
    for_each_row(session_,
                 std::string(kEvidenceColumns) +
                     " FROM evidence WHERE plan_id = :p1 AND indicator_id = :p2 AND year = :p3 "
                     "ORDER BY id",
                 {plan_id, indicator_id, std::int64_t{year}}, evidence_column_types(),
                 [&](const ResultRow& row) { list.push_back(evidence_of(row)); });
    return list;
  });
}

std::optional<EvidenceRow> SqlStore::find_evidence(std::int64_t evidence_id) {
  return guarded(description_, "reading evidence", [&]() -> std::optional<EvidenceRow> {
    std::optional<EvidenceRow> found;
    for_each_row(session_, std::string(kEvidenceColumns) + " FROM evidence WHERE id = :p1",
                 {evidence_id}, evidence_column_types(),
                 [&](const ResultRow& row) { found = evidence_of(row); });
    if (found) found->content = evidence_content(evidence_id);
    return found;
  });
}

std::string SqlStore::evidence_content(std::int64_t evidence_id) {
  const long long id = evidence_id;
  std::string content;
  if (!dialect_.blob_to_hex.empty()) {
    std::string hex;
    session_ << "SELECT " + fmt::format(fmt::runtime(dialect_.blob_to_hex), "content") +
                    " FROM evidence WHERE id = :id",
        soci::use(id), soci::into(hex);
    return bytes_of_hex(hex);
  }
  soci::blob blob(session_);
  soci::indicator present = soci::i_ok;
  session_ << "SELECT content FROM evidence WHERE id = :id", soci::use(id),
      soci::into(blob, present);
  if (present == soci::i_ok && blob.get_len() > 0) {
    content.resize(blob.get_len());
    blob.read(0, content.data(), content.size());
  }
  return content;
}

bool SqlStore::delete_evidence(std::int64_t evidence_id) {
  return guarded(description_, "deleting evidence", [&] {
    return execute(session_, "DELETE FROM evidence WHERE id = :p1", {evidence_id}) > 0;
  });
}

}  // namespace planscore::store
