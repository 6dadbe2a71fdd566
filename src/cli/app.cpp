#include "cli/app.h"

#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/backup_command.h"
#include "cli/evaluation_output.h"
#include "cli/report_command.h"
#include "cli/serve_command.h"
#include "core/register/csv.h"
#include "http/api/api.h"
#include "planfile/document_tree.h"
#include "planfile/evaluation_json.h"
#include "service/accounts.h"
#include "service/audit.h"
#include "service/demo.h"
#include "service/evaluation.h"
#include "service/failure.h"
#include "service/history.h"
#include "service/manual_values.h"
#include "service/passwords.h"
#include "service/plans.h"
#include "service/records.h"

namespace planscore::cli {
namespace {

// A failure the user can fix; its message is printed as the first line on stderr.
struct CommandError : std::runtime_error {
  CommandError(const std::string& message, core::Problems details = {})
      : std::runtime_error(message), problems(std::move(details)) {}
  core::Problems problems;
};

// The whole file at `path`, which must be a regular file of at most `max_bytes` (what
// names it: "plan files"). Checked before reading: /dev/zero or a FIFO would otherwise be
// read until memory runs out, and a file over the limit would be read only to be refused.
std::string read_file(const std::string& path, std::size_t max_bytes, const std::string& what) {
  std::error_code error;
  const auto status = std::filesystem::status(path, error);
  if (error || !std::filesystem::exists(status))
    throw CommandError("cannot read " + path + ": no such file");
  if (std::filesystem::is_directory(status))
    throw CommandError(path + " is a directory; give a file");
  if (!std::filesystem::is_regular_file(status))
    throw CommandError(path + " is not a regular file (a device, pipe or socket); give a file");
  const auto size = std::filesystem::file_size(path, error);
  if (error) throw CommandError("cannot read " + path + ": " + error.message());
  const auto too_large = [&](std::uintmax_t bytes) {
    return CommandError(
        fmt::format("{} is {} bytes; {} are limited to {} bytes", path, bytes, what, max_bytes));
  };
  if (size > max_bytes) throw too_large(size);
  std::ifstream in(path, std::ios::binary);
  if (!in) throw CommandError("cannot read " + path);
  // Reads one byte past the limit, in case the file grew since its size was taken.
  std::string text(max_bytes + 1, '\0');
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  if (in.bad()) throw CommandError("cannot read " + path);
  text.resize(static_cast<std::size_t>(in.gcount()));
  if (text.size() > max_bytes) throw too_large(text.size());
  return text;
}

std::string read_plan_file(const std::string& path) {
  return read_file(path, planfile::kMaxInputBytes, "plan files");
}

void write_output(const std::string& path, const std::string& text) {
  if (path.empty() || path == "-") {
    std::cout << text;
    return;
  }
  std::ofstream out(path, std::ios::binary);
  if (!out || !(out << text)) throw CommandError("cannot write " + path);
}

std::unique_ptr<store::Store> open_store(const std::string& url) {
  if (!store::is_postgresql_url(url)) {
    const std::filesystem::path path(url.rfind("sqlite:", 0) == 0 ? url.substr(7) : url);
    if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path());
  }
  return store::Store::open(url);
}

void import_plan_file(store::Store& store, const std::string& plan_file) {
  auto result = service::import_plan(store, read_plan_file(plan_file), service::PlanFormat::yaml,
                                     service::system_actor());
  if (!result.problems.empty())
    throw CommandError(fmt::format("{} has {} problem(s); nothing was imported", plan_file,
                                   result.problems.size()),
                       result.problems);
  std::cout << fmt::format("imported plan {} (version {})\n", result.plan_id, result.version);
}

// A new database gets the plan and the records it ships with (its history folder).
void import_shipped_plan(store::Store& store, const std::string& plan_file) {
  import_plan_file(store, plan_file);
  const auto history = service::load_history(store, service::require_current_plan(store),
                                             service::history_folder_of(plan_file));
  if (history.files > 0)
    std::cout << fmt::format("loaded {} earlier records from {} history file(s)\n", history.records,
                             history.files);
}

void print_evaluations(store::Store& store, const std::optional<int>& year,
                       const std::string& format) {
  const auto plan = service::require_current_plan(store);
  std::vector<core::YearEvaluation> years;
  if (year) {
    if (*year < plan.first_year || *year > plan.last_year)
      throw CommandError(fmt::format("{} is not a plan year; the plan covers {}–{}", *year,
                                     plan.first_year, plan.last_year));
    years.push_back(service::evaluate_year(store, plan, *year));
  } else {
    years = service::evaluate_all_years(store, plan);
  }
  if (format == "json") {
    std::cout << (year ? planfile::evaluation_json(years.front())
                       : planfile::evaluations_json(years));
  } else if (format == "csv") {
    std::cout << evaluation_csv(years);
  } else {
    for (const auto& evaluation : years) std::cout << evaluation_table(plan, evaluation) << "\n";
    if (years.size() > 1) std::cout << trend_table(plan, years);
  }
}

// A password typed or piped on standard input: the first line, without its newline.
std::string read_password() {
  std::string password;
  if (!std::getline(std::cin, password)) throw CommandError("no password on standard input");
  if (!password.empty() && password.back() == '\r') password.pop_back();
  return password;
}

void print_new_password(const std::string& password) {
  std::cout << "password (shown once; change it after signing in): " << password << "\n";
}

// The first `planscore run` on an empty database: the shipped plan, demo records so there
// is something to look at, and an administrator whose random password is printed once.
void set_up_first_run(store::Store& store, const std::string& db, const std::string& plan_file) {
  if (!store.current_plan()) {
    std::cout << "first run: creating " << db << " with the shipped plan and demo records\n";
    import_shipped_plan(store, plan_file);
    auto summary = service::load_demo(store, service::require_current_plan(store));
    std::cout << fmt::format("loaded {} demo records into {} registers\n", summary.records,
                             summary.registers);
  }
  if (store.count_users() == 0) {
    const auto plan = service::require_current_plan(store);
    const std::string password = service::generate_password();
    service::create_user(store, service::system_actor(), &plan,
                         {"admin", "系統管理者", password, "admin", ""});
    std::cout << "created the administrator account \"admin\"\n";
    print_new_password(password);
  }
  std::cout.flush();
}

// Patterns and methods are ASCII without quotes, so they print as JSON strings as they are.
void print_routes() {
  const auto router = http::make_api_router({});
  std::cout << "[\n";
  const auto& routes = router.routes();
  for (std::size_t i = 0; i < routes.size(); ++i)
    std::cout << fmt::format(
        "  {{\"method\": \"{}\", \"path\": \"{}\", \"needs_session\": {}, \"changes_state\": "
        "{}}}{}\n",
        routes[i].method, routes[i].pattern, routes[i].needs_session, routes[i].changes_state,
        i + 1 < routes.size() ? "," : "");
  std::cout << "]\n";
}

void print_error(const std::string& message, const core::Problems& problems) {
  std::cerr << "error: " << message << "\n";
  for (const auto& problem : problems) std::cerr << "  " << core::to_string(problem) << "\n";
}

void print_import_report(const service::ImportReport& report) {
  for (const auto& problem : report.file_problems)
    std::cerr << "  " << core::to_string(problem) << "\n";
  for (const auto& row : report.rows)
    std::cerr << fmt::format("  row {} (line {}){}{}: {}\n", row.row, row.line,
                             row.column.empty() ? "" : ", column " + row.column,
                             row.value.empty() ? "" : " \"" + row.value + "\"", row.reason);
}

}  // namespace

int run(int argc, char** argv) {
  CLI::App app{"planscore — mid-term plan performance management (中程施政計畫績效管理)"};
  app.require_subcommand(1);
  const char* env_db = std::getenv("PLANSCORE_DB");
  const bool db_from_environment = env_db && *env_db;
  std::string db = db_from_environment ? env_db : "data/planscore.db";
  auto* db_option =
      app.add_option("--db", db,
                     "database: a file path, sqlite:PATH or postgresql://USER@HOST/DB (default "
                     "data/planscore.db or $PLANSCORE_DB)");

  std::string plan_file = PLANSCORE_SHIPPED_PLAN;
  bool with_demo = false;
  auto* init = app.add_subcommand(
      "init", "create the database and import a plan (the shipped plan by default)");
  init->add_option("--plan", plan_file, "plan file (YAML)");
  init->add_flag("--demo", with_demo, "also load the demo records");

  auto* plan_cmd = app.add_subcommand("plan", "import, export or validate the plan");
  plan_cmd->require_subcommand(1);
  std::string plan_path, export_format = "yaml", output;
  auto* plan_import =
      plan_cmd->add_subcommand("import", "validate a plan file and make it the current plan");
  plan_import->add_option("FILE", plan_path, "plan file (YAML)")->required();
  auto* plan_validate =
      plan_cmd->add_subcommand("validate", "check a plan file without storing it");
  plan_validate->add_option("FILE", plan_path, "plan file (YAML)")->required();
  auto* plan_export = plan_cmd->add_subcommand("export", "write the current plan");
  plan_export->add_option("--format", export_format, "yaml or json")
      ->check(CLI::IsMember({"yaml", "json"}));
  plan_export->add_option("-o,--output", output, "output file (default: standard output)");

  auto* record_cmd = app.add_subcommand("record", "add or import register records");
  record_cmd->require_subcommand(1);
  std::string register_id, record_file;
  std::vector<std::string> assignments;
  std::string import_format = "auto", import_encoding = "auto", import_sheet;
  auto* record_import = record_cmd->add_subcommand(
      "import", "import a CSV or XLSX file into a register (all or nothing)");
  record_import->add_option("REGISTER", register_id, "register id")->required();
  record_import->add_option("FILE", record_file, "CSV (UTF-8 or Big5) or XLSX file")->required();
  record_import
      ->add_option("--format", import_format, "auto (an XLSX file is recognised), csv or xlsx")
      ->check(CLI::IsMember({"auto", "csv", "xlsx"}));
  record_import
      ->add_option("--encoding", import_encoding,
                   "CSV text encoding: auto (UTF-8, else Big5), utf-8 or big5")
      ->check(CLI::IsMember({"auto", "utf-8", "utf8", "big5", "cp950"}, CLI::ignore_case));
  record_import->add_option("--sheet", import_sheet,
                            "XLSX sheet to read (default: the first sheet)");
  auto* record_add = record_cmd->add_subcommand("add", "add one record: field=value …");
  record_add->add_option("REGISTER", register_id, "register id")->required();
  record_add->add_option("VALUES", assignments, "field=value pairs (field id or display name)")
      ->required();

  auto* value_cmd = app.add_subcommand("value", "manual indicator values");
  value_cmd->require_subcommand(1);
  std::string indicator_id, note;
  int value_year = 0;
  double value = 0;
  auto* value_set = value_cmd->add_subcommand("set", "enter an indicator's value for a year");
  value_set->add_option("INDICATOR", indicator_id, "indicator id")->required();
  value_set->add_option("YEAR", value_year, "ROC year")->required();
  value_set->add_option("VALUE", value, "the value, in the indicator's unit")->required();
  value_set->add_option("--note", note, "where the value comes from")->required();

  auto* demo =
      app.add_subcommand("demo", "load the demo records for 104–107 into an empty database");

  std::optional<int> year;
  std::string format = "table";
  auto* evaluate =
      app.add_subcommand("evaluate", "evaluate the current plan for a year, or every plan year");
  evaluate->add_option("--year", year, "ROC year (default: every plan year)");
  evaluate->add_option("--format", format, "table, json or csv")
      ->check(CLI::IsMember({"table", "json", "csv"}));

  ReportCommand report_cmd;
  add_report_command(app, report_cmd);

  BackupCommand backup_cmd;
  add_backup_commands(app, backup_cmd);

  auto* user_cmd = app.add_subcommand("user", "local accounts (on the server's console)");
  user_cmd->require_subcommand(1);
  std::string username, role, section_id, display_name;
  bool password_stdin = false;
  auto* user_add = user_cmd->add_subcommand(
      "add", "create an account; prints a random password unless --password-stdin is given");
  user_add->add_option("USERNAME", username, "login name")->required();
  user_add->add_option("--role", role, "admin, planner, section_editor, section_reviewer or viewer")
      ->required();
  user_add->add_option("--section", section_id, "the section of a section editor or reviewer");
  user_add->add_option("--display-name", display_name, "the name people see");
  user_add->add_flag("--password-stdin", password_stdin, "read the password from standard input");
  auto* user_password = user_cmd->add_subcommand(
      "password", "set an account's password (ends its sessions); random unless --password-stdin");
  user_password->add_option("USERNAME", username, "login name")->required();
  user_password->add_flag("--password-stdin", password_stdin,
                          "read the password from standard input");
  auto* user_list = user_cmd->add_subcommand("list", "list the accounts");

  auto* routes_cmd = app.add_subcommand(
      "routes", "list the HTTP API's routes as JSON (for the OpenAPI check and the attack tests)");

  ServeOptions serve_options;
  auto* serve = app.add_subcommand("serve", "run the web server and JSON API until SIGTERM");
  add_serve_options(*serve, serve_options);

  auto* run_cmd = app.add_subcommand(
      "run",
      "the main job: on first use create the database (shipped plan, demo records, an "
      "administrator with a random password), then serve");
  add_serve_options(*run_cmd, serve_options);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << "error: " << e.what() << "\nRun `planscore --help` for usage.\n";
    return 2;
  }

  const bool db_given = db_from_environment || db_option->count() > 0;
  try {
    if (plan_validate->parsed()) {
      auto problems = service::validate_plan_text(read_plan_file(plan_path));
      if (!problems.empty())
        throw CommandError(fmt::format("{} has {} problem(s)", plan_path, problems.size()),
                           problems);
      std::cout << plan_path << " is a valid plan\n";
      return 0;
    }
    if (routes_cmd->parsed()) {
      print_routes();
      return 0;
    }
    // serve takes its database from the configuration when --db was not given.
    if (serve->parsed()) return run_serve(db_given ? db : "", serve_options);
    if (backup_command_parsed(backup_cmd)) {
      run_backup_command(backup_cmd, db);
      return 0;
    }
    auto store = open_store(db);
    if (init->parsed()) {
      if (auto existing = store->current_plan())
        throw CommandError(
            fmt::format("{} already holds plan {}; use `planscore plan import FILE` to replace it",
                        db, existing->id));
      import_shipped_plan(*store, plan_file);
      if (with_demo) {
        auto summary = service::load_demo(*store, service::require_current_plan(*store));
        std::cout << fmt::format("loaded {} demo records into {} registers\n", summary.records,
                                 summary.registers);
      }
    } else if (plan_import->parsed()) {
      import_plan_file(*store, plan_path);
    } else if (plan_export->parsed()) {
      auto plan = service::require_current_plan(*store);
      write_output(output,
                   service::export_plan(plan, export_format == "json" ? service::PlanFormat::json
                                                                      : service::PlanFormat::yaml));
    } else if (record_import->parsed()) {
      auto plan = service::require_current_plan(*store);
      service::ImportSource source;
      source.format = *service::parse_import_format(import_format);
      source.encoding = *exchange::parse_text_encoding(import_encoding);
      source.sheet = import_sheet;
      auto report =
          service::import_file(*store, plan, service::system_actor(), register_id,
                               read_file(record_file, core::kMaxCsvBytes, "record files"), source);
      if (!report.ok()) {
        std::cerr << fmt::format("error: {} was not imported: {} problem(s); nothing was written\n",
                                 record_file, report.file_problems.size() + report.rows.size());
        print_import_report(report);
        return 1;
      }
      std::cout << fmt::format("imported {} records into {}\n", report.imported, register_id);
    } else if (record_add->parsed()) {
      auto plan = service::require_current_plan(*store);
      std::map<std::string, std::string> values;
      for (const auto& assignment : assignments) {
        auto equals = assignment.find('=');
        if (equals == std::string::npos)
          throw CommandError("\"" + assignment + "\" is not field=value");
        values[assignment.substr(0, equals)] = assignment.substr(equals + 1);
      }
      auto result = service::add_record(*store, plan, service::system_actor(), register_id, values);
      if (!result.problems.empty()) throw CommandError("the record was not added", result.problems);
      std::cout << fmt::format("added record {} to {}\n", result.record_id, register_id);
    } else if (value_set->parsed()) {
      auto plan = service::require_current_plan(*store);
      service::set_manual_value(*store, plan, service::system_actor(), indicator_id, value_year,
                                value, note, std::nullopt);
      std::cout << fmt::format("{} {}: {}\n", indicator_id, value_year, value);
    } else if (demo->parsed()) {
      auto summary = service::load_demo(*store, service::require_current_plan(*store));
      std::cout << fmt::format("loaded {} demo records into {} registers\n", summary.records,
                               summary.registers);
    } else if (evaluate->parsed()) {
      print_evaluations(*store, year, format);
    } else if (report_cmd.command->parsed()) {
      run_report_command(report_cmd, *store);
    } else if (user_add->parsed()) {
      const auto plan = service::current_plan(*store);
      const std::string password = password_stdin ? read_password() : service::generate_password();
      auto user = service::create_user(*store, service::system_actor(), plan ? &*plan : nullptr,
                                       {username, display_name, password, role, section_id});
      std::cout << fmt::format("created {} ({}) with id {}\n", user.username, user.role, user.id);
      if (!password_stdin) print_new_password(password);
    } else if (user_password->parsed()) {
      auto user = store->find_user_by_name(username);
      if (!user) throw CommandError("there is no account \"" + username + "\"");
      const std::string password = password_stdin ? read_password() : service::generate_password();
      service::reset_password(*store, service::system_actor(), user->id, password);
      std::cout << fmt::format("the password of {} was changed; its sessions ended\n", username);
      if (!password_stdin) print_new_password(password);
    } else if (user_list->parsed()) {
      for (const auto& user : store->list_users())
        std::cout << fmt::format("{}\t{}\t{}\t{}\t{}\n", user.id, user.username, user.role,
                                 user.section_id.empty() ? "-" : user.section_id,
                                 user.active ? "active" : "inactive");
    } else if (run_cmd->parsed()) {
      set_up_first_run(*store, db, plan_file);
      store.reset();
      return run_serve(db, serve_options);
    }
    return 0;
  } catch (const CommandError& e) {
    print_error(e.what(), e.problems);
    return 1;
  } catch (const service::Failure& e) {
    print_error(e.what(), e.problems);
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "error: " << e.what() << "\n";
    return 1;
  }
}

}  // namespace planscore::cli
