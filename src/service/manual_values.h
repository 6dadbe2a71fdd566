#pragma once
// Manual indicator values: for an indicator whose value is a yearly fact, or to
// override a computed one, the indicator's section enters the value for a year with its
// source. Only the owner section (or an administrator) may, never in a locked year, and
// every change is audited.
#include <optional>
#include <string>
#include <vector>

#include "core/access/role.h"
#include "core/plan/plan.h"
#include "core/problem.h"
#include "store/store.h"

namespace planscore::service {

// Checks the indicator exists, the year is a plan year, the value fits the indicator's
// kind (0/1 for yes/no, a stage for milestones) and a source note is given; stores it
// when the stored version is `expected_version` (nullopt: overwrite whatever is there,
// for the command line). Returns the stored value with its new version. Throws Failure:
// invalid (problems name value, note, year), forbidden, locked, conflict.
store::ManualValue set_manual_value(store::Store& store, const core::Plan& plan,
                                    const core::Actor& actor, const std::string& indicator_id,
                                    int year, double value, const std::string& note,
                                    std::optional<std::int64_t> expected_version);

// The value a person wrote for an indicator: a number, or for a milestone the name of a
// stage (`工程完工`), which stands for its percentage. Failure(invalid) naming the stages
// when it is neither; Failure(not_found) for an unknown indicator.
double manual_value_from_text(const core::Plan& plan, const std::string& indicator_id,
                              std::string_view text);

void delete_manual_value(store::Store& store, const core::Plan& plan, const core::Actor& actor,
                         const std::string& indicator_id, int year, std::int64_t expected_version);

// The plan's manual values, for one year or all (nullopt).
std::vector<store::ManualValue> manual_values(store::Store& store, const core::Plan& plan,
                                              std::optional<int> year);

}  // namespace planscore::service
