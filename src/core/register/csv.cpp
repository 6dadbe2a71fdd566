#include "core/register/csv.h"

#include <cstdint>
#include <optional>

#include "core/problem_catalog.h"
#include "core/text/utf8.h"

namespace planscore::core {
namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

// A Big5 file produces an invalid-UTF-8 problem on nearly every line; a few examples tell
// the user what is wrong without burying the other problems.
constexpr int kMaxEncodingProblems = 10;

std::string line_path(int line) {
  return "line " + std::to_string(line);
}

// Counts lines the way the reader does (CRLF, LF and a lone CR each end one line).
void report_invalid_utf8(std::string_view text, Problems& problems) {
  int line = 1;
  int last_reported_line = 0;
  int reported = 0;
  int unreported = 0;
  std::size_t at = 0;
  while (at < text.size()) {
    const char c = text[at];
    if (c == '\r' || c == '\n') {
      at += (c == '\r' && at + 1 < text.size() && text[at + 1] == '\n') ? 2 : 1;
      ++line;
      continue;
    }
    const std::size_t length = utf8_sequence_length(text, at);
    if (length > 0) {
      at += length;
      continue;
    }
    ++at;
    if (line == last_reported_line) continue;
    last_reported_line = line;
    if (reported < kMaxEncodingProblems) {
      problems.push_back(coded_problem(line_path(line), "not_utf8"));
      ++reported;
    } else {
      ++unreported;
    }
  }
  if (unreported > 0)
    problems.push_back(
        {"", "invalid UTF-8 on " + std::to_string(unreported) + " more line(s) not listed"});
}

struct RawRow {
  std::vector<std::string> fields;
  int line = 0;
  bool blank = false;    // an empty line: skipped, not a row of one empty field
  bool complete = true;  // false when the text ended inside a quoted field
};

// Splits the text into rows one at a time; tracks the physical line for messages.
class RowReader {
 public:
  RowReader(std::string_view text, Problems& problems) : text_(text), problems_(problems) {}

  bool at_end() const { return position_ >= text_.size(); }

  RawRow next_row() {
    RawRow row;
    row.line = line_;
    if (consume_line_end()) {
      row.blank = true;
      return row;
    }
    while (true) {
      std::string field;
      if (peek() == '"') {
        if (!read_quoted(field)) {
          row.complete = false;
          return row;
        }
      } else {
        read_unquoted(field);
      }
      row.fields.push_back(std::move(field));
      if (at_end() || consume_line_end()) return row;
      ++position_;  // the comma: read_* stop only at a comma, a line end or the end
    }
  }

 private:
  char peek() const { return at_end() ? '\0' : text_[position_]; }

  bool at_line_end() const { return peek() == '\r' || peek() == '\n'; }

  bool consume_line_end() {
    if (!at_line_end() || at_end()) return false;
    if (text_[position_] == '\r' && position_ + 1 < text_.size() && text_[position_ + 1] == '\n')
      ++position_;
    ++position_;
    ++line_;
    return true;
  }

  void read_unquoted(std::string& field) {
    while (!at_end() && peek() != ',' && !at_line_end()) field += text_[position_++];
  }

  // Returns false when the text ends before the closing quote.
  bool read_quoted(std::string& field) {
    const int start_line = line_;
    ++position_;  // opening quote
    while (true) {
      if (at_end()) {
        problems_.push_back(
            {line_path(start_line), "a quoted field starting here is never closed (missing \")"});
        return false;
      }
      const char c = text_[position_];
      if (c == '"') {
        if (position_ + 1 < text_.size() && text_[position_ + 1] == '"') {
          field += '"';
          position_ += 2;
          continue;
        }
        ++position_;
        break;
      }
      if (c == '\r' || c == '\n') {
        const std::size_t start = position_;
        consume_line_end();
        field.append(text_.substr(start, position_ - start));  // keep the line end as written
        continue;
      }
      field += c;
      ++position_;
    }
    // RFC 4180 allows nothing between the closing quote and the comma. Keeping the stray
    // text (rather than dropping it) loses no data while the user fixes the file.
    if (!at_end() && peek() != ',' && !at_line_end()) {
      problems_.push_back({line_path(line_), "text after the closing quote of a field"});
      read_unquoted(field);
    }
    return true;
  }

  std::string_view text_;
  Problems& problems_;
  std::size_t position_ = 0;
  int line_ = 1;
};

bool needs_quotes(std::string_view field, std::size_t field_count) {
  // A lone empty field would otherwise write a blank line, which the reader skips.
  if (field.empty()) return field_count == 1;
  // The reader strips a byte-order mark at the start of the text.
  if (field.starts_with(kUtf8Bom)) return true;
  return field.find_first_of(",\"\r\n") != std::string_view::npos;
}

// Whether `text`, after any leading 's, starts with a character a spreadsheet takes as the
// start of a formula.
bool looks_like_a_formula(std::string_view text) {
  const std::size_t first = text.find_first_not_of('\'');
  if (first == std::string_view::npos) return false;
  constexpr std::string_view kFormulaStarts = "=+-@\t\r";
  return kFormulaStarts.find(text[first]) != std::string_view::npos;
}

}  // namespace

CsvResult read_csv(std::string_view text) {
  CsvResult result;
  if (text.size() > kMaxCsvBytes) {
    result.problems.push_back({"", "the file is " + std::to_string(text.size() / (1024 * 1024)) +
                                       " MB; files over 100 MB are not read"});
    return result;
  }
  if (text.starts_with(kUtf8Bom)) text.remove_prefix(kUtf8Bom.size());
  report_invalid_utf8(text, result.problems);

  RowReader reader(text, result.problems);
  bool have_header = false;
  while (!reader.at_end()) {
    RawRow row = reader.next_row();
    if (row.blank) continue;
    if (!row.complete) break;  // the unclosed quote swallowed the rest of the text
    if (!have_header) {
      result.table.header = std::move(row.fields);
      have_header = true;
      continue;
    }
    if (row.fields.size() != result.table.header.size()) {
      result.problems.push_back(
          coded_problem(line_path(row.line), "cell_count",
                        {{"count", std::to_string(row.fields.size())},
                         {"header", std::to_string(result.table.header.size())}}));
      continue;
    }
    result.table.rows.push_back(std::move(row.fields));
    result.table.row_lines.push_back(row.line);
  }
  if (!have_header && result.problems.empty())
    result.problems.push_back(coded_problem("", "file_empty"));
  return result;
}

std::string neutralize_csv_text(std::string_view text) {
  return looks_like_a_formula(text) ? "'" + std::string(text) : std::string(text);
}

std::string restore_csv_text(std::string_view cell) {
  const bool neutralized = cell.starts_with('\'') && looks_like_a_formula(cell);
  return std::string(neutralized ? cell.substr(1) : cell);
}

std::string csv_line(const std::vector<CsvCell>& cells) {
  std::string line;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (i > 0) line += ',';
    const std::string field = cells[i].is_text ? neutralize_csv_text(cells[i].text) : cells[i].text;
    if (!needs_quotes(field, cells.size())) {
      line += field;
      continue;
    }
    line += '"';
    for (const char c : field) {
      if (c == '"') line += '"';
      line += c;
    }
    line += '"';
  }
  line += "\r\n";
  return line;
}

}  // namespace planscore::core
