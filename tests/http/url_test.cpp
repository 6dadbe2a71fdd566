// Path decoding: what the router and static files see.
#include "http/url.h"

#include <gtest/gtest.h>

namespace planscore::http {
namespace {

TEST(DecodePath, DecodesPercentEscapes) {
  EXPECT_EQ(decode_path("/api/registers/a%20b"), "/api/registers/a b");
  EXPECT_EQ(decode_path("/%E4%B8%AD%e6%96%87"), "/中文");
  EXPECT_EQ(decode_path("/%2e%2e/x"), "/../x");
  EXPECT_EQ(decode_path("/a%2Fb"), "/a/b");
}

TEST(DecodePath, PlusIsLiteral) {
  EXPECT_EQ(decode_path("/a+b"), "/a+b");
}

TEST(DecodePath, RejectsMalformedEscapesNulAndBadUtf8) {
  EXPECT_EQ(decode_path("/a%zz"), std::nullopt);
  EXPECT_EQ(decode_path("/a%2"), std::nullopt);
  EXPECT_EQ(decode_path("/a%"), std::nullopt);
  EXPECT_EQ(decode_path("/a%00b"), std::nullopt);
  EXPECT_EQ(decode_path("/%ff"), std::nullopt);
  EXPECT_EQ(decode_path("/%C0%AF"), std::nullopt);     // overlong '/'
  EXPECT_EQ(decode_path("/%ED%A0%80"), std::nullopt);  // surrogate
}

TEST(Utf8, AcceptsAllLengthsRejectsTruncation) {
  EXPECT_TRUE(is_valid_utf8("aé中😀"));
  EXPECT_FALSE(is_valid_utf8("\xe4\xb8"));
  EXPECT_FALSE(is_valid_utf8("\xf4\x90\x80\x80"));  // above U+10FFFF
  EXPECT_TRUE(is_valid_utf8(""));
}

}  // namespace
}  // namespace planscore::http
