// `review YEAR ACTION` and `year lock|unlock YEAR`: taking a year through its review and
// locking it from the console, as the planners' pages do one indicator at a time.
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>

#include "cli/command_groups.h"
#include "cli/commands.h"
#include "cli/terminal_io.h"
#include "core/workflow/review.h"
#include "service/audit.h"
#include "service/failure.h"
#include "service/plans.h"
#include "service/reviews.h"
#include "service/year_locks.h"

namespace planscore::cli {
namespace {

struct ReviewOptions {
  int year = 0;
  std::string action;
  std::vector<std::string> indicators;  // empty: every indicator that can take the action
  std::string section;                  // empty: every section
  std::string comment, reason;
};

// Takes the action on every chosen review whose state allows it; each refusal is named
// and the others still go ahead (each is a change of its own, as on the web).
int review(const ReviewOptions& options, const Database& database) {
  const auto action = core::review_action_from_string(options.action);
  if (!action) throw CommandError("\"" + options.action + "\" is not a review action");
  auto store = database.open();
  const auto plan = service::require_current_plan(*store);
  const auto result = service::take_review_action_in_bulk(
      *store, plan, service::system_actor(),
      {options.year, *action, options.indicators, options.section, options.comment});
  std::cout << fmt::format("{}: {} indicator(s) of {}\n", options.action, result.taken.size(),
                           options.year);
  if (!result.refused.empty())
    throw CommandError(
        fmt::format("{} indicator(s) refused {}", result.refused.size(), options.action),
        result.refused);
  return 0;
}

int lock(const ReviewOptions& options, const Database& database) {
  auto store = database.open();
  service::lock_year(*store, service::require_current_plan(*store), service::system_actor(),
                     options.year);
  std::cout << fmt::format("locked {}\n", options.year);
  return 0;
}

int unlock(const ReviewOptions& options, const Database& database) {
  auto store = database.open();
  service::unlock_year(*store, service::require_current_plan(*store), service::system_actor(),
                       options.year, options.reason);
  std::cout << fmt::format("unlocked {}\n", options.year);
  return 0;
}

}  // namespace

void add_review_commands(CLI::App& app, Commands& commands) {
  auto options = std::make_shared<ReviewOptions>();

  auto* review_command = app.add_subcommand(
      "review",
      "take a review step (submit, first_review, second_review, return) on a year's "
      "indicators");
  review_command->add_option("YEAR", options->year, "ROC year")->required();
  review_command
      ->add_option("ACTION", options->action, "submit, first_review, second_review or return")
      ->required()
      ->check(CLI::IsMember({"submit", "first_review", "second_review", "return"}));
  review_command->add_option("--indicator", options->indicators,
                             "only these indicators (default: every one the step applies to)");
  review_command->add_option("--section", options->section, "only this section's indicators");
  review_command->add_option("--comment", options->comment, "the comment a return needs");
  commands.add(review_command, [options](const Database& db) { return review(*options, db); });

  auto* year = app.add_subcommand("year", "lock a reviewed year, or unlock it with a reason");
  year->require_subcommand(1);
  auto* lock_command = year->add_subcommand("lock", "lock a year whose indicators all have 複核");
  lock_command->add_option("YEAR", options->year, "ROC year")->required();
  commands.add(lock_command, [options](const Database& db) { return lock(*options, db); });
  auto* unlock_command = year->add_subcommand("unlock", "unlock a year (audited with the reason)");
  unlock_command->add_option("YEAR", options->year, "ROC year")->required();
  unlock_command->add_option("--reason", options->reason, "why it is unlocked")->required();
  commands.add(unlock_command, [options](const Database& db) { return unlock(*options, db); });
}

}  // namespace planscore::cli
