#pragma once
// What every report route shares: the ?format= query and the file sent for saving.
#include "http/api/api_call.h"
#include "service/reports.h"

namespace planscore::http {

service::ReportFormat format_query(ApiCall& call, service::ReportFormat default_format);
// A download's headers: its type, its file name for saving, never cached.
Response attachment_response(const std::string& content_type, const std::string& file_name);
Response file_response(service::ReportFile file);

}  // namespace planscore::http
