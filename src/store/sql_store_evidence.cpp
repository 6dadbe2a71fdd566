// SqlStore: evidence files attached to an indicator's result. The bytes travel as a
// soci::blob into a BLOB column, so any byte (NUL included) comes back unchanged.
#include "store/sql_rows.h"
#include "store/sql_store.h"
#include "store/sql_store_support.h"

namespace planscore::store {

std::int64_t SqlStore::add_evidence(const EvidenceRow& evidence) {
  return guarded(description_, "adding evidence '" + evidence.file_name + "'", [&] {
    soci::blob content(session_);
    if (!evidence.content.empty()) {
      content.write(0, evidence.content.data(), evidence.content.size());
    }
    // The size is the content's, not the caller's word for it.
    const long long size = static_cast<long long>(evidence.content.size());
    const long long uploaded_by = evidence.uploaded_by;
    long long id = 0;
    session_
        << "INSERT INTO evidence (plan_id, indicator_id, year, file_name, content_type, "
           "size, sha256, content, uploaded_by, uploaded_at) VALUES (:plan_id, "
           ":indicator_id, :year, :file_name, :content_type, :size, :sha256, COALESCE(:content, " +
               dialect_.empty_blob + "), :uploaded_by, :uploaded_at) RETURNING id",
        soci::use(evidence.plan_id), soci::use(evidence.indicator_id), soci::use(evidence.year),
        soci::use(evidence.file_name), soci::use(evidence.content_type), soci::use(size),
        soci::use(evidence.sha256), soci::use(content), soci::use(uploaded_by),
        soci::use(evidence.uploaded_at), soci::into(id);
    return static_cast<std::int64_t>(id);
  });
}

std::vector<EvidenceRow> SqlStore::list_evidence(const std::string& plan_id,
                                                 const std::string& indicator_id, int year) {
  return guarded(description_, "listing evidence", [&] {
    std::vector<EvidenceRow> list;
    for_each_row(session_,
                 "SELECT id, plan_id, indicator_id, year, file_name, content_type, size, sha256, "
                 "uploaded_by, uploaded_at FROM evidence WHERE plan_id = :p1 AND indicator_id = "
                 ":p2 AND year = :p3 ORDER BY id",
                 {plan_id, indicator_id, std::int64_t{year}},
                 {ColumnType::integer, ColumnType::text, ColumnType::text, ColumnType::integer,
                  ColumnType::text, ColumnType::text, ColumnType::integer, ColumnType::text,
                  ColumnType::integer, ColumnType::text},
                 [&](const ResultRow& row) {
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
                   list.push_back(std::move(evidence));
                 });
    return list;
  });
}

std::optional<EvidenceRow> SqlStore::find_evidence(std::int64_t evidence_id) {
  return guarded(description_, "reading evidence", [&]() -> std::optional<EvidenceRow> {
    EvidenceRow evidence;
    const long long id = evidence_id;
    long long size = 0;
    long long uploaded_by = 0;
    soci::blob content(session_);
    soci::indicator content_indicator = soci::i_ok;
    session_ << "SELECT plan_id, indicator_id, year, file_name, content_type, size, sha256, "
                "content, uploaded_by, uploaded_at FROM evidence WHERE id = :id",
        soci::use(id), soci::into(evidence.plan_id), soci::into(evidence.indicator_id),
        soci::into(evidence.year), soci::into(evidence.file_name),
        soci::into(evidence.content_type), soci::into(size), soci::into(evidence.sha256),
        soci::into(content, content_indicator), soci::into(uploaded_by),
        soci::into(evidence.uploaded_at);
    if (!session_.got_data()) return std::nullopt;
    evidence.id = evidence_id;
    evidence.size = size;
    evidence.uploaded_by = uploaded_by;
    if (content_indicator == soci::i_ok && content.get_len() > 0) {
      evidence.content.resize(content.get_len());
      content.read(0, evidence.content.data(), evidence.content.size());
    }
    return evidence;
  });
}

bool SqlStore::delete_evidence(std::int64_t evidence_id) {
  return guarded(description_, "deleting evidence", [&] {
    return execute(session_, "DELETE FROM evidence WHERE id = :p1", {evidence_id}) > 0;
  });
}

}  // namespace planscore::store
