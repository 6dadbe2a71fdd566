#pragma once
// `planscore report …`: the plan document, a year's performance report, the workbook and
// open-data exports, written to a file (by default named after the report) or stdout.
#include <optional>
#include <string>

namespace CLI {
class App;
}
namespace planscore::store {
class Store;
}

namespace planscore::cli {

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

// Adds the command to `app`; `report` must outlive parsing.
void add_report_command(CLI::App& app, ReportCommand& report);

// Writes the report the parsed command asked for and prints where it went (on stderr
// when the report itself goes to stdout). Throws service::Failure for a refused report.
void run_report_command(const ReportCommand& report, store::Store& store);

}  // namespace planscore::cli
