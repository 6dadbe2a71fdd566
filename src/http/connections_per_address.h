#pragma once
// How many connections each client address holds, so one client cannot take every
// connection the server accepts (max_connections) with sockets that send nothing. The
// server asks may_accept() as a connection arrives and reports each opened and closed
// one; thread-safe.
//
// Behind a reverse proxy every connection comes from the proxy's address: there the
// limit is set to 0 (none) and the proxy limits its clients instead.
#include <cstddef>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <unordered_map>

namespace planscore::http {

class ConnectionsPerAddress {
 public:
  explicit ConnectionsPerAddress(std::size_t limit) : limit_(limit) {}  // 0: no limit

  bool may_accept(const std::string& address) const;
  void opened(std::uint64_t connection, const std::string& address);
  // Idempotent: closing a connection it never saw open, or twice, changes nothing.
  void closed(std::uint64_t connection);
  std::size_t open_from(const std::string& address) const;

 private:
  const std::size_t limit_;
  mutable std::mutex mutex_;
  std::unordered_map<std::uint64_t, std::string> address_of_;
  std::map<std::string, std::size_t> count_;
};

}  // namespace planscore::http
