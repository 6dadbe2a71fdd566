#include "http/connections_per_address.h"

namespace planscore::http {

bool ConnectionsPerAddress::may_accept(const std::string& address) const {
  return limit_ == 0 || open_from(address) < limit_;
}

void ConnectionsPerAddress::opened(std::uint64_t connection, const std::string& address) {
  std::lock_guard lock(mutex_);
  if (address_of_.emplace(connection, address).second) ++count_[address];
}

void ConnectionsPerAddress::closed(std::uint64_t connection) {
  std::lock_guard lock(mutex_);
  const auto found = address_of_.find(connection);
  if (found == address_of_.end()) return;
  const auto count = count_.find(found->second);
  if (--count->second == 0) count_.erase(count);
  address_of_.erase(found);
}

std::size_t ConnectionsPerAddress::open_from(const std::string& address) const {
  std::lock_guard lock(mutex_);
  const auto found = count_.find(address);
  return found == count_.end() ? 0 : found->second;
}

}  // namespace planscore::http
