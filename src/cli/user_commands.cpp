#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>

#include "cli/command_groups.h"
#include "cli/commands.h"
#include "cli/terminal_io.h"
#include "service/accounts.h"
#include "service/audit.h"
#include "service/passwords.h"
#include "service/plans.h"
#include "store/store.h"

namespace planscore::cli {
namespace {

struct UserOptions {
  std::string username, role, section_id, display_name;
  bool password_stdin = false;
};

std::string new_password(const UserOptions& options) {
  return options.password_stdin ? read_password() : service::generate_password();
}

int add_user(const UserOptions& options, const Database& database) {
  auto store = database.open();
  const auto plan = service::current_plan(*store);
  const std::string password = new_password(options);
  const auto user = service::create_user(
      *store, service::system_actor(), plan ? &*plan : nullptr,
      {options.username, options.display_name, password, options.role, options.section_id});
  std::cout << fmt::format("created {} ({}) with id {}\n", user.username, user.role, user.id);
  if (!options.password_stdin) print_new_password(password);
  return 0;
}

int set_password(const UserOptions& options, const Database& database) {
  auto store = database.open();
  const auto user = service::user_named(*store, service::system_actor(), options.username);
  const std::string password = new_password(options);
  service::reset_password(*store, service::system_actor(), user.id, password);
  std::cout << fmt::format("the password of {} was changed; its sessions ended\n",
                           options.username);
  if (!options.password_stdin) print_new_password(password);
  return 0;
}

int list_users(const Database& database) {
  auto store = database.open();
  for (const auto& user : service::list_users(*store, service::system_actor()))
    std::cout << fmt::format("{}\t{}\t{}\t{}\t{}\n", user.id, user.username, user.role,
                             user.section_id.empty() ? "-" : user.section_id,
                             user.active ? "active" : "inactive");
  return 0;
}

}  // namespace

void add_user_commands(CLI::App& app, Commands& commands) {
  auto options = std::make_shared<UserOptions>();
  auto* user = app.add_subcommand("user", "local accounts (on the server's console)");
  user->require_subcommand(1);

  auto* add_command = user->add_subcommand(
      "add", "create an account; prints a random password unless --password-stdin is given");
  add_command->add_option("USERNAME", options->username, "login name")->required();
  add_command
      ->add_option("--role", options->role,
                   "admin, planner, section_editor, section_reviewer or viewer")
      ->required();
  add_command->add_option("--section", options->section_id,
                          "the section of a section editor or reviewer");
  add_command->add_option("--display-name", options->display_name, "the name people see");
  add_command->add_flag("--password-stdin", options->password_stdin,
                        "read the password from standard input");
  commands.add(add_command, [options](const Database& db) { return add_user(*options, db); });

  auto* password_command = user->add_subcommand(
      "password", "set an account's password (ends its sessions); random unless --password-stdin");
  password_command->add_option("USERNAME", options->username, "login name")->required();
  password_command->add_flag("--password-stdin", options->password_stdin,
                             "read the password from standard input");
  commands.add(password_command,
               [options](const Database& db) { return set_password(*options, db); });

  auto* list_command = user->add_subcommand("list", "list the accounts");
  commands.add(list_command, list_users);
}

}  // namespace planscore::cli
