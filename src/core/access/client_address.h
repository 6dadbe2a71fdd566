#pragma once
// Which client a network address stands for, when counting what one client may do
// (sign-in failures, open connections). An IPv4 address is one client. An IPv6 address
// is counted by its /64 network: a single customer is routinely given a whole /64, so one
// attacker could otherwise take a fresh address, and a fresh count, for every request.
#include <string>

namespace planscore::core {

// "192.0.2.7" → "192.0.2.7"; "2001:db8:1:2:aaaa::1" → "2001:db8:1:2::/64"; an IPv4-mapped
// IPv6 address ("::ffff:192.0.2.7") → "192.0.2.7". Text that is no IP address is
// returned as it is.
std::string client_of_address(const std::string& address);

}  // namespace planscore::core
