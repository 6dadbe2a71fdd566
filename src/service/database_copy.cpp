#include "service/database_copy.h"

#include <stdexcept>
#include <string>

#include "service/failure.h"
#include "service/plans.h"
#include "service/reports.h"

namespace planscore::service {
namespace {

std::vector<store::AuditEntry> whole_audit_trail(store::Store& store) {
  std::vector<store::AuditEntry> trail;
  store::AuditQuery query;
  query.limit = 1000;
  for (;;) {
    std::vector<store::AuditEntry> page = store.query_audit(query);
    if (page.empty()) return trail;
    query.before_id = page.back().id;
    trail.insert(trail.end(), page.begin(), page.end());
  }
}

bool same_entry(const store::AuditEntry& a, const store::AuditEntry& b) {
  return a.id == b.id && a.at == b.at && a.user_id == b.user_id && a.username == b.username &&
         a.action == b.action && a.object_type == b.object_type && a.object_id == b.object_id &&
         a.before == b.before && a.after == b.after && a.reason == b.reason;
}

[[noreturn]] void differs(const std::string& what) {
  throw std::runtime_error("the copy differs from the original: " + what);
}

std::int64_t compare_audit_trails(store::Store& source, store::Store& target) {
  const auto original = whole_audit_trail(source);
  const auto copied = whole_audit_trail(target);
  if (original.size() != copied.size()) differs("the audit trail's length");
  for (std::size_t i = 0; i < original.size(); ++i) {
    if (!same_entry(original[i], copied[i])) {
      differs("audit entry " + std::to_string(original[i].id));
    }
  }
  return static_cast<std::int64_t>(original.size());
}

std::int64_t compare_evidence_of(store::Store& source, store::Store& target,
                                 const std::string& plan_id, const std::string& indicator_id,
                                 int year) {
  const auto listed = source.list_evidence(plan_id, indicator_id, year);
  if (listed.size() != target.list_evidence(plan_id, indicator_id, year).size()) {
    differs("the evidence of " + indicator_id + " in " + std::to_string(year));
  }
  for (const store::EvidenceRow& row : listed) {
    const auto original = source.find_evidence(row.id);
    const auto copied = target.find_evidence(row.id);
    if (!original || !copied || original->content != copied->content ||
        original->sha256 != copied->sha256 || original->file_name != copied->file_name) {
      differs("evidence file " + std::to_string(row.id) + " (" + row.file_name + ")");
    }
  }
  return static_cast<std::int64_t>(listed.size());
}

// Evidence hangs off a plan's indicators and years, so walking them reaches every file.
std::int64_t compare_evidence(store::Store& source, store::Store& target, const core::Plan& plan) {
  std::int64_t compared = 0;
  for (const core::Dimension& dimension : plan.dimensions) {
    for (const core::Goal& goal : dimension.goals) {
      for (const core::Indicator& indicator : goal.indicators) {
        for (const int year : plan.years()) {
          compared += compare_evidence_of(source, target, plan.id, indicator.id, year);
        }
      }
    }
  }
  return compared;
}

}  // namespace

CopyReport copy_database(store::Store& source, store::Store& target) {
  if (!target.counts().empty()) {
    throw Failure(FailureKind::conflict,
                  "the target database already holds data; copy only into an empty database");
  }
  target.copy_from(source);

  CopyReport report;
  report.counts = source.counts();
  if (target.counts() != report.counts) differs("the number of rows of some table");
  report.audit_entries = compare_audit_trails(source, target);
  if (const auto plan = current_plan(source)) {
    report.evidence_files = compare_evidence(source, target, *plan);
    if (report.evidence_files != report.counts.evidence_files) {
      differs("evidence files that belong to no indicator of the plan");
    }
    const auto original = evaluation_report(source, *plan, ReportFormat::csv);
    const auto copied = evaluation_report(target, *plan, ReportFormat::csv);
    if (original.bytes != copied.bytes) differs("the evaluation");
    report.evaluated_years = plan->last_year - plan->first_year + 1;
  }
  return report;
}

}  // namespace planscore::service
