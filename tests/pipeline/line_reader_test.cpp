// The pipeline's line reader: lines across the reads' boundaries, both line breaks, a last line
// without one, lines too long to keep, and a read that fails.
#include "pipeline/line_reader.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <string>
#include <tuple>
#include <vector>

#include "base/file_bytes.h"
#include "features/air/import/line_splitter.h"

namespace ccap::pipeline {
namespace {

// `text` handed over `step` bytes at a time: every line crosses a boundary somewhere.
LineReader trickle(std::string text, std::size_t step, std::size_t max_line) {
  return LineReader(
      [text, step, at = std::size_t{0}](char* into, std::size_t max, std::string&) mutable {
        const std::size_t n = std::min({step, max, text.size() - at});
        std::memcpy(into, text.data() + at, n);
        at += n;
        return n;
      },
      max_line);
}

std::vector<std::string> all(LineReader& reader) {
  std::vector<std::string> lines;
  while (const auto line = reader.next()) lines.emplace_back(line->text);
  return lines;
}

}  // namespace

TEST(LineReader, LinesAcrossReadsWithEitherLineBreak) {
  for (const std::size_t step : {1u, 2u, 3u, 7u, 1000u}) {
    LineReader reader = trickle("first\r\nsecond\n\nlast without a break", step, 100);
    EXPECT_EQ(all(reader), (std::vector<std::string>{"first", "second", "", "last without a break"})) << step;
    EXPECT_TRUE(reader.error().empty());
  }
  LineReader empty = LineReader::of_text("", 100);
  EXPECT_FALSE(empty.next());
  LineReader one_break = LineReader::of_text("\n", 100);
  EXPECT_EQ(all(one_break), std::vector<std::string>{""});
}

TEST(LineReader, ALineTooLongKeepsItsStartAndItsLengthAndTheNextLineFollows) {
  const std::string long_line(10'000, 'x');
  LineReader reader = trickle("a\n" + long_line + "\r\nb\n", 333, 64);
  auto line = reader.next();
  ASSERT_TRUE(line);
  EXPECT_EQ(line->text, "a");
  EXPECT_FALSE(line->cut());
  line = reader.next();
  ASSERT_TRUE(line);
  EXPECT_TRUE(line->cut());
  EXPECT_EQ(line->text, std::string(64, 'x'));
  EXPECT_EQ(line->length, 10'001u) << "the \r is part of a line that was cut";
  EXPECT_EQ(line->number, 2u);
  line = reader.next();
  ASSERT_TRUE(line);
  EXPECT_EQ(line->text, "b");
  EXPECT_EQ(line->number, 3u);
  EXPECT_FALSE(reader.next());
  // Exactly as long as allowed is whole, with or without "\r".
  const std::string text = std::string(64, 'y') + "\r\n" + std::string(64, 'z');  // outlives the reader
  LineReader exact = LineReader::of_text(text, 64);
  EXPECT_EQ(all(exact), (std::vector<std::string>{std::string(64, 'y'), std::string(64, 'z')}));
}

// The browser's way (features/air/import/line_splitter.h: bytes pushed a chunk at a time) gives
// exactly the lines this reader pulls, on texts of every awkward kind and for every piece size.
TEST(LineReader, TheBrowsersLineSplitterGivesTheSameLines) {
  std::uint32_t seed = 2026;
  const auto next = [&] { return seed = seed * 1664525u + 1013904223u; };
  const char alphabet[] = {'a', ',', '\r', '\n', '"', ' ', '\xC3', '\xA9'};
  for (int round = 0; round < 300; ++round) {
    std::string text;
    for (std::uint32_t n = next() % 60; n-- > 0;) text += alphabet[next() % sizeof alphabet];
    const std::size_t max_line = 1 + next() % 12;
    std::vector<std::tuple<std::string, std::size_t, std::size_t>> pulled, pushed;
    LineReader reader = LineReader::of_text(text, max_line);
    while (const auto line = reader.next()) pulled.emplace_back(std::string(line->text), line->length, line->number);
    LineSplitter splitter(max_line);
    const auto on_line = [&](const LineSplitter::Line& l) {
      pushed.emplace_back(std::string(l.text), l.length, l.number);
    };
    const std::size_t piece = 1 + next() % 7;
    for (std::size_t i = 0; i < text.size(); i += piece)
      splitter.feed(std::string_view(text).substr(i, piece), on_line);
    splitter.finish(on_line);
    ASSERT_EQ(pushed, pulled) << "round " << round << ", max_line " << max_line << ", pieces of " << piece;
  }
}

TEST(LineReader, AReadThatFailsEndsTheLinesAndSaysWhy) {
  int calls = 0;
  LineReader reader(
      [&calls](char* into, std::size_t, std::string& error) -> std::size_t {
        if (++calls == 1) {
          std::memcpy(into, "one\ntw", 6);
          return 6;
        }
        error = "read failed: Input/output error";
        return 0;
      },
      100);
  auto line = reader.next();
  ASSERT_TRUE(line);
  EXPECT_EQ(line->text, "one");
  EXPECT_FALSE(reader.next()) << "not a half line";
  EXPECT_EQ(reader.error(), "read failed: Input/output error");
  LineReader missing = LineReader::of_file("/nonexistent/ccap/file.csv", 100);
  EXPECT_FALSE(missing.next());
  EXPECT_EQ(missing.error().rfind("cannot be opened: ", 0), 0u) << missing.error();
}

// `--openaq /dev/zero` once ran for ever, and a directory was read as 9.2e18 bytes.
TEST(LineReader, ADirectoryOrADeviceIsNotRead) {
  LineReader dir = LineReader::of_file("/tmp", 100);
  EXPECT_FALSE(dir.next());
  EXPECT_EQ(dir.error(), "is a directory");
  LineReader zero = LineReader::of_file("/dev/zero", 100);
  EXPECT_FALSE(zero.next());
  EXPECT_EQ(zero.error(), "is not a regular file (a device or a pipe)");
  const FileBytes whole = read_file_bytes("/tmp", 1 << 20);
  EXPECT_FALSE(whole.bytes);
  EXPECT_EQ(whole.error, "/tmp: is a directory");
  EXPECT_EQ(read_file_bytes("/dev/zero", 1 << 20).error, "/dev/zero: is not a regular file (a device or a pipe)");
}

}  // namespace ccap::pipeline
