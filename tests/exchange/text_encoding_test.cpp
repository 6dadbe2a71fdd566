#include "exchange/text_encoding.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/register/csv.h"

namespace planscore::exchange {
namespace {

using ::testing::HasSubstr;

// "日期,研習名稱,參加人數\n104/03/15,檔案管理研習,60\n2015/04/01,公文研習,1229\n" as
// Excel on Traditional Chinese Windows saves it (Python's .encode('cp950')).
const std::string kBig5Csv =
    "\xA4\xE9\xB4\xC1,\xAC\xE3\xB2\xDF\xA6W\xBA\xD9,\xB0\xD1\xA5[\xA4H\xBC\xC6\n"
    "104/03/15,\xC0\xC9\xAE\xD7\xBA\xDE\xB2z\xAC\xE3\xB2\xDF,60\n"
    "2015/04/01,\xA4\xBD\xA4\xE5\xAC\xE3\xB2\xDF,1229\n";
const std::string kUtf8Csv =
    "日期,研習名稱,參加人數\n104/03/15,檔案管理研習,60\n2015/04/01,公文研習,1229\n";

TEST(TextEncoding, NamesPeopleType) {
  EXPECT_EQ(parse_text_encoding("auto"), TextEncoding::automatic);
  EXPECT_EQ(parse_text_encoding("UTF-8"), TextEncoding::utf8);
  EXPECT_EQ(parse_text_encoding("utf8"), TextEncoding::utf8);
  EXPECT_EQ(parse_text_encoding("big5"), TextEncoding::big5);
  EXPECT_EQ(parse_text_encoding("CP950"), TextEncoding::big5);
  EXPECT_EQ(parse_text_encoding("latin1"), std::nullopt);
  EXPECT_EQ(to_string(TextEncoding::big5), "big5");
}

TEST(TextEncoding, AutomaticTakesUtf8AndDropsTheByteOrderMark) {
  const auto decoded = decode_text("\xEF\xBB\xBF" + kUtf8Csv, TextEncoding::automatic);
  ASSERT_TRUE(decoded.problems.empty());
  EXPECT_EQ(decoded.encoding, TextEncoding::utf8);
  EXPECT_EQ(decoded.text, kUtf8Csv);
}

TEST(TextEncoding, AutomaticDetectsBig5) {
  const auto decoded = decode_text(kBig5Csv, TextEncoding::automatic);
  ASSERT_TRUE(decoded.problems.empty()) << core::to_string(decoded.problems.front());
  EXPECT_EQ(decoded.encoding, TextEncoding::big5);
  EXPECT_EQ(decoded.text, kUtf8Csv);
  const auto csv = core::read_csv(decoded.text);
  ASSERT_TRUE(csv.problems.empty());
  EXPECT_EQ(csv.table.rows[1][1], "公文研習");
}

TEST(TextEncoding, Cp950KeepsMicrosoftsExtensions) {
  // 碁 and 銹 are among the ETEN extensions CP950 has and plain Big5 lacks.
  const auto decoded = decode_text("\xF9\xD6\xF9\xD7", TextEncoding::big5);
  ASSERT_TRUE(decoded.problems.empty()) << core::to_string(decoded.problems.front());
  EXPECT_EQ(decoded.text, "碁銹");
}

TEST(TextEncoding, Big5ChosenForUtf8TextNamesTheLine) {
  // "é" in UTF-8 is C3 A9; C3 starts a Big5 pair whose second byte A9 is valid, so use
  // a byte no Big5 pair can start.
  const auto decoded = decode_text("a,b\n1,2\nx\xFFy\n", TextEncoding::big5);
  ASSERT_EQ(decoded.problems.size(), 1u);
  EXPECT_EQ(decoded.problems[0].path, "line 3");
  EXPECT_THAT(decoded.problems[0].message, HasSubstr("not valid Big5 at byte 9 (0xFF, line 3)"));
  EXPECT_TRUE(decoded.text.empty());
}

TEST(TextEncoding, Utf8ChosenForBig5TextNamesTheLine) {
  const auto decoded = decode_text(kBig5Csv, TextEncoding::utf8);
  ASSERT_EQ(decoded.problems.size(), 1u);
  EXPECT_EQ(decoded.problems[0].path, "line 1");
  EXPECT_THAT(decoded.problems[0].message, HasSubstr("not valid UTF-8 at byte 0 (0xA4, line 1)"));
}

TEST(TextEncoding, InvalidInBothNamesTheFirstBadByte) {
  const auto decoded = decode_text("a,b\r\n1,2\r\n3,\x80\xFF\r\n", TextEncoding::automatic);
  ASSERT_EQ(decoded.problems.size(), 1u);
  EXPECT_EQ(decoded.problems[0].path, "line 3");
  EXPECT_THAT(decoded.problems[0].message, HasSubstr("neither UTF-8 nor Big5"));
  EXPECT_THAT(decoded.problems[0].message, HasSubstr("byte 12 (0x80, line 3)"));
}

}  // namespace
}  // namespace planscore::exchange
