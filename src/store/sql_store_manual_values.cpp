// SqlStore: indicator values entered by hand instead of computed.
#include "store/sql_rows.h"
#include "store/sql_store.h"
#include "store/sql_store_support.h"

namespace planscore::store {

std::int64_t SqlStore::set_manual_value(const std::string& plan_id, const ManualValue& value) {
  return guarded(description_, "saving a manual value for '" + value.indicator_id + "'", [&] {
    WriteScope scope(*this);
    long long version = 0;
    session_ << "INSERT INTO manual_values (plan_id, indicator_id, year, value, note, version) "
                "VALUES (:plan_id, :indicator_id, :year, :value, :note, 1) "
                "ON CONFLICT (plan_id, indicator_id, year) "
                "DO UPDATE SET value = excluded.value, note = excluded.note, "
                "version = manual_values.version + 1 RETURNING version",
        soci::use(plan_id), soci::use(value.indicator_id), soci::use(value.year),
        soci::use(value.value), soci::use(value.note), soci::into(version);
    bump_data_version();
    scope.commit();
    return static_cast<std::int64_t>(version);
  });
}

std::optional<std::int64_t> SqlStore::save_manual_value(const std::string& plan_id,
                                                        const ManualValue& value,
                                                        std::int64_t expected_version) {
  return guarded(
      description_, "saving a manual value for '" + value.indicator_id + "'",
      [&]() -> std::optional<std::int64_t> {
        WriteScope scope(*this);
        const std::int64_t year = value.year;
        // The version check and the write are one statement, so of two writers that read
        // the same version exactly one succeeds.
        const std::int64_t written =
            expected_version == 0
                ? execute(session_,
                          "INSERT INTO manual_values (plan_id, indicator_id, year, value, note, "
                          "version) VALUES (:p1, :p2, :p3, :p4, :p5, 1) "
                          "ON CONFLICT (plan_id, indicator_id, year) DO NOTHING",
                          {plan_id, value.indicator_id, year, value.value, value.note})
                : execute(session_,
                          "UPDATE manual_values SET value = :p1, note = :p2, version = version + 1 "
                          "WHERE plan_id = :p3 AND indicator_id = :p4 AND year = :p5 "
                          "AND version = :p6",
                          {value.value, value.note, plan_id, value.indicator_id, year,
                           expected_version});
        if (written != 1) return std::nullopt;
        bump_data_version();
        scope.commit();
        return expected_version + 1;
      });
}

bool SqlStore::delete_manual_value(const std::string& plan_id, const std::string& indicator_id,
                                   int year, std::int64_t expected_version) {
  return guarded(description_, "deleting a manual value for '" + indicator_id + "'", [&] {
    WriteScope scope(*this);
    if (execute(session_,
                "DELETE FROM manual_values WHERE plan_id = :p1 AND indicator_id = :p2 "
                "AND year = :p3 AND version = :p4",
                {plan_id, indicator_id, std::int64_t{year}, expected_version}) != 1) {
      return false;
    }
    bump_data_version();
    scope.commit();
    return true;
  });
}

std::vector<ManualValue> SqlStore::manual_values(const std::string& plan_id) {
  return guarded(description_, "reading manual values", [&] {
    std::vector<ManualValue> values;
    for_each_row(session_,
                 "SELECT indicator_id, year, value, note, version FROM manual_values "
                 "WHERE plan_id = :plan_id ORDER BY indicator_id, year",
                 {plan_id},
                 {ColumnType::text, ColumnType::integer, ColumnType::real, ColumnType::text,
                  ColumnType::integer},
                 [&](const ResultRow& row) {
                   values.push_back({row.text(0), static_cast<int>(row.integer(1)), row.real(2),
                                     row.text(3), row.integer(4)});
                 });
    return values;
  });
}

}  // namespace planscore::store
