// Files read as streams: plain and gzipped alike, gzip members one after another, and a cut or
// damaged gzip said to be so, never read as a shorter file.
#include "pipeline/byte_stream.h"

#include <gtest/gtest.h>

#include <cstdio>

#include "pipeline/archive_bytes.h"

namespace ccap::pipeline {
namespace {

std::string read_text(const ReadChunk& stream, std::string& error, std::size_t max = 1 << 20) {
  const auto bytes = read_all(stream, max, error);
  return bytes ? std::string(bytes->begin(), bytes->end()) : std::string();
}

TEST(ByteStream, PlainAndGzippedFilesReadTheSame) {
  std::string text;
  for (int i = 0; i < 20000; ++i) text += "region,pm25,2017-01-01 00:00:00 row " + std::to_string(i) + "\n";
  const std::string plain = test::temp_file("plain.csv", text),
                    packed = test::temp_file("packed.csv.gz", test::gzip(text));
  for (const std::string& path : {plain, packed}) {
    std::string error;
    EXPECT_EQ(read_text(file_stream(path), error, 4 << 20), text) << path;
    EXPECT_EQ(error, "") << path;
  }
  // Two members, as `cat a.gz b.gz` makes: both read.
  const std::string two = test::temp_file("two.gz", test::gzip("first\n") + test::gzip("second\n"));
  std::string error;
  EXPECT_EQ(read_text(file_stream(two), error), "first\nsecond\n");
  EXPECT_EQ(error, "");
  for (const std::string& p : {plain, packed, two}) std::remove(p.c_str());
}

TEST(ByteStream, ACutOrDamagedGzipIsAnErrorNotAShortFile) {
  std::string text;
  for (int i = 0; i < 5000; ++i) text += std::to_string(i * 7919 % 10007) + ",";
  const std::string packed = test::gzip(text);
  const std::string cut = test::temp_file("cut.gz", packed.substr(0, packed.size() / 2));
  std::string error;
  read_text(file_stream(cut), error);
  EXPECT_EQ(error, "the gzip data is cut short (a truncated file)");
  std::string damaged = packed;
  for (std::size_t i = 20; i < 60; ++i) damaged[i] = static_cast<char>(damaged[i] ^ 0x5a);
  const std::string bad = test::temp_file("bad.gz", damaged);
  error.clear();
  read_text(file_stream(bad), error);
  EXPECT_EQ(error.rfind("not valid gzip data near byte ", 0), 0u) << error;
  // The trailer's check (CRC-32 and length) catches a change that still inflates.
  std::string crc = packed;
  crc[crc.size() - 6] = static_cast<char>(crc[crc.size() - 6] ^ 1);
  const std::string wrong_crc = test::temp_file("crc.gz", crc);
  error.clear();
  read_text(file_stream(wrong_crc), error);
  EXPECT_NE(error, "") << "a wrong CRC is damage";
  for (const std::string& p : {cut, bad, wrong_crc}) std::remove(p.c_str());
}

TEST(ByteStream, ReadAllIsBoundedAndFilesThatAreNotFilesAreNamed) {
  const std::string big = test::temp_file("big.txt", std::string(3000, 'x'));
  std::string error;
  EXPECT_FALSE(read_all(file_stream(big), 2999, error));
  EXPECT_EQ(error, "more than 2999 bytes");
  error.clear();
  EXPECT_EQ(read_all(file_stream(big), 3000, error)->size(), 3000u);
  std::remove(big.c_str());
  error.clear();
  read_all(file_stream(P_tmpdir), 100, error);
  EXPECT_EQ(error, "is a directory");
  error.clear();
  read_all(file_stream("/nonexistent/x.csv"), 100, error);
  EXPECT_EQ(error.rfind("cannot be opened: ", 0), 0u) << error;
  error.clear();  // a tiny file (shorter than gzip's magic) is a file
  const std::string one = test::temp_file("one.txt", "x");
  EXPECT_EQ(read_text(file_stream(one), error), "x");
  std::remove(one.c_str());
}

}  // namespace
}  // namespace ccap::pipeline
