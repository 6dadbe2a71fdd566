#include "service/import_rows.h"

#include <string>

#include "core/problem_catalog.h"
#include "core/register/placement.h"
#include "service/plan_lookup.h"

namespace planscore::service {

RowChecker::RowChecker(const core::Plan& plan, const core::RegisterDef& reg,
                       std::vector<std::size_t> columns, RowRules rules)
    : reg_(reg),
      columns_(std::move(columns)),
      rules_(std::move(rules)),
      sections_(section_ids(plan)) {
  // Fields without a column start every row at their default (null when there is none).
  for (const auto& field : reg_.fields)
    absent_.values.push_back(field.default_value.empty()
                                 ? core::FieldValue{}
                                 : core::parse_field_value(field, "", sections_).value);
}

CheckedRows RowChecker::check(const core::CsvTable& table, std::size_t first,
                              std::size_t last) const {
  CheckedRows checked;
  checked.records.reserve(last - first);
  for (std::size_t r = first; r < last; ++r) {
    const auto& cells = table.rows[r];
    const int row_number = static_cast<int>(r) + 1;
    const int line = r < table.row_lines.size() ? table.row_lines[r] : row_number + 1;
    if (cells.size() != columns_.size()) {
      checked.problems.push_back(
          {row_number, line, "", "",
           core::coded_problem("", "cell_count",
                               {{"count", std::to_string(cells.size())},
                                {"header", std::to_string(columns_.size())}})});
      continue;
    }
    core::Record record = absent_;
    bool row_ok = true;
    for (std::size_t c = 0; c < cells.size(); ++c) {
      const auto& field = reg_.fields[columns_[c]];
      // Text cells come back as the CSV export neutralised them (csv.h); numbers and
      // dates were written as they are, so "'-5" in a number column stays an error.
      auto parsed =
          core::is_textual(field.type)
              ? core::parse_field_value(field, core::restore_csv_text(cells[c]), sections_)
              : core::parse_field_value(field, cells[c], sections_);
      if (parsed.error) {
        checked.problems.push_back(
            {row_number, line, field.name, cells[c], std::move(*parsed.error)});
        row_ok = false;
      } else {
        record.values[columns_[c]] = std::move(parsed.value);
      }
    }
    if (!row_ok) continue;
    for (const auto& problem : core::check_record(reg_, record)) {
      const auto* field = reg_.find_field(problem.path);
      checked.problems.push_back(
          {row_number, line, field ? field->name : problem.path, "", problem});
      row_ok = false;
    }
    const auto span = core::placement(reg_, record);
    if (row_ok && span) {
      for (int year : rules_.locked_years)
        if (span->contains(year)) {
          checked.problems.push_back(
              {row_number, line, "", "",
               core::coded_problem("", "locked_year", {{"year", std::to_string(year)}})});
          row_ok = false;
        }
    }
    if (row_ok && rules_.replace_year && !(span && span->contains(*rules_.replace_year))) {
      checked.problems.push_back(
          {row_number, line, "", "",
           core::coded_problem("", "outside_replaced_year",
                               {{"year", std::to_string(*rules_.replace_year)}})});
      row_ok = false;
    }
    if (row_ok && rules_.existing) {
      if (const auto id = rules_.existing->find(record)) {
        checked.problems.push_back(
            {row_number, line, "", "",
             core::coded_problem("", "row_already_there", {{"record", std::to_string(*id)}})});
        row_ok = false;
      }
    }
    if (row_ok) checked.records.push_back(std::move(record));
  }
  return checked;
}

}  // namespace planscore::service
