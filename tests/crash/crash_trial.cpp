#include "crash/crash_trial.h"

#include <algorithm>
#include <set>
#include <thread>

#include "api/api_fixture.h"
#include "crash/observation.h"

namespace planscore::test {
namespace {

std::unique_ptr<ApiSession> sign_in_reader(const ServerProcess& server, const Accounts& accounts) {
  auto reader = std::make_unique<ApiSession>(server.base_url(), "planner", accounts.at("planner"));
  if (reader->login_result.status != 201)
    throw std::runtime_error("cannot sign in the reader: " + reader->login_result.body);
  return reader;
}

std::string shortened(const nlohmann::json& value) {
  const auto text = value.dump();
  return text.size() > 400 ? text.substr(0, 400) + "…" : text;
}

// Each object's state must be its last acknowledged one, or the pending change's result.
void check_states(const States& baseline, const std::vector<Ledger>& ledgers,
                  const Observation& observed, TrialReport& report,
                  std::vector<std::string>& expected_audit) {
  States expected = baseline;
  std::map<std::string, const PendingChange*> pending;
  for (const auto& ledger : ledgers) {
    for (const auto& [object, state] : ledger.acknowledged) expected[object] = state;
    expected_audit.insert(expected_audit.end(), ledger.audit.begin(), ledger.audit.end());
    if (ledger.pending) pending[ledger.pending->object] = &*ledger.pending;
  }
  std::set<std::string> objects;
  for (const auto& [object, state] : expected) objects.insert(object);
  for (const auto& [object, state] : observed.states) objects.insert(object);
  for (const auto& object : objects) {
    const auto want = expected.count(object) ? expected.at(object) : nlohmann::json();
    const auto have = observed.states.count(object) ? observed.states.at(object) : nlohmann::json();
    if (have == want) continue;
    if (auto change = pending.find(object);
        change != pending.end() && have == change->second->after) {
      ++report.pending_landed;
      expected_audit.insert(expected_audit.end(), change->second->audit.begin(),
                            change->second->audit.end());
      continue;
    }
    report.failures.push_back(object + ": expected " + shortened(want) + ", found " +
                              shortened(have));
  }
}

// The entries written during the workload must be exactly those of the changes the data
// shows: each acknowledged change and each pending one that landed.
void check_audit(std::vector<std::string> expected, const std::vector<std::string>& observed,
                 TrialReport& report) {
  std::sort(expected.begin(), expected.end());
  std::vector<std::string> missing, extra;
  std::set_difference(expected.begin(), expected.end(), observed.begin(), observed.end(),
                      std::back_inserter(missing));
  std::set_difference(observed.begin(), observed.end(), expected.begin(), expected.end(),
                      std::back_inserter(extra));
  for (const auto& key : missing) report.failures.push_back("no audit entry for " + key);
  for (const auto& key : extra) report.failures.push_back("audit entry without its change: " + key);
  report.audit_entries = static_cast<int>(observed.size());
}

}  // namespace

TrialReport run_crash_trial(const CrashBackend& backend, const TrialOptions& options) {
  TrialReport report;
  TestDirectory directory;
  const auto database = backend.fresh_database(directory);

  std::vector<Ledger> ledgers;
  States baseline;
  long audit_from = 0;
  {
    auto server = ServerProcess::serve(database.url);
    auto reader = sign_in_reader(*server, database.accounts);
    baseline = observe(*reader).states;
    audit_from = newest_audit_id(*reader);
    Workload workload(server->base_url(), database.accounts, baseline, options.seed, options.size);
    workload.start();
    std::this_thread::sleep_for(options.kill_after);
    server->stop(SIGKILL);
    ledgers = workload.finish();
  }
  backend.settle_after_kill(database.url);
  if (options.after_kill) options.after_kill(database.url);
  for (const auto& ledger : ledgers) {
    report.acknowledged += ledger.acknowledged_changes;
    report.imported_rows += ledger.imported_rows;
    report.pending += ledger.pending ? 1 : 0;
    report.refusals.insert(report.refusals.end(), ledger.refusals.begin(), ledger.refusals.end());
  }

  nlohmann::json served_evaluation;
  {
    auto server = ServerProcess::serve(database.url);
    auto reader = sign_in_reader(*server, database.accounts);
    const auto observed = observe(*reader);
    std::vector<std::string> expected_audit;
    check_states(baseline, ledgers, observed, report, expected_audit);
    check_audit(expected_audit, audit_keys_after(*reader, audit_from, observed), report);
    served_evaluation = reader->get_json("/api/evaluation");
    if (const int code = server->stop(); code != 0)
      report.failures.push_back("the restarted server exited with " + std::to_string(code));
  }

  // A separate process computing everything from the file the server left.
  auto computed = run_planscore(database.url, {"evaluate", "--format", "json"});
  if (computed.exit_code != 0) {
    report.failures.push_back("planscore evaluate failed: " + computed.err);
  } else if (nlohmann::json::parse(computed.out, nullptr, false) != served_evaluation) {
    report.failures.push_back("the served evaluation differs from a full recomputation");
  }
  if (const auto verdict = backend.integrity_check(database.url); verdict != "ok")
    report.failures.push_back("integrity check: " + verdict);
  return report;
}

}  // namespace planscore::test
