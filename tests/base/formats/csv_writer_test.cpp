#include "base/formats/csv_writer.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace ccap {
namespace {

const std::string kBom = "\xEF\xBB\xBF";

std::string field(const CsvCell& c) { return c.field(); }

TEST(CsvWriter, StartsWithABomAndEndsLinesInCrlf) {
  CsvWriter csv({"city", "pm25"});
  csv.row({CsvCell::text("Bangkok"), CsvCell::number(21.5, 1)});
  csv.row({CsvCell::text("Hanoi"), CsvCell::number(40, 1)});
  EXPECT_EQ(csv.text(), kBom + "city,pm25\r\nBangkok,21.5\r\nHanoi,40.0\r\n");
  EXPECT_EQ(csv.rows(), 2u);
}

TEST(CsvWriter, HeaderOnly) {
  const CsvWriter csv({"a", "b"});
  EXPECT_EQ(csv.text(), kBom + "a,b\r\n");
  EXPECT_EQ(csv.rows(), 0u);
}

TEST(CsvWriter, QuotesFieldsWithCommasQuotesAndLineBreaks) {
  EXPECT_EQ(field(CsvCell::text("plain text")), "plain text");
  EXPECT_EQ(field(CsvCell::text("Bangkok, Thailand")), "\"Bangkok, Thailand\"");
  EXPECT_EQ(field(CsvCell::text("the \"Clean Air\" plan")), "\"the \"\"Clean Air\"\" plan\"");
  EXPECT_EQ(field(CsvCell::text("\"")), "\"\"\"\"");
  EXPECT_EQ(field(CsvCell::text("line one\nline two")), "\"line one\nline two\"");
  EXPECT_EQ(field(CsvCell::text("a\r\nb")), "\"a\r\nb\"");
  EXPECT_EQ(field(CsvCell::text("ends in CR\r")), "\"ends in CR\r\"");
  EXPECT_EQ(field(CsvCell::text("")), "");
  EXPECT_EQ(field(CsvCell{}), "");
  EXPECT_EQ(field(CsvCell::text(" spaces kept ")), " spaces kept ");

  CsvWriter csv({"note", "n"});
  csv.row({CsvCell::text("two\nlines, \"quoted\""), CsvCell::number(1, 0)});
  EXPECT_EQ(csv.text(), kBom + "note,n\r\n\"two\nlines, \"\"quoted\"\"\",1\r\n");
}

TEST(CsvWriter, GuardsTextCellsThatWouldRunAsFormulas) {
  EXPECT_EQ(field(CsvCell::text("=HYPERLINK(\"http://x\")")), "\"'=HYPERLINK(\"\"http://x\"\")\"");
  EXPECT_EQ(field(CsvCell::text("=1+2")), "'=1+2");
  EXPECT_EQ(field(CsvCell::text("+1")), "'+1");
  EXPECT_EQ(field(CsvCell::text("-5")), "'-5");
  EXPECT_EQ(field(CsvCell::text("@SUM(A1)")), "'@SUM(A1)");
  EXPECT_EQ(field(CsvCell::text("\t=1")), "'\t=1");
  EXPECT_EQ(field(CsvCell::text("\r=1")), "\"'\r=1\"");
  // Only the first character counts.
  EXPECT_EQ(field(CsvCell::text("a=b")), "a=b");
  EXPECT_EQ(field(CsvCell::text("e-mail")), "e-mail");
  // Header names are text cells too.
  const CsvWriter csv({"=cmd", "ok"});
  EXPECT_EQ(csv.text(), kBom + "'=cmd,ok\r\n");
}

TEST(CsvWriter, NeverAltersNumbers) {
  EXPECT_EQ(field(CsvCell::number(-5, 0)), "-5");
  EXPECT_EQ(field(CsvCell::number(-12.345, 2)), "-12.35");
  EXPECT_EQ(field(CsvCell::number(1e6, 0)), "1000000");  // no thousands separator, no quoting
  EXPECT_TRUE(CsvCell::number(-5, 0).is_number());
  EXPECT_FALSE(CsvCell::text("-5").is_number());
  CsvWriter csv({"v"});
  csv.row({CsvCell::number(-5, 0)});
  EXPECT_EQ(csv.text(), kBom + "v\r\n-5\r\n");
}

TEST(CsvWriter, NumbersHaveTheGivenDecimals) {
  EXPECT_EQ(field(CsvCell::number(3.14159, 0)), "3");
  EXPECT_EQ(field(CsvCell::number(3.14159, 2)), "3.14");
  EXPECT_EQ(field(CsvCell::number(2.5, 3)), "2.500");
  EXPECT_EQ(field(CsvCell::number(0.125, 1)), "0.1");  // binary halfway: to even, as printf
  EXPECT_EQ(field(CsvCell::number(42, 0)), "42");
  EXPECT_EQ(field(CsvCell::number(7, -3)), "7");                      // negative decimals: none
  EXPECT_EQ(field(CsvCell::number(0.1, 40)), "0.10000000000000001");  // clamped to 17
}

TEST(CsvWriter, NegativeZeroIsWrittenAsZero) {
  EXPECT_EQ(field(CsvCell::number(-0.0, 1)), "0.0");
  EXPECT_EQ(field(CsvCell::number(-0.001, 2)), "0.00");
  EXPECT_EQ(field(CsvCell::number(-0.006, 2)), "-0.01");
}

TEST(CsvWriter, NanAndInfinityAreEmptyCells) {
  EXPECT_EQ(field(CsvCell::number(std::nan(""), 2)), "");
  EXPECT_EQ(field(CsvCell::number(std::numeric_limits<double>::infinity(), 2)), "");
  EXPECT_EQ(field(CsvCell::number(-std::numeric_limits<double>::infinity(), 2)), "");
  CsvWriter csv({"a", "b", "c"});
  csv.row({CsvCell::number(1, 0), CsvCell::number(std::nan(""), 1), CsvCell::number(3, 0)});
  EXPECT_EQ(csv.text(), kBom + "a,b,c\r\n1,,3\r\n");
}

TEST(CsvWriter, RowsArePaddedOrCutToTheHeadersWidth) {
  CsvWriter csv({"a", "b", "c"});
  csv.row({CsvCell::text("1")});
  csv.row({});
  csv.row({CsvCell::text("1"), CsvCell::text("2"), CsvCell::text("3"), CsvCell::text("4"), CsvCell::text("5")});
  EXPECT_EQ(csv.text(), kBom + "a,b,c\r\n1,,\r\n,,\r\n1,2,3\r\n");
  EXPECT_EQ(csv.rows(), 3u);
}

TEST(CsvWriter, Utf8PassesThroughUnchanged) {
  CsvWriter csv({"thành phố", "quốc gia"});
  csv.row({CsvCell::text("Hải Phòng"), CsvCell::text("Việt Nam")});
  csv.row({CsvCell::text("กรุงเทพมหานคร"), CsvCell::text("東京, 日本")});
  EXPECT_EQ(csv.text(), kBom + "thành phố,quốc gia\r\nHải Phòng,Việt Nam\r\nกรุงเทพมหานคร,\"東京, 日本\"\r\n");
}

}  // namespace
}  // namespace ccap
