#include "service/history.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "service/audit.h"
#include "service/failure.h"
#include "service/records.h"

namespace planscore::service {
namespace {

struct HistoryFile {
  std::string register_id;
  std::string text;
};

std::vector<HistoryFile> read_folder(const std::filesystem::path& folder) {
  std::vector<HistoryFile> files;
  if (!std::filesystem::is_directory(folder)) return files;
  for (const auto& entry : std::filesystem::directory_iterator(folder)) {
    if (!entry.is_regular_file() || entry.path().extension() != ".csv") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    if (!in) throw Failure(FailureKind::invalid, "cannot read " + entry.path().string());
    files.push_back({entry.path().stem().string(), text.str()});
  }
  // Directory order is the file system's; a fixed order keeps record ids the same on
  // every machine.
  std::sort(files.begin(), files.end(),
            [](const auto& a, const auto& b) { return a.register_id < b.register_id; });
  return files;
}

// The import's problems with the history file's name in front of each path.
core::Problems problems_of(const std::string& file_name, const ImportReport& report) {
  core::Problems problems = import_problems(report);
  for (auto& problem : problems)
    problem.path = file_name + (problem.path.empty() ? "" : ", " + problem.path);
  return problems;
}

}  // namespace

std::filesystem::path history_folder_of(const std::filesystem::path& plan_file) {
  std::filesystem::path folder = plan_file;
  return folder.replace_extension(".history");
}

HistorySummary load_history(store::Store& store, const core::Plan& plan,
                            const std::filesystem::path& folder) {
  const auto files = read_folder(folder);
  core::Problems problems;
  for (const auto& file : files) {
    const std::string name = file.register_id + ".csv";
    if (plan.find_register(file.register_id) == nullptr) {
      problems.push_back({name, "the plan has no register \"" + file.register_id + "\""});
      continue;
    }
    const auto report = import_csv(store, plan, system_actor(), file.register_id, file.text,
                                   {.mode = ImportMode::check_only, .replace_year = {}});
    for (auto& problem : problems_of(name, report)) problems.push_back(std::move(problem));
  }
  if (!problems.empty())
    throw Failure(FailureKind::invalid,
                  "the history in " + folder.string() + " has " + std::to_string(problems.size()) +
                      " problem(s); nothing was loaded",
                  problems);
  HistorySummary summary;
  for (const auto& file : files) {
    const auto report = import_csv(store, plan, system_actor(), file.register_id, file.text);
    ++summary.files;
    summary.records += report.imported;
  }
  return summary;
}

}  // namespace planscore::service
