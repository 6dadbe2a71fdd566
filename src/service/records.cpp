#include "service/records.h"

#include <optional>
#include <stdexcept>

#include "core/register/csv.h"
#include "core/register/record.h"

namespace planscore::service {
namespace {

std::vector<std::string> section_ids(const core::Plan& plan) {
  std::vector<std::string> ids;
  for (const auto& section : plan.sections) ids.push_back(section.id);
  return ids;
}

// The field a column header or value key names: by id first, then by display name.
std::optional<std::size_t> field_index(const core::RegisterDef& reg, std::string_view name) {
  for (std::size_t i = 0; i < reg.fields.size(); ++i)
    if (reg.fields[i].id == name) return i;
  for (std::size_t i = 0; i < reg.fields.size(); ++i)
    if (reg.fields[i].name == name) return i;
  return std::nullopt;
}

std::string field_list(const core::RegisterDef& reg) {
  std::string list;
  for (const auto& field : reg.fields)
    list += (list.empty() ? "" : ", ") + field.id + " (" + field.name + ")";
  return list;
}

const core::RegisterDef& require_register(const core::Plan& plan, const std::string& register_id) {
  const auto* reg = plan.find_register(register_id);
  if (!reg) {
    std::string known;
    for (const auto& candidate : plan.registers)
      known += (known.empty() ? "" : ", ") + candidate.id;
    throw std::invalid_argument("unknown register \"" + register_id +
                                "\"; the plan's registers are: " + known);
  }
  return *reg;
}

// Maps header columns to field positions; reports unknown, repeated and missing columns.
std::vector<std::optional<std::size_t>> map_header(const core::RegisterDef& reg,
                                                   const std::vector<std::string>& header,
                                                   core::Problems& problems) {
  std::vector<std::optional<std::size_t>> columns;
  std::vector<bool> seen(reg.fields.size(), false);
  for (std::size_t c = 0; c < header.size(); ++c) {
    auto index = field_index(reg, header[c]);
    const std::string where = "header, column " + std::to_string(c + 1);
    if (!index) {
      problems.push_back({where, "\"" + header[c] + "\" is not a field of " + reg.id +
                                     "; its fields are: " + field_list(reg)});
    } else if (seen[*index]) {
      problems.push_back({where, "field \"" + reg.fields[*index].name + "\" appears twice"});
      index.reset();
    } else {
      seen[*index] = true;
    }
    columns.push_back(index);
  }
  for (std::size_t f = 0; f < reg.fields.size(); ++f)
    if (!seen[f] && reg.fields[f].required)
      problems.push_back({"header", "required column \"" + reg.fields[f].name + "\" (" +
                                        reg.fields[f].id + ") is missing"});
  return columns;
}

}  // namespace

ImportReport import_csv(store::Store& store, const core::Plan& plan, const std::string& register_id,
                        std::string_view csv_text) {
  require_register(plan, register_id);
  auto csv = core::read_csv(csv_text);
  if (!csv.problems.empty()) {
    ImportReport report;
    report.file_problems = csv.problems;
    return report;
  }
  return import_table(store, plan, register_id, csv.table);
}

ImportReport import_table(store::Store& store, const core::Plan& plan,
                          const std::string& register_id, const core::CsvTable& table) {
  const auto& reg = require_register(plan, register_id);
  ImportReport report;
  if (table.header.empty()) {
    report.file_problems.push_back(
        {"line 1", "the file is empty; the first line must name the columns"});
    return report;
  }
  auto columns = map_header(reg, table.header, report.file_problems);
  if (!report.file_problems.empty()) return report;

  const auto sections = section_ids(plan);
  std::vector<core::Record> records;
  records.reserve(table.rows.size());
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    const auto& cells = table.rows[r];
    const int row_number = static_cast<int>(r) + 1;
    const int line = r < table.row_lines.size() ? table.row_lines[r] : row_number + 1;
    core::Record record;
    record.values.assign(reg.fields.size(), core::FieldValue{});
    bool row_ok = true;
    if (cells.size() != columns.size()) {
      report.rows.push_back({row_number, line, "", "",
                             "the row has " + std::to_string(cells.size()) +
                                 " cells; the header has " + std::to_string(columns.size())});
      continue;
    }
    for (std::size_t c = 0; c < cells.size(); ++c) {
      const auto& field = reg.fields[*columns[c]];
      auto parsed = core::parse_field_value(field, cells[c], sections);
      if (parsed.error) {
        report.rows.push_back({row_number, line, field.name, cells[c], *parsed.error});
        row_ok = false;
      } else {
        record.values[*columns[c]] = parsed.value;
      }
    }
    if (!row_ok) continue;
    for (const auto& problem : core::check_record(reg, record)) {
      const auto* field = reg.find_field(problem.path);
      report.rows.push_back(
          {row_number, line, field ? field->name : problem.path, "", problem.message});
      row_ok = false;
    }
    if (row_ok) records.push_back(std::move(record));
  }
  if (!report.ok()) return report;

  store::Transaction transaction(store);
  store.insert_records(reg, records);
  transaction.commit();
  report.imported = static_cast<int>(records.size());
  return report;
}

AddResult add_record(store::Store& store, const core::Plan& plan, const std::string& register_id,
                     const std::map<std::string, std::string>& values) {
  const auto& reg = require_register(plan, register_id);
  AddResult result;
  core::Record record;
  record.values.assign(reg.fields.size(), core::FieldValue{});
  std::vector<bool> given(reg.fields.size(), false);
  for (const auto& [key, text] : values) {
    auto index = field_index(reg, key);
    if (!index) {
      result.problems.push_back({key, "\"" + key + "\" is not a field of " + reg.id +
                                          "; its fields are: " + field_list(reg)});
      continue;
    }
    given[*index] = true;
    auto parsed = core::parse_field_value(reg.fields[*index], text, section_ids(plan));
    if (parsed.error)
      result.problems.push_back({reg.fields[*index].id, *parsed.error});
    else
      record.values[*index] = parsed.value;
  }
  for (std::size_t f = 0; f < reg.fields.size(); ++f)
    if (!given[f] && reg.fields[f].required)
      result.problems.push_back(
          {reg.fields[f].id, "required field \"" + reg.fields[f].name + "\" has no value"});
  if (result.problems.empty()) result.problems = core::check_record(reg, record);
  if (!result.problems.empty()) return result;

  store::Transaction transaction(store);
  result.record_id = store.insert_records(reg, {record}).front();
  transaction.commit();
  return result;
}

}  // namespace planscore::service
