#pragma once
// Bytes as lowercase hex text and back: how evidence files cross SOCI's PostgreSQL
// backend into BYTEA columns.
#include <string>
#include <string_view>

namespace planscore::store {

std::string hex_of(std::string_view bytes);
// Reads what hex_of writes (and uppercase digits); throws StoreError on anything else.
std::string bytes_of_hex(std::string_view hex);

}  // namespace planscore::store
