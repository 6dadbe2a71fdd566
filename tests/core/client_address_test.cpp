#include "core/access/client_address.h"

#include <gtest/gtest.h>

namespace planscore::core {
namespace {

TEST(ClientAddress, IPv6CountsByItsSlash64AndIPv4ByItself) {
  EXPECT_EQ(client_of_address("192.0.2.7"), "192.0.2.7");
  EXPECT_EQ(client_of_address("2001:db8:1:2:aaaa::1"), "2001:db8:1:2::/64");
  EXPECT_EQ(client_of_address("2001:DB8:1:2:ffff:ffff:ffff:ffff"), "2001:db8:1:2::/64");
  EXPECT_EQ(client_of_address("2001:db8:1:3::1"), "2001:db8:1:3::/64");
  EXPECT_EQ(client_of_address("::1"), "0:0:0:0::/64");
  EXPECT_EQ(client_of_address("::ffff:192.0.2.7"), "192.0.2.7");
  EXPECT_EQ(client_of_address("not an address"), "not an address");
}

}  // namespace
}  // namespace planscore::core
