#include "http/api/report_response.h"

#include "http/api/attachment.h"

namespace planscore::http {

service::ReportFormat format_query(ApiCall& call, service::ReportFormat default_format) {
  const auto text = call.request.query_value("format");
  if (!text) return default_format;
  const auto format = service::report_format_from_string(*text);
  if (!format)
    throw BadInput("the query is not valid",
                   {{"format", "\"" + *text + "\" is not one of pdf, odt, xlsx, ods, csv, json"}});
  return *format;
}

Response attachment_response(const std::string& content_type, const std::string& file_name) {
  Response response;
  response.set_header("Content-Type", content_type);
  response.set_header("Content-Disposition", content_disposition(file_name));
  response.set_header("Cache-Control", "no-store");
  return response;
}

Response file_response(service::ReportFile file) {
  auto response = attachment_response(file.content_type, file.file_name);
  response.body = std::move(file.bytes);
  return response;
}

}  // namespace planscore::http
