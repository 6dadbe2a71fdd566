#include "service/report_format.h"

#include "service/failure.h"

namespace planscore::service {
namespace {

struct FormatInfo {
  ReportFormat format;
  const char* name;
  const char* content_type;
};

constexpr FormatInfo kFormats[] = {
    {ReportFormat::pdf, "pdf", "application/pdf"},
    {ReportFormat::odt, "odt", "application/vnd.oasis.opendocument.text"},
    {ReportFormat::xlsx, "xlsx",
     "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
    {ReportFormat::ods, "ods", "application/vnd.oasis.opendocument.spreadsheet"},
    {ReportFormat::csv, "csv", "text/csv; charset=utf-8"},
    {ReportFormat::json, "json", "application/json"},
};

const FormatInfo& info(ReportFormat format) {
  for (const auto& entry : kFormats)
    if (entry.format == format) return entry;
  return kFormats[0];
}

}  // namespace

std::optional<ReportFormat> report_format_from_string(std::string_view text) {
  for (const auto& entry : kFormats)
    if (text == entry.name) return entry.format;
  return std::nullopt;
}

std::string content_type_of(ReportFormat format) {
  return info(format).content_type;
}

std::string report_file_name(const std::string& stem, ReportFormat format) {
  return stem + "." + info(format).name;
}

void require_format(ReportFormat format, std::initializer_list<ReportFormat> offered,
                    const std::string& report) {
  std::string names;
  for (auto option : offered) {
    if (option == format) return;
    names += (names.empty() ? "" : ", ") + std::string(info(option).name);
  }
  throw Failure(FailureKind::invalid, "the " + report + " does not come as " + info(format).name,
                {{"format", "choose one of: " + names}});
}

}  // namespace planscore::service
