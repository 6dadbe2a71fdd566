#pragma once
// Plain-text tables for the terminal, aligned by display width so Chinese text lines up.
#include <string>
#include <vector>

namespace planscore::cli {

// One line per row, '\n'-terminated: the header, an underline of '-', then the rows.
// Columns are two spaces apart; right_align[i] right-aligns column i (missing entries are
// left-aligned, e.g. numbers right, names left). Rows may be shorter than the header
// (missing cells are blank). Line breaks inside a cell are shown as spaces. Left-aligned
// last columns are not padded, so lines carry no trailing spaces.
std::string format_table(const std::vector<std::string>& header,
                         const std::vector<std::vector<std::string>>& rows,
                         const std::vector<bool>& right_align);

}  // namespace planscore::cli
