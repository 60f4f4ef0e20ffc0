// Tar archives read member by member from a stream, gzipped or not; a cut or damaged archive is
// an error naming the member.
#include "pipeline/tar_reader.h"

#include <gtest/gtest.h>

#include <cstdio>

#include "pipeline/archive_bytes.h"

namespace ccap::pipeline {
namespace {

std::vector<TarReader::Member> members(const std::string& path, std::string& error, std::size_t max = 1 << 20) {
  TarReader tar(file_stream(path), max);
  std::vector<TarReader::Member> out;
  while (auto m = tar.next()) out.push_back(std::move(*m));
  error = tar.error();
  return out;
}

TEST(TarReader, ReadsEachMemberInOrderGzippedOrNot) {
  const std::string archive =
      test::tar({{"a.json", "{\"n\": 1}"}, {"b/c.json", std::string(1300, 'z')}, {"empty", ""}});
  for (const std::string& path :
       {test::temp_file("x.tar", archive), test::temp_file("x.tar.gz", test::gzip(archive))}) {
    std::string error;
    const auto got = members(path, error);
    EXPECT_EQ(error, "") << path;
    ASSERT_EQ(got.size(), 3u) << path;
    EXPECT_EQ(got[0].name, "a.json");
    EXPECT_EQ(std::string(got[0].bytes.begin(), got[0].bytes.end()), "{\"n\": 1}");
    EXPECT_EQ(got[1].name, "b/c.json");
    EXPECT_EQ(got[1].bytes.size(), 1300u);
    EXPECT_TRUE(got[2].bytes.empty());
    std::remove(path.c_str());
  }
}

TEST(TarReader, AMemberTooLargeIsSkippedAndSaidToBe) {
  const std::string path = test::temp_file("large.tar", test::tar({{"big", std::string(5000, 'b')}, {"small", "s"}}));
  std::string error;
  const auto got = members(path, error, 4096);
  EXPECT_EQ(error, "");
  ASSERT_EQ(got.size(), 2u);
  EXPECT_TRUE(got[0].too_large);
  EXPECT_TRUE(got[0].bytes.empty());
  EXPECT_EQ(std::string(got[1].bytes.begin(), got[1].bytes.end()), "s");
  std::remove(path.c_str());
}

TEST(TarReader, CutOrDamagedArchivesAreErrorsNamingTheMember) {
  const std::string archive =
      test::tar({{"first.json", std::string(700, 'a')}, {"second.json", std::string(900, 'b')}});
  const std::string packed = test::gzip(archive);
  struct Case {
    std::string bytes, error;
  } cases[] = {
      {archive.substr(0, 512 + 1024 + 512 + 100),
       "member 2 ('second.json'): the archive ends inside a block (a truncated file)"},
      {archive.substr(0, 512 + 1024), "the archive ends without its end blocks (a truncated file)"},
      {packed.substr(0, packed.size() - 12), "the gzip data is cut short (a truncated file)"},
      {"", "not a tar archive (it is empty)"},
      {std::string(512, 'x'), "member 1: its header's checksum is wrong (not a tar archive, or a damaged one)"},
  };
  for (const Case& c : cases) {
    const std::string path = test::temp_file("cut.tar", c.bytes);
    std::string error;
    members(path, error);
    EXPECT_EQ(error, c.error);
    std::remove(path.c_str());
  }
}

}  // namespace
}  // namespace ccap::pipeline
