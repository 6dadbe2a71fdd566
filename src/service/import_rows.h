#pragma once
// The checks of an import's rows, apart from writing them: each row's cells parsed by the
// field types, the record checked as a whole, its year not locked, and the row not
// already in the register. Reads only the plan, the table and fingerprints read before,
// so an import checks the next rows while the store writes the previous ones.
#include <cstddef>
#include <optional>
#include <set>
#include <vector>

#include "core/plan/plan.h"
#include "core/register/csv.h"
#include "core/register/record.h"
#include "service/record_fingerprints.h"
#include "service/records.h"

namespace planscore::service {

struct CheckedRows {
  std::vector<core::Record> records;  // the rows that passed, in order
  std::vector<RowProblem> problems;   // every bad row and cell
};

// What a row must satisfy beyond its register's schema.
struct RowRules {
  std::set<int> locked_years;                    // no record placed in one
  const RecordFingerprints* existing = nullptr;  // no row equal to one of these records
  std::optional<int> replace_year;               // every record placed in this year
};

class RowChecker {
 public:
  // `columns` maps each column of the table to its field (map_header's result, every
  // column known).
  RowChecker(const core::Plan& plan, const core::RegisterDef& reg, std::vector<std::size_t> columns,
             RowRules rules);

  // Rows first … last - 1 of the table (0-based, after the header).
  CheckedRows check(const core::CsvTable& table, std::size_t first, std::size_t last) const;

 private:
  const core::RegisterDef& reg_;
  std::vector<std::size_t> columns_;
  RowRules rules_;
  std::vector<std::string> sections_;
  core::Record absent_;  // every field at its default; fields without a column keep it
};

}  // namespace planscore::service
