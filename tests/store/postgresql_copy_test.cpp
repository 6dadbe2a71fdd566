// COPY's text format: the characters it gives meaning to are escaped, everything else
// (UTF-8 included) passes as it is.
#include "store/postgresql_copy.h"

#include <gtest/gtest.h>

namespace planscore::store {
namespace {

std::string escaped(std::string_view text) {
  std::string out;
  append_copy_text(out, text);
  return out;
}

TEST(CopyTextTest, EscapesBackslashTabAndLineBreaks) {
  EXPECT_EQ(escaped("a\tb\nc\rd\\e"), "a\\tb\\nc\\rd\\\\e");
  // A text that reads like the null marker stays a text.
  EXPECT_EQ(escaped("\\N"), "\\\\N");
}

TEST(CopyTextTest, OtherTextPassesUnchanged) {
  EXPECT_EQ(escaped(""), "");
  EXPECT_EQ(escaped("採購案 C-1, \"引號\" 'x' ;"), "採購案 C-1, \"引號\" 'x' ;");
}

}  // namespace
}  // namespace planscore::store
