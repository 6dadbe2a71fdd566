// Any bytes as the query string of GET /api/registers/{register}/records, taken the way a
// request takes it: RESTinio's relaxed query parser (as server.cpp calls it), the API's
// filter/sort/paging reading, the service's checks, and the store's SQL for each of three
// registers (one per time basis). Every refusal must be a BadInput or a Failure(invalid);
// a query the service accepts must compile; and its SQL text must not depend on any value
// the client gave: the same query with every value blanked gives the same SQL, so values
// can only have travelled as bound parameters. The input also goes through decode_path,
// the server's other decoder of request text.
#include <cstddef>
#include <cstdint>
#include <restinio/uri_helpers.hpp>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/plan/plan.h"
#include "core/text/utf8.h"
#include "http/api/client_input.h"
#include "http/api/record_input.h"
#include "http/url.h"
#include "service/failure.h"
#include "service/record_list.h"
#include "store/record_query_sql.h"
#include "store/store.h"

namespace {

using namespace planscore;

core::FieldDef field(std::string id, core::FieldType type, std::vector<std::string> choices = {}) {
  core::FieldDef def;
  def.id = std::move(id);
  def.name = def.id;
  def.type = type;
  def.choices = std::move(choices);
  return def;
}

// One register of each time basis, with a field of every type, under short ids the fuzzer
// can stumble on.
const core::Plan& fixed_plan() {
  static const core::Plan plan = [] {
    core::Plan p;
    p.sections = {{"sec", "秘書處", "", {}}, {"res", "研考科", "", {}}};
    core::RegisterDef dated;
    dated.id = "r";
    dated.time_basis = core::TimeBasis::date;
    dated.time_field = "d";
    dated.fields = {
        field("d", core::FieldType::date),    field("t", core::FieldType::text),
        field("i", core::FieldType::integer), field("f", core::FieldType::decimal),
        field("y", core::FieldType::yes_no),  field("c", core::FieldType::choice, {"a", "文書"}),
        field("s", core::FieldType::section), field("held_at", core::FieldType::text)};
    core::RegisterDef interval;
    interval.id = "v";
    interval.time_basis = core::TimeBasis::interval;
    interval.time_field = "j";
    interval.end_field = "l";
    interval.fields = {field("j", core::FieldType::date), field("l", core::FieldType::date),
                       field("t", core::FieldType::text)};
    core::RegisterDef yearly;
    yearly.id = "h";
    yearly.time_basis = core::TimeBasis::year;
    yearly.time_field = "year";
    yearly.fields = {field("year", core::FieldType::integer), field("ok", core::FieldType::yes_no)};
    p.registers = {dated, interval, yearly};
    return p;
  }();
  return plan;
}

// The same value's kind with nothing of the client's in it.
core::FieldValue blank(const core::FieldValue& value) {
  return std::visit(
      [](const auto& held) -> core::FieldValue {
        using T = std::decay_t<decltype(held)>;
        return T{};
      },
      value);
}

// Identifiers, keywords, placeholders and operators; nothing that could close a string
// literal early or start a second statement.
bool is_sql_template_text(std::string_view sql) {
  for (const char c : sql) {
    const bool word =
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    if (!word && std::string_view(" ,():<>=*'\\").find(c) == std::string_view::npos) return false;
  }
  return true;
}

void check_sql(const core::RegisterDef& reg, const store::RecordQuery& query) {
  if (!query.sort_field.empty() && reg.find_field(query.sort_field) == nullptr) __builtin_trap();
  store::CompiledRecordQuery compiled;
  try {
    compiled = store::compile_record_query(reg, query);
  } catch (const store::StoreError&) {
    __builtin_trap();  // the service let through a query the store cannot express: a 500
  }
  if (!is_sql_template_text(compiled.count_sql) || !is_sql_template_text(compiled.page_sql))
    __builtin_trap();

  store::RecordQuery blanked = query;
  for (auto& filter : blanked.filters) filter.value = blank(filter.value);
  if (blanked.year) blanked.year = 104;
  blanked.offset = 0;
  blanked.limit = 1;
  const auto reference = store::compile_record_query(reg, blanked);
  if (reference.count_sql != compiled.count_sql || reference.page_sql != compiled.page_sql)
    __builtin_trap();
  if (reference.count_parameters.size() != compiled.count_parameters.size() ||
      reference.page_parameters.size() != compiled.page_parameters.size())
    __builtin_trap();
}

void check_list(const http::Request& request) {
  service::RecordListRequest list;
  try {
    list = http::record_list_request(request);
  } catch (const http::BadInput& refused) {
    if (refused.problems.empty()) __builtin_trap();
    return;
  }
  const core::Plan& plan = fixed_plan();
  for (const auto& reg : plan.registers) {
    store::RecordQuery query;
    try {
      query = service::record_list_query(plan, reg, list);
    } catch (const service::Failure& refused) {
      if (refused.kind != service::FailureKind::invalid || refused.problems.empty())
        __builtin_trap();
      continue;
    }
    check_sql(reg, query);
  }
}

void check_path(std::string_view raw) {
  const auto path = http::decode_path(raw);
  if (!path) return;
  if (path->find('\0') != std::string::npos || core::first_invalid_utf8(*path)) __builtin_trap();
  if (raw.find('%') == std::string_view::npos && *path != raw) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  check_path(text);
  // As server.cpp fills a Request from the query string.
  const auto query = restinio::try_parse_query<restinio::parse_query_traits::relaxed>(text);
  if (!query) return 0;
  http::Request request;
  for (const auto& [name, value] : *query) request.query.emplace(name, value);
  if (const auto tag = query->tag()) request.query.emplace(*tag, "");
  check_list(request);
  return 0;
}
