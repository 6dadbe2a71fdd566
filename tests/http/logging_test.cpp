// Access log lines: one per request, key=value, safe against forged lines.
#include "http/logging.h"

#include <gtest/gtest.h>

namespace planscore::http {
namespace {

TEST(AccessLog, LineHasEveryField) {
  AccessRecord record;
  record.method = "GET";
  record.path = "/api/plan";
  record.status = 200;
  record.bytes = 1234;
  record.duration = std::chrono::microseconds(1520);
  record.remote_address = "127.0.0.1";
  EXPECT_EQ(access_line(record),
            "access method=GET path=\"/api/plan\" status=200 bytes=1234 duration_ms=1.52 "
            "remote=127.0.0.1");
}

TEST(AccessLog, QuotingEscapesQuotesBackslashesAndControls) {
  EXPECT_EQ(log_quote("a\"b\\c\nd\x7f"), R"("a\"b\\c\x0ad\x7f")");
  EXPECT_EQ(log_quote("中文"), "\"中文\"");
}

}  // namespace
}  // namespace planscore::http
