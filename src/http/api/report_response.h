#pragma once
// What every report route shares: the ?format= query and the file sent for saving.
#include "http/api/exchange.h"
#include "service/reports.h"

namespace planscore::http {

service::ReportFormat format_query(Exchange& exchange, service::ReportFormat default_format);
Response file_response(service::ReportFile file);

}  // namespace planscore::http
