// SqlStore: the review workflow of indicator results: review states, comments, and the
// years locked against further change.
#include "store/sql_rows.h"
#include "store/sql_store.h"
#include "store/sql_store_support.h"
#include "store/sql_value.h"

namespace planscore::store {
namespace {

constexpr const char* kReviewSelect =
    "SELECT plan_id, indicator_id, year, state, explanation, version, updated_at, updated_by "
    "FROM reviews";

const std::vector<ColumnType>& review_column_types() {
  static const std::vector<ColumnType> types{
      ColumnType::text, ColumnType::text,    ColumnType::integer, ColumnType::text,
      ColumnType::text, ColumnType::integer, ColumnType::text,    ColumnType::integer};
  return types;
}

ReviewRow read_review(const ResultRow& row) {
  return {row.text(0), row.text(1),   static_cast<int>(row.integer(2)),
          row.text(3), row.text(4),   row.integer(5),
          row.text(6), row.integer(7)};
}

}  // namespace

// --- reviews -------------------------------------------------------------------------

std::optional<ReviewRow> SqlStore::find_review(const std::string& plan_id,
                                               const std::string& indicator_id, int year) {
  return guarded(description_, "reading the review of '" + indicator_id + "'", [&] {
    std::optional<ReviewRow> found;
    for_each_row(
        session_,
        std::string(kReviewSelect) + " WHERE plan_id = :p1 AND indicator_id = :p2 AND year = :p3",
        {plan_id, indicator_id, std::int64_t{year}}, review_column_types(),
        [&](const ResultRow& row) { found = read_review(row); });
    return found;
  });
}

std::vector<ReviewRow> SqlStore::list_reviews(const std::string& plan_id, std::optional<int> year) {
  return guarded(description_, "listing reviews", [&] {
    std::vector<ReviewRow> reviews;
    std::vector<SqlValue> parameters{plan_id};
    std::string sql = std::string(kReviewSelect) + " WHERE plan_id = :p1";
    if (year) {
      sql += " AND year = :p2";
      parameters.emplace_back(std::int64_t{*year});
    }
    for_each_row(session_, sql + " ORDER BY year, indicator_id", std::move(parameters),
                 review_column_types(),
                 [&](const ResultRow& row) { reviews.push_back(read_review(row)); });
    return reviews;
  });
}

std::optional<std::int64_t> SqlStore::save_review(const ReviewRow& review,
                                                  std::int64_t expected_version) {
  return guarded(
      description_, "saving the review of '" + review.indicator_id + "'",
      [&]() -> std::optional<std::int64_t> {
        const std::int64_t year = review.year;
        // The version check and the write are one statement, so of two reviewers acting
        // on the same version exactly one succeeds.
        const std::int64_t written =
            expected_version == 0
                ? execute(session_,
                          "INSERT INTO reviews (plan_id, indicator_id, year, state, explanation, "
                          "version, updated_at, updated_by) VALUES (:p1, :p2, :p3, :p4, :p5, 1, "
                          ":p6, :p7) ON CONFLICT (plan_id, indicator_id, year) DO NOTHING",
                          {review.plan_id, review.indicator_id, year, review.state,
                           review.explanation, review.updated_at, review.updated_by})
                : execute(session_,
                          "UPDATE reviews SET state = :p1, explanation = :p2, updated_at = :p3, "
                          "updated_by = :p4, version = version + 1 WHERE plan_id = :p5 AND "
                          "indicator_id = :p6 AND year = :p7 AND version = :p8",
                          {review.state, review.explanation, review.updated_at, review.updated_by,
                           review.plan_id, review.indicator_id, year, expected_version});
        if (written != 1) return std::nullopt;
        return expected_version + 1;
      });
}

// --- comments ------------------------------------------------------------------------

std::int64_t SqlStore::add_comment(const CommentRow& comment) {
  return guarded(description_, "adding a comment", [&] {
    std::int64_t id = 0;
    for_each_row(session_,
                 "INSERT INTO comments (plan_id, indicator_id, year, user_id, username, body, "
                 "created_at) VALUES (:p1, :p2, :p3, :p4, :p5, :p6, :p7) RETURNING id",
                 {comment.plan_id, comment.indicator_id, std::int64_t{comment.year},
                  comment.user_id, comment.username, comment.body, comment.created_at},
                 {ColumnType::integer}, [&](const ResultRow& row) { id = row.integer(0); });
    return id;
  });
}

std::vector<CommentRow> SqlStore::list_comments(const std::string& plan_id,
                                                const std::string& indicator_id, int year) {
  return guarded(description_, "listing comments", [&] {
    std::vector<CommentRow> comments;
    // Oldest first: a conversation reads top to bottom.
    for_each_row(session_,
                 "SELECT id, plan_id, indicator_id, year, user_id, username, body, created_at "
                 "FROM comments WHERE plan_id = :p1 AND indicator_id = :p2 AND year = :p3 "
                 "ORDER BY id",
                 {plan_id, indicator_id, std::int64_t{year}},
                 {ColumnType::integer, ColumnType::text, ColumnType::text, ColumnType::integer,
                  ColumnType::integer, ColumnType::text, ColumnType::text, ColumnType::text},
                 [&](const ResultRow& row) {
                   comments.push_back({row.integer(0), row.text(1), row.text(2),
                                       static_cast<int>(row.integer(3)), row.integer(4),
                                       row.text(5), row.text(6), row.text(7)});
                 });
    return comments;
  });
}

// --- year locks ----------------------------------------------------------------------

void SqlStore::lock_year(const YearLock& lock) {
  guarded(description_, "locking a year", [&] {
    // Locking a locked year keeps the first lock: who locked it, and when, stays true.
    execute(session_,
            "INSERT INTO year_locks (plan_id, year, locked_at, locked_by) VALUES (:p1, :p2, "
            ":p3, :p4) ON CONFLICT (plan_id, year) DO NOTHING",
            {lock.plan_id, std::int64_t{lock.year}, lock.locked_at, lock.locked_by});
  });
}

bool SqlStore::unlock_year(const std::string& plan_id, int year) {
  return guarded(description_, "unlocking a year", [&] {
    return execute(session_, "DELETE FROM year_locks WHERE plan_id = :p1 AND year = :p2",
                   {plan_id, std::int64_t{year}}) > 0;
  });
}

std::vector<YearLock> SqlStore::year_locks(const std::string& plan_id) {
  return guarded(description_, "reading year locks", [&] {
    std::vector<YearLock> locks;
    for_each_row(session_,
                 "SELECT plan_id, year, locked_at, locked_by FROM year_locks WHERE plan_id = :p1 "
                 "ORDER BY year",
                 {plan_id},
                 {ColumnType::text, ColumnType::integer, ColumnType::text, ColumnType::integer},
                 [&](const ResultRow& row) {
                   locks.push_back({row.text(0), static_cast<int>(row.integer(1)), row.text(2),
                                    row.integer(3)});
                 });
    return locks;
  });
}

}  // namespace planscore::store
