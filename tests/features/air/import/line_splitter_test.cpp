// Lines as a file's bytes arrive in pieces: the same lines whatever the pieces, CRLF and a last
// line without a break, and a line too long cut with its full length kept.
#include "features/air/import/line_splitter.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace ccap {
namespace {

struct Got {
  std::string text;
  std::size_t length, number;
  bool operator==(const Got&) const = default;
};

std::vector<Got> split(std::string_view text, std::size_t piece, std::size_t max_line = 8) {
  LineSplitter s(max_line);
  std::vector<Got> out;
  const auto on_line = [&](const LineSplitter::Line& l) { out.push_back({std::string(l.text), l.length, l.number}); };
  for (std::size_t i = 0; i < text.size(); i += piece) s.feed(text.substr(i, piece), on_line);
  s.finish(on_line);
  return out;
}

TEST(LineSplitter, TheSameLinesWhateverThePieces) {
  const std::string text = "a,b\r\n12,5\n\nlast";
  const std::vector<Got> whole = split(text, text.size());
  ASSERT_EQ(whole.size(), 4u);
  EXPECT_EQ(whole[0], (Got{"a,b", 3, 1})) << "CRLF";
  EXPECT_EQ(whole[2], (Got{"", 0, 3})) << "an empty line counts";
  EXPECT_EQ(whole[3], (Got{"last", 4, 4})) << "a last line without a break";
  for (std::size_t piece = 1; piece < text.size(); ++piece) EXPECT_EQ(split(text, piece), whole) << piece;
}

TEST(LineSplitter, ALineTooLongIsCutAndItsLengthKept) {
  for (std::size_t piece : {1u, 3u, 100u}) {
    const std::vector<Got> got = split("0123456789abcdef\r\nok\n", piece);
    ASSERT_EQ(got.size(), 2u);
    EXPECT_EQ(got[0], (Got{"01234567", 17, 1})) << "its CR is part of the length: " << piece;
    EXPECT_EQ(got[1], (Got{"ok", 2, 2}));
  }
  EXPECT_EQ(split("01234567\r\n", 4), (std::vector<Got>{{"01234567", 8, 1}})) << "exactly the limit, then CRLF";
  EXPECT_TRUE(split("", 1).empty());
  EXPECT_EQ(split("\n", 1), (std::vector<Got>{{"", 0, 1}}));
}

}  // namespace
}  // namespace ccap
