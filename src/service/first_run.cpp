#include "service/first_run.h"

#include "service/accounts.h"
#include "service/audit.h"
#include "service/passwords.h"

namespace planscore::service {

ShippedPlanLoad load_shipped_plan(store::Store& store, const std::string& plan_text,
                                  const std::filesystem::path& plan_file) {
  ShippedPlanLoad load;
  load.plan = import_plan(store, plan_text, PlanFormat::yaml, system_actor());
  if (!load.plan.problems.empty()) return load;
  load.history = load_history(store, require_current_plan(store), history_folder_of(plan_file));
  return load;
}

FirstRun set_up_first_run(store::Store& store, const std::function<std::string()>& read_plan,
                          const std::filesystem::path& plan_file) {
  FirstRun done;
  if (!store.current_plan()) {
    done.plan = load_shipped_plan(store, read_plan(), plan_file);
    if (!done.plan->plan.problems.empty()) return done;
    done.demo = load_demo(store, require_current_plan(store));
  }
  if (store.count_users() == 0) {
    const auto plan = require_current_plan(store);
    done.admin_password = generate_password();
    create_user(store, system_actor(), &plan,
                {"admin", "系統管理者", done.admin_password, "admin", ""});
  }
  return done;
}

}  // namespace planscore::service
