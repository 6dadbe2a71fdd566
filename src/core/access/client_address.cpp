#include "core/access/client_address.h"

#include <arpa/inet.h>

#include <algorithm>
#include <array>
#include <cstdio>

namespace planscore::core {

std::string client_of_address(const std::string& address) {
  std::array<unsigned char, 16> bytes{};
  if (inet_pton(AF_INET6, address.c_str(), bytes.data()) != 1) return address;
  const bool ipv4_mapped =
      std::all_of(bytes.begin(), bytes.begin() + 10, [](unsigned char b) { return b == 0; }) &&
      bytes[10] == 0xff && bytes[11] == 0xff;
  char text[64];
  if (ipv4_mapped) {
    std::snprintf(text, sizeof text, "%u.%u.%u.%u", bytes[12], bytes[13], bytes[14], bytes[15]);
    return text;
  }
  std::snprintf(text, sizeof text, "%x:%x:%x:%x::/64", bytes[0] << 8 | bytes[1],
                bytes[2] << 8 | bytes[3], bytes[4] << 8 | bytes[5], bytes[6] << 8 | bytes[7]);
  return text;
}

}  // namespace planscore::core
