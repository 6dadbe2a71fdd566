#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <memory>
#include <optional>

#include "cli/command_groups.h"
#include "cli/commands.h"
#include "service/failure.h"
#include "service/plans.h"
#include "service/register_export.h"
#include "service/reports.h"
#include "service/statistics.h"
#include "store/store.h"

namespace planscore::cli {
namespace {

struct ReportCommand {
  CLI::App* command = nullptr;
  CLI::App* plan = nullptr;
  CLI::App* annual = nullptr;
  CLI::App* workbook = nullptr;
  CLI::App* evaluation = nullptr;
  CLI::App* register_records = nullptr;
  CLI::App* statistics = nullptr;
  std::string format;
  std::string output;
  int year = 0;
  std::optional<int> register_year;
  std::string register_id;
  std::optional<int> first_year, last_year;  // statistics range; the plan's years by default
};

CLI::App* add_kind(CLI::App& report_cmd, ReportCommand& report, const char* name,
                   const char* description, const char* formats, const char* default_format) {
  auto* kind = report_cmd.add_subcommand(name, description);
  kind->add_option("--format", report.format, formats)->default_str(default_format);
  kind->add_option("-o,--output", report.output,
                   "output file, or - for standard output (default: the report's file name)");
  return kind;
}

service::ReportFormat format_of(const ReportCommand& report, const char* default_format) {
  const std::string name = report.format.empty() ? default_format : report.format;
  const auto format = service::report_format_from_string(name);
  if (!format)
    throw service::Failure(service::FailureKind::invalid, "\"" + name + "\" is not a report format",
                           {{"--format", "choose one of: pdf, odt, xlsx, ods, csv, json"}});
  return *format;
}

// Writes a report piece by piece to standard output ("-") or a file. A file is written
// under a temporary name and renamed when complete, so a report that fails half way
// leaves no partial file behind (nor replaces an older one).
void deliver(const std::string& file_name, const std::string& output,
             const std::function<void(const service::ReportSink&)>& write) {
  if (output == "-") {
    write([](std::string_view piece) {
      return static_cast<bool>(
          std::cout.write(piece.data(), static_cast<std::streamsize>(piece.size())));
    });
    std::cout.flush();
    return;
  }
  const std::filesystem::path path = output.empty() ? file_name : output;
  std::filesystem::path partial = path;
  partial += ".partial";
  std::uintmax_t bytes = 0;
  try {
    std::ofstream out(partial, std::ios::binary | std::ios::trunc);
    if (!out) throw std::runtime_error("cannot write " + path.string());
    write([&](std::string_view piece) {
      if (!out.write(piece.data(), static_cast<std::streamsize>(piece.size())))
        throw std::runtime_error("cannot write " + path.string());
      bytes += piece.size();
      return true;
    });
    out.close();
    if (!out) throw std::runtime_error("cannot write " + path.string());
    std::filesystem::rename(partial, path);
  } catch (...) {
    std::error_code ignored;
    std::filesystem::remove(partial, ignored);
    throw;
  }
  std::cout << fmt::format("wrote {} ({} bytes)\n", path.string(), bytes);
}

void deliver(const service::ReportFile& file, const std::string& output) {
  deliver(file.file_name, output, [&](const service::ReportSink& sink) { sink(file.bytes); });
}

// Throws service::Failure for a refused report.
void write_report(const ReportCommand& report, store::Store& store) {
  const auto plan = service::require_current_plan(store);
  service::ReportFile file;
  if (report.plan->parsed()) {
    file = service::plan_report(store, plan, format_of(report, "pdf"));
  } else if (report.annual->parsed()) {
    file = service::annual_report(store, plan, report.year, format_of(report, "pdf"));
  } else if (report.workbook->parsed()) {
    file = service::workbook_report(store, plan, format_of(report, "xlsx"));
  } else if (report.evaluation->parsed()) {
    file = service::evaluation_report(store, plan, format_of(report, "csv"));
  } else if (report.statistics->parsed()) {
    file = service::statistics_report(
        store, plan, service::statistics_range(plan, report.first_year, report.last_year),
        format_of(report, "csv"));
  } else {
    const service::RegisterExport records(plan, report.register_id, {report.register_year},
                                          format_of(report, "csv"));
    deliver(records.file_name(), report.output,
            [&](const service::ReportSink& sink) { records.write(store, sink); });
    return;
  }
  deliver(file, report.output);
}

}  // namespace

void add_report_command(CLI::App& app, Commands& commands) {
  auto shared = std::make_shared<ReportCommand>();
  ReportCommand& report = *shared;
  report.command = app.add_subcommand("report", "documents, workbooks and open-data exports");
  report.command->require_subcommand(1);
  report.plan = add_kind(*report.command, report, "plan", "the plan document (中程施政計畫)",
                         "pdf or odt", "pdf");
  report.annual = add_kind(*report.command, report, "annual", "a year's performance report",
                           "pdf or odt", "pdf");
  report.annual->add_option("YEAR", report.year, "ROC year")->required();
  report.workbook =
      add_kind(*report.command, report, "workbook",
               "indicators, every year's evaluation and the budget table", "xlsx or ods", "xlsx");
  report.evaluation = add_kind(*report.command, report, "evaluation",
                               "every year's evaluation as open data", "csv or json", "csv");
  report.register_records = add_kind(*report.command, report, "register",
                                     "a register's records as open data", "csv or json", "csv");
  report.register_records->add_option("REGISTER", report.register_id, "register id")->required();
  report.register_records->add_option("--year", report.register_year,
                                      "only records placed in this ROC year");
  report.statistics = add_kind(*report.command, report, "statistics",
                               "業務統計: every sectioned metric per year and over the range",
                               "csv, xlsx, ods, pdf or odt", "csv");
  report.statistics->add_option("--from", report.first_year,
                                "first ROC year (default: the plan's)");
  report.statistics->add_option("--to", report.last_year, "last ROC year (default: the plan's)");
  commands.add(report.command, [shared](const Database& database) {
    write_report(*shared, *database.open());
    return 0;
  });
}

}  // namespace planscore::cli
