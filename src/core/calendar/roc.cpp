#include "core/calendar/roc.h"

#include <array>
#include <cstdio>
#include <utility>

namespace planscore::core {
namespace {

// Years outside these ranges are far more likely typos than real plan dates, and the
// bounds keep ROC and Gregorian readings of a year from overlapping.
constexpr int kMinRocYear = 1;
constexpr int kMaxRocYear = 200;
constexpr int kMinGregorianYear = to_gregorian_year(kMinRocYear);
constexpr int kMaxGregorianYear = to_gregorian_year(kMaxRocYear);

bool is_leap_year(int year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int days_in_month(int year, int month) {
  constexpr std::array<int, 12> kDays{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2 && is_leap_year(year)) return 29;
  return kDays[month - 1];
}

bool is_ascii_space(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f';
}

// Dates typed in Chinese input methods often come with full-width digits (１０４),
// separators (／－．) and ideographic spaces; folding them to ASCII lets one grammar
// handle both.
std::string fold_full_width(std::string_view text) {
  std::string folded;
  folded.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto byte = [&](std::size_t at) { return static_cast<unsigned char>(text[at]); };
    if (i + 2 < text.size() && byte(i) == 0xEF && byte(i + 1) == 0xBC && byte(i + 2) >= 0x8D &&
        byte(i + 2) <= 0x99) {
      // U+FF0D － U+FF0E ． U+FF0F ／ then U+FF10…U+FF19 ０…９, in ASCII's own order.
      folded += static_cast<char>('-' + (byte(i + 2) - 0x8D));
      i += 2;
    } else if (i + 2 < text.size() && byte(i) == 0xE3 && byte(i + 1) == 0x80 &&
               byte(i + 2) == 0x80) {
      folded += ' ';  // U+3000 IDEOGRAPHIC SPACE
      i += 2;
    } else {
      folded += text[i];
    }
  }
  return folded;
}

// A cursor over the folded text; each reader consumes only on success.
class Scanner {
 public:
  explicit Scanner(std::string_view text) : text_(text) {}

  bool at_end() const { return position_ == text_.size(); }

  void skip_spaces() {
    while (!at_end() && is_ascii_space(text_[position_])) ++position_;
  }

  bool consume(std::string_view literal) {
    if (text_.substr(position_, literal.size()) != literal) return false;
    position_ += literal.size();
    return true;
  }

  // Reads 1..max_digits ASCII digits; the digit count lets the caller tell a 4-digit
  // Gregorian year from a 1-3 digit ROC year.
  std::optional<std::pair<int, int>> digits(int max_digits) {
    int value = 0;
    int count = 0;
    while (!at_end() && text_[position_] >= '0' && text_[position_] <= '9') {
      if (++count > max_digits) return std::nullopt;
      value = value * 10 + (text_[position_] - '0');
      ++position_;
    }
    if (count == 0) return std::nullopt;
    return std::pair{value, count};
  }

  std::optional<char> separator() {
    if (at_end()) return std::nullopt;
    const char c = text_[position_];
    if (c != '-' && c != '/' && c != '.') return std::nullopt;
    ++position_;
    return c;
  }

 private:
  std::string_view text_;
  std::size_t position_ = 0;
};

std::optional<int> gregorian_year(int value, int digit_count) {
  if (digit_count == 4) {
    if (value < kMinGregorianYear || value > kMaxGregorianYear) return std::nullopt;
    return value;
  }
  if (value < kMinRocYear || value > kMaxRocYear) return std::nullopt;
  return to_gregorian_year(value);
}

std::optional<Date> make_date(int year, int month, int day) {
  if (month < 1 || month > 12) return std::nullopt;
  if (day < 1 || day > days_in_month(year, month)) return std::nullopt;
  return Date{year, month, day};
}

// 104/03/15, 104.3.15, 104-3-15, 2015-03-15: the same separator twice.
std::optional<Date> parse_separated(std::string_view text) {
  Scanner scanner(text);
  const auto year = scanner.digits(4);
  if (!year) return std::nullopt;
  const auto separator = scanner.separator();
  if (!separator) return std::nullopt;
  const auto month = scanner.digits(2);
  if (!month || scanner.separator() != separator) return std::nullopt;
  const auto day = scanner.digits(2);
  if (!day || !scanner.at_end()) return std::nullopt;
  const auto gregorian = gregorian_year(year->first, year->second);
  if (!gregorian) return std::nullopt;
  return make_date(*gregorian, month->first, day->first);
}

// 1050315 (ROC, seven digits, as document and plan systems export dates) or 20160315
// (Gregorian, eight digits): the year's digits, then two for the month and two for the day.
std::optional<Date> parse_compact(std::string_view text) {
  if (text.size() != 7 && text.size() != 8) return std::nullopt;
  Scanner scanner(text);
  const auto digits = scanner.digits(8);
  if (!digits || !scanner.at_end()) return std::nullopt;
  const int year_digits = static_cast<int>(text.size()) - 4;
  const auto gregorian = gregorian_year(digits->first / 10000, year_digits == 3 ? 3 : 4);
  if (!gregorian) return std::nullopt;
  return make_date(*gregorian, digits->first / 100 % 100, digits->first % 100);
}

// 民國104年3月15日, with or without 民國 and with spaces between the parts. The year is
// always ROC here: "2015年" would be Gregorian, and it is accepted as such.
std::optional<Date> parse_chinese(std::string_view text) {
  Scanner scanner(text);
  if (scanner.consume("民國")) scanner.skip_spaces();
  const auto year = scanner.digits(4);
  if (!year) return std::nullopt;
  scanner.skip_spaces();
  if (!scanner.consume("年")) return std::nullopt;
  scanner.skip_spaces();
  const auto month = scanner.digits(2);
  if (!month) return std::nullopt;
  scanner.skip_spaces();
  if (!scanner.consume("月")) return std::nullopt;
  scanner.skip_spaces();
  const auto day = scanner.digits(2);
  if (!day) return std::nullopt;
  scanner.skip_spaces();
  if (!scanner.consume("日") || !scanner.at_end()) return std::nullopt;
  const auto gregorian = gregorian_year(year->first, year->second);
  if (!gregorian) return std::nullopt;
  return make_date(*gregorian, month->first, day->first);
}

std::string_view trim_ascii_space(std::string_view text) {
  while (!text.empty() && is_ascii_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_ascii_space(text.back())) text.remove_suffix(1);
  return text;
}

}  // namespace

std::string Date::iso() const {
  std::array<char, 32> buffer{};
  std::snprintf(buffer.data(), buffer.size(), "%04d-%02d-%02d", year, month, day);
  return buffer.data();
}

std::optional<Date> parse_date(std::string_view text) {
  const std::string folded = fold_full_width(text);
  const std::string_view trimmed = trim_ascii_space(folded);
  if (auto date = parse_separated(trimmed)) return date;
  if (auto date = parse_compact(trimmed)) return date;
  return parse_chinese(trimmed);
}

std::string Date::roc() const {
  std::array<char, 32> buffer{};
  std::snprintf(buffer.data(), buffer.size(), "%d/%02d/%02d", to_roc_year(year), month, day);
  return buffer.data();
}

std::string first_day_iso(int roc_year) {
  return Date{to_gregorian_year(roc_year), 1, 1}.iso();
}

std::string last_day_iso(int roc_year) {
  return Date{to_gregorian_year(roc_year), 12, 31}.iso();
}

}  // namespace planscore::core
