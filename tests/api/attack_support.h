#pragma once
// Shared by the attack tests: hostile inputs, and a view of the database from outside the
// server that shows whether an attack changed anything it should not have.
#include <map>
#include <string>
#include <vector>

#include "database/test_database.h"

namespace planscore::test {

// Classic SQL injection payloads and other hostile text: quotes, comments, stacked
// statements, UNION and sub-selects, NUL, backslashes, LIKE wildcards, Unicode quotes,
// and very long strings.
const std::vector<std::string>& injection_payloads();

// Percent-encodes every byte but unreserved ones (RFC 3986), for query values and path
// segments.
std::string url_encode(const std::string& text);

// The rows of every table and the users table in full (ids, names, hashes, roles), read
// through a connection of the test's own while the server runs.
struct DatabaseSnapshot {
  std::map<std::string, long> row_counts;  // table → rows
  std::string users;                       // every column of every account

  bool operator==(const DatabaseSnapshot&) const = default;
};
DatabaseSnapshot snapshot(const TestDatabase& database);

// The tables whose counts differ between two snapshots, "name: before → after".
std::vector<std::string> changed_tables(const DatabaseSnapshot& before,
                                        const DatabaseSnapshot& after);

}  // namespace planscore::test
