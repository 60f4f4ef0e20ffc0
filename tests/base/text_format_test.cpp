#include "base/text_format.h"

#include <gtest/gtest.h>

namespace ccap {

TEST(TextFormat, OnlyWebAddressesAreLinks) {
  EXPECT_TRUE(is_web_address("https://cleanairasia.org/"));
  EXPECT_TRUE(is_web_address("http://www.taipeitimes.com/News/taiwan/archives/2016/01/16/2003637344"));
  EXPECT_FALSE(is_web_address("javascript:alert(1)"));
  EXPECT_FALSE(is_web_address("data:text/html,<b>x</b>"));
  EXPECT_FALSE(is_web_address("file:///etc/passwd"));
  EXPECT_FALSE(is_web_address("https://"));
  EXPECT_FALSE(is_web_address("https://example.org/a b"));
  EXPECT_FALSE(is_web_address("https://example.org/\nx"));
  EXPECT_FALSE(is_web_address(" https://example.org"));
  EXPECT_FALSE(is_web_address("HTTPS://EXAMPLE.ORG")) << "lower-case schemes only, as the content has them";
  // The one rule for every link that leaves the app (sources, practices, experts, area sources):
  // no relative or scheme-relative URLs, no look-alike schemes.
  EXPECT_FALSE(is_web_address("//evil.example/"));
  EXPECT_FALSE(is_web_address("/relative/page"));
  EXPECT_FALSE(is_web_address("httpx://example.org"));
  EXPECT_FALSE(is_web_address("http:example.org"));
  EXPECT_FALSE(is_web_address("https:/example.org"));
  EXPECT_FALSE(is_web_address("vbscript:msgbox"));
  EXPECT_FALSE(is_web_address(std::string("https://example.org/\0x", 22)));
  EXPECT_FALSE(is_web_address("https://example.org/\x7f"));
}

TEST(TextFormat, Utf8IsWellFormedOrNot) {
  EXPECT_TRUE(is_utf8(""));
  EXPECT_TRUE(is_utf8("H\xE1\xBA\xA3i Ph\xC3\xB2ng"));  // "Hải Phòng"
  EXPECT_FALSE(is_utf8("S\xE3o Paulo")) << "Latin-1";
  EXPECT_FALSE(is_utf8("\xC3")) << "cut";
  EXPECT_FALSE(is_utf8("\xC0\xAF")) << "overlong /";
  EXPECT_FALSE(is_utf8("\xED\xA0\x80")) << "a surrogate";
  EXPECT_FALSE(is_utf8("\xF4\x90\x80\x80")) << "past U+10FFFF";
}

// A search of more than 255 bytes was cut mid-character and written to the link as "...%C3": the
// shared link then lost its search.
TEST(TextFormat, Utf8PrefixNeverEndsInsideACharacter) {
  EXPECT_EQ(utf8_prefix("Hải", 2), "H");
  EXPECT_EQ(utf8_prefix("Hải", 3), "H");
  EXPECT_EQ(utf8_prefix("Hải", 4), "Hả");
  EXPECT_EQ(utf8_prefix("abc", 10), "abc");
  EXPECT_EQ(utf8_prefix("🚌🚌", 7), "🚌");
  std::string long_text;
  while (long_text.size() < 400) long_text += "Hải Phòng ";
  for (std::size_t n = 0; n <= long_text.size(); ++n) {
    const std::string_view cut = utf8_prefix(long_text, n);
    EXPECT_LE(cut.size(), n);
    EXPECT_GE(cut.size() + 3, std::min(n, long_text.size())) << "at most a character short";
    EXPECT_TRUE(is_utf8(cut)) << n;
  }
}

TEST(TextFormat, ParseDecimalTakesOnlyAWholeFiniteDecimalNumber) {
  EXPECT_EQ(parse_decimal("1e3"), 1000.0);
  EXPECT_EQ(parse_decimal("-2.5"), -2.5);
  EXPECT_EQ(parse_decimal("+7"), 7.0);
  EXPECT_EQ(parse_decimal(".5"), 0.5);
  for (const char* bad : {"", "0x10", "inf", "-inf", "nan", " 1", "1 ", "1,5", "1e400", "--1", "1e", "."})
    EXPECT_FALSE(parse_decimal(bad)) << '"' << bad << '"';
  EXPECT_FALSE(parse_decimal(std::string(33, '1'))) << "longer than 32 characters";
  EXPECT_TRUE(parse_decimal(std::string(32, '1')));
}

}  // namespace ccap
