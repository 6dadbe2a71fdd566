// Registers and their records: list with filter, sort and paging; read, create, update,
// delete one record; import a CSV or XLSX file.
#include "http/api/record_input.h"
#include "http/api/routes.h"
#include "http/api/views.h"
#include "http/problem.h"
#include "service/plan_lookup.h"
#include "service/records.h"

namespace planscore::http {
namespace {

Response registers(ApiCall& call) {
  auto current = call.plan();
  nlohmann::json list = nlohmann::json::array();
  for (const auto& reg : current.plan->registers) {
    auto view = register_view(reg);
    view["record_count"] = service::record_count(call.store(), reg);
    list.push_back(view);
  }
  return json_response(200, list);
}

Response register_detail(ApiCall& call) {
  auto current = call.plan();
  const auto& reg = service::require_register(*current.plan, call.request.param("register"));
  auto view = register_view(reg);
  view["record_count"] = service::record_count(call.store(), reg);
  return json_response(200, view);
}

Response list_records(ApiCall& call) {
  auto current = call.plan();
  const service::RecordListRequest request = record_list_request(call.request);
  const std::string register_id = call.request.param("register");
  auto page = service::list_records(call.store(), *current.plan, register_id, request);
  const auto& reg = service::require_register(*current.plan, register_id);
  nlohmann::json records = nlohmann::json::array();
  for (const auto& record : page.records) records.push_back(record_view(reg, record));
  return json_response(200, {{"total", page.total},
                             {"offset", request.offset},
                             {"limit", request.limit},
                             {"records", records}});
}

Response get_record(ApiCall& call) {
  auto current = call.plan();
  const std::string register_id = call.request.param("register");
  auto record =
      service::get_record(call.store(), *current.plan, register_id, call.int_param("record"));
  return json_response(200,
                       record_view(service::require_register(*current.plan, register_id), record));
}

Response create_record(ApiCall& call) {
  auto current = call.plan();
  auto body = call.json_body({"values"});
  const std::string register_id = call.request.param("register");
  auto result = service::add_record(call.store(), *current.plan, call.actor(), register_id,
                                    record_values(body));
  if (!result.problems.empty()) return unprocessable("the record was not added", result.problems);
  const auto& reg = service::require_register(*current.plan, register_id);
  return json_response(201, record_view(reg, service::get_record(call.store(), *current.plan,
                                                                 register_id, result.record_id)));
}

Response update_record(ApiCall& call) {
  auto current = call.plan();
  auto body = call.json_body({"version", "values"});
  const std::string register_id = call.request.param("register");
  auto record = service::update_record(call.store(), *current.plan, call.actor(), register_id,
                                       call.int_param("record"), record_values(body),
                                       required_int(body, "version"));
  return json_response(200,
                       record_view(service::require_register(*current.plan, register_id), record));
}

Response delete_record(ApiCall& call) {
  auto current = call.plan();
  const auto version = call.int_query("version");
  if (!version)
    throw BadInput("the query is not complete",
                   {{"version", "give the version you read: ?version=N"}});
  service::delete_record(call.store(), *current.plan, call.actor(), call.request.param("register"),
                         call.int_param("record"), *version);
  Response response;
  response.status = 204;
  return response;
}

// ?format=auto|csv|xlsx&encoding=auto|utf-8|big5&sheet=NAME: the body is the file's bytes.
service::ImportSource import_source(const Request& request) {
  service::ImportSource source;
  core::Problems problems;
  if (const auto format = request.query_value("format")) {
    if (const auto parsed = service::parse_import_format(*format))
      source.format = *parsed;
    else
      problems.push_back({"format", "must be auto, csv or xlsx"});
  }
  if (const auto encoding = request.query_value("encoding")) {
    if (const auto parsed = exchange::parse_text_encoding(*encoding))
      source.encoding = *parsed;
    else
      problems.push_back({"encoding", "must be auto, utf-8 or big5"});
  }
  if (const auto sheet = request.query_value("sheet")) source.sheet = *sheet;
  if (!problems.empty()) throw BadInput("the query is not valid", problems);
  return source;
}

Response import_records(ApiCall& call) {
  auto current = call.plan();
  const auto dry_run = call.request.query_value("dry_run");
  if (dry_run && *dry_run != "true" && *dry_run != "false")
    throw BadInput("the query is not valid", {{"dry_run", "must be true or false"}});
  const bool check_only = dry_run == "true";
  service::ImportOptions options;
  options.mode = check_only ? service::ImportMode::check_only : service::ImportMode::write;
  options.replace_year = call.year_query("replace");
  auto report = service::import_file(call.store(), *current.plan, call.actor(),
                                     call.request.param("register"), call.request.body,
                                     import_source(call.request), options);
  if (report.ok() && check_only)
    return json_response(200, {{"imported", 0},
                               {"would_import", report.valid_rows},
                               {"would_replace", report.replaced},
                               {"dry_run", true}});
  if (report.ok())
    return json_response(201, {{"imported", report.imported}, {"replaced", report.replaced}});
  const core::Problems problems = service::import_problems(report);
  return unprocessable("the file was not imported: " + std::to_string(problems.size()) +
                           " problem(s); nothing was written",
                       problems);
}

}  // namespace

void add_register_routes(ApiRoutes& routes) {
  routes.get("/api/registers", registers);
  routes.get("/api/registers/{register}", register_detail);
  routes.get("/api/registers/{register}/records", list_records);
  routes.post("/api/registers/{register}/records", create_record);
  routes.get("/api/registers/{register}/records/{record}", get_record);
  routes.put("/api/registers/{register}/records/{record}", update_record);
  routes.del("/api/registers/{register}/records/{record}", delete_record);
  routes.post("/api/registers/{register}/import", import_records, Access::session,
              Work::long_running);
}

}  // namespace planscore::http
