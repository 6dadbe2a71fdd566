#pragma once
// Plan validation of the registers: ids, fields (types, choices, stages, bounds, defaults)
// and the time basis. Part of validate(); paths as there ("registers[0].fields[2].min").
#include "core/plan/plan.h"
#include "core/problem.h"

namespace planscore::core {

Problems validate_registers(const Plan& plan);

}  // namespace planscore::core
