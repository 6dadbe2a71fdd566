#pragma once
// The file types reports come in, and what each report says about them: its content type,
// its file name, and the refusal naming the types a report offers.
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

namespace planscore::service {

enum class ReportFormat { pdf, odt, xlsx, ods, csv, json };
std::optional<ReportFormat> report_format_from_string(std::string_view text);

// "application/pdf", "text/csv; charset=utf-8" …
std::string content_type_of(ReportFormat format);
// `stem` with the format's extension: "plan-x" → "plan-x.pdf".
std::string report_file_name(const std::string& stem, ReportFormat format);

// Throws Failure(invalid) naming the `offered` formats when `format` is not one of them;
// `report` names the report ("the register export does not come as pdf").
void require_format(ReportFormat format, std::initializer_list<ReportFormat> offered,
                    const std::string& report);

}  // namespace planscore::service
