#pragma once
// What a client sends about a register's records, read into the service's terms: the
// values of a record body, and a list request's filters, sort and paging from the query.
// Apart from the routes so the reading can be tested and fuzzed without a server.
#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "http/message.h"
#include "service/record_list.h"

namespace planscore::http {

// The body's "values" object as field → text: strings as typed, numbers as written,
// true/false as yes/no, null as empty. BadInput when it is missing or holds anything else.
std::map<std::string, std::string> record_values(const nlohmann::json& body);

// ?filter=field:op:value (repeatable) &year=&sort=[-]field&offset=&limit=. The service
// checks fields, operators and ranges; this only refuses what has no shape (BadInput).
service::RecordListRequest record_list_request(const Request& request);

}  // namespace planscore::http
