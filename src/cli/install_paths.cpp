#include "cli/install_paths.h"

#include <filesystem>
#include <system_error>

namespace planscore::cli {
namespace {

namespace fs = std::filesystem;

// <prefix>/share/planscore for the running binary, <prefix>/bin/planscore.
fs::path share_folder() {
  std::error_code error;
  const auto binary = fs::read_symlink("/proc/self/exe", error);
  if (error) return {};
  return binary.parent_path().parent_path() / "share" / "planscore";
}

}  // namespace

std::string shipped_plan_file() {
  const fs::path source_plan = PLANSCORE_SHIPPED_PLAN;
  const auto installed = share_folder() / "plans" / source_plan.filename();
  std::error_code error;
  return fs::is_regular_file(installed, error) ? installed.string() : source_plan.string();
}

std::string installed_web_root() {
  const auto installed = share_folder() / "web";
  std::error_code error;
  return fs::is_regular_file(installed / "index.html", error) ? installed.string() : "";
}

}  // namespace planscore::cli
