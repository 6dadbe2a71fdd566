#include "service/record_list.h"

#include <map>
#include <variant>

#include "core/register/record.h"
#include "service/failure.h"
#include "service/plan_lookup.h"

namespace planscore::service {
namespace {

std::optional<store::FilterOp> filter_op(const std::string& name) {
  static const std::map<std::string, store::FilterOp> ops{{"eq", store::FilterOp::eq},
                                                          {"ne", store::FilterOp::ne},
                                                          {"lt", store::FilterOp::lt},
                                                          {"le", store::FilterOp::le},
                                                          {"gt", store::FilterOp::gt},
                                                          {"ge", store::FilterOp::ge},
                                                          {"contains", store::FilterOp::contains}};
  auto found = ops.find(name);
  if (found == ops.end()) return std::nullopt;
  return found->second;
}

}  // namespace

store::RecordQuery record_list_query(const core::Plan& plan, const core::RegisterDef& reg,
                                     const RecordListRequest& request) {
  core::Problems problems;
  store::RecordQuery query;
  const auto sections = section_ids(plan);
  for (std::size_t i = 0; i < request.filters.size(); ++i) {
    const auto& filter = request.filters[i];
    const std::string where = "filter[" + std::to_string(i) + "]";
    const auto* field = reg.find_field(filter.field);
    const auto op = filter_op(filter.op);
    if (field == nullptr) {
      problems.push_back({where, "\"" + filter.field + "\" is not a field of " + reg.id +
                                     "; its fields are: " + field_list(reg)});
      continue;
    }
    if (!op) {
      problems.push_back(
          {where,
           "\"" + filter.op + "\" is not an operator; use eq, ne, lt, le, gt, ge or contains"});
      continue;
    }
    if (*op == store::FilterOp::contains) {
      // SQLite's LIKE ends its pattern at a NUL, so "a\0b" would match every "a".
      if (filter.value.find('\0') != std::string::npos) {
        problems.push_back({where, field->id + ": contains cannot search for a NUL character"});
        continue;
      }
      query.filters.push_back({field->id, *op, filter.value});
      continue;
    }
    // Compare against a value of the field's own type, so "104/03/15" finds 2015-03-15.
    core::FieldDef as_optional = *field;
    as_optional.required = false;
    as_optional.default_value.clear();  // an empty value asks for empty fields, not the default
    auto parsed = core::parse_field_value(as_optional, filter.value, sections);
    const bool ordering = *op != store::FilterOp::eq && *op != store::FilterOp::ne;
    if (parsed.error) {
      // The filter's path with the field named in the message; code and params as parsed.
      parsed.error->path = where;
      parsed.error->message = field->id + ": " + parsed.error->message;
      problems.push_back(std::move(*parsed.error));
    } else if (ordering && std::holds_alternative<std::monostate>(parsed.value))
      // "eq" and "ne" with nothing ask for empty or filled fields; "lt" with nothing asks
      // for nothing, and no SQL expresses it.
      problems.push_back({where, field->id + ": " + filter.op + " needs a value to compare with"});
    else
      query.filters.push_back({field->id, *op, parsed.value});
  }
  // Unless told otherwise, newest first: by the register's date or year, else as entered.
  std::string sort =
      request.sort.empty() ? "-" + (reg.time_field.empty() ? "id" : reg.time_field) : request.sort;
  if (!sort.empty() && sort.front() == '-') {
    query.descending = true;
    sort.erase(0, 1);
  }
  if (!sort.empty() && sort != "id" && reg.find_field(sort) == nullptr)
    problems.push_back({"sort", "\"" + sort + "\" is not a field of " + reg.id});
  else if (sort != "id")
    query.sort_field = sort;
  // The year becomes Gregorian dates by adding 1911: far years would overflow an int.
  if (request.year && (*request.year < 1 || *request.year > 9999))
    problems.push_back({"year", "must be an ROC year"});
  // A page that deep costs as much as reading every record before it; the whole register
  // comes from the export, which pages by id.
  if (request.offset < 0 || request.offset > kMaxRecordListOffset)
    problems.push_back({"offset", "must be from 0 to " + std::to_string(kMaxRecordListOffset) +
                                      "; narrow the list with filters or a year"});
  if (request.limit < 1 || request.limit > 1000)
    problems.push_back({"limit", "must be between 1 and 1000"});
  if (!problems.empty())
    throw Failure(FailureKind::invalid, "the record list request is not valid", problems);
  query.year = request.year;
  query.offset = request.offset;
  query.limit = request.limit;
  return query;
}

}  // namespace planscore::service
