#include "http/api/record_input.h"

#include "http/api/client_input.h"

namespace planscore::http {
namespace {

// "field:op:value", or "field:value" for eq (a value with a colon needs the op:
// "held_at:eq:10:30").
service::RecordListRequest::Filter parse_filter(const std::string& text, std::size_t index) {
  const auto first = text.find(':');
  if (first == std::string::npos || first == 0)
    throw BadInput("the query is not valid",
                   {{"filter[" + std::to_string(index) + "]", "write filters as field:op:value"}});
  service::RecordListRequest::Filter filter;
  filter.field = text.substr(0, first);
  // With two colons the middle part is the operator, checked by the service, so a typo
  // ("gte") is reported as an operator and not as a strange value.
  const auto second = text.find(':', first + 1);
  if (second == std::string::npos) {
    filter.value = text.substr(first + 1);
  } else {
    filter.op = text.substr(first + 1, second - first - 1);
    filter.value = text.substr(second + 1);
  }
  return filter;
}

}  // namespace

std::map<std::string, std::string> record_values(const nlohmann::json& body) {
  auto found = body.find("values");
  if (found == body.end() || !found->is_object())
    throw BadInput("the request body is not complete",
                   {{"values", "is required: an object of field → value"}});
  std::map<std::string, std::string> values;
  core::Problems problems;
  for (const auto& [key, value] : found->items()) {
    if (value.is_string())
      values[key] = value.get<std::string>();
    else if (value.is_null())
      values[key] = "";
    else if (value.is_boolean())
      values[key] = value.get<bool>() ? "yes" : "no";
    else if (value.is_number())
      // As written: JSON allows whole numbers beyond int64 (18446744073709551615), which
      // a conversion would wrap to -1 before the field's own range check saw them.
      values[key] = value.dump();
    else
      problems.push_back({"values." + key, "must be text, a number, true/false or null"});
  }
  if (!problems.empty()) throw BadInput("the request body is not valid", problems);
  return values;
}

service::RecordListRequest record_list_request(const Request& request) {
  service::RecordListRequest list;
  std::size_t index = 0;
  auto [first, last] = request.query.equal_range("filter");
  for (auto it = first; it != last; ++it) list.filters.push_back(parse_filter(it->second, index++));
  if (auto year = int_query(request, "year")) {
    // Checked before narrowing to int, so 4294967400 is not read as 104.
    if (*year < 1 || *year > 9999)
      throw BadInput("the query is not valid", {{"year", "must be an ROC year"}});
    list.year = static_cast<int>(*year);
  }
  list.sort = request.query_value("sort").value_or("");
  list.offset = int_query(request, "offset").value_or(0);
  list.limit = int_query(request, "limit").value_or(50);
  return list;
}

}  // namespace planscore::http
