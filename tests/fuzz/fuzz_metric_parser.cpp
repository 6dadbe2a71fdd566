// Feeds arbitrary text to the metric parser. Every parsed formula must print to text that
// parses again and prints identically (the canonical form is a fixed point), and the
// checker must accept any tree without crashing.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/metric/check.h"
#include "core/metric/parse.h"
#include "core/register/register.h"

namespace {

using namespace planscore::core;

FieldDef field(std::string id, FieldType type, std::vector<std::string> choices = {}) {
  FieldDef def;
  def.id = std::move(id);
  def.type = type;
  def.choices = std::move(choices);
  return def;
}

// One register of each time basis, with a field of every type, under short names the
// fuzzer can stumble on.
const metric::Scope& fixed_scope() {
  static const std::vector<RegisterDef> registers = [] {
    std::vector<RegisterDef> defs(3);
    defs[0].id = "r";
    defs[0].time_basis = TimeBasis::date;
    defs[0].time_field = "d";
    defs[0].fields = {field("d", FieldType::date),    field("t", FieldType::text),
                      field("i", FieldType::integer), field("f", FieldType::decimal),
                      field("y", FieldType::yes_no),  field("c", FieldType::choice, {"a", "文書"}),
                      field("s", FieldType::section)};
    defs[1].id = "v";
    defs[1].time_basis = TimeBasis::interval;
    defs[1].time_field = "j";
    defs[1].end_field = "l";
    defs[1].fields = {field("j", FieldType::date), field("l", FieldType::date)};
    defs[2].id = "h";
    defs[2].time_basis = TimeBasis::year;
    defs[2].time_field = "year";
    defs[2].fields = {field("year", FieldType::integer), field("ok", FieldType::yes_no)};
    return defs;
  }();
  static const metric::Scope scope = [] {
    metric::Scope s;
    for (const auto& def : registers) s.registers.push_back(&def);
    s.constants = {"k", "volunteers_103"};
    s.metrics = {"m"};
    return s;
  }();
  return scope;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto first = metric::parse(text);
  if (!first.expr) {
    if (first.problems.empty()) __builtin_trap();  // a failure must say why
    return 0;
  }
  if (!first.problems.empty()) __builtin_trap();
  const std::string printed = metric::to_string(*first.expr);
  // Canonical spacing can make a formula near the size limit longer than the limit;
  // refusing that reprint is the limit working, not a round-trip bug.
  if (printed.size() <= metric::kMaxFormulaBytes) {
    const auto second = metric::parse(printed);
    if (!second.expr) __builtin_trap();
    if (metric::to_string(*second.expr) != printed) __builtin_trap();
  }
  metric::check(*first.expr, fixed_scope());
  return 0;
}
