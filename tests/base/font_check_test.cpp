// The font check (base/font_check.h) against the UI font and the damage seen in the field: a file
// of 0 bytes, a header alone, a font cut in half, random bytes; and tables that point outside.
#include "base/font_check.h"

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <random>
#include <vector>

#include "test_paths.h"

namespace ccap {
namespace {

std::vector<std::uint8_t> ui_font() {
  std::ifstream in(std::string(CCAP_TEST_DATA_DIR) + "/fonts/NotoSans-Regular.ttf", std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

// The table directory entry of `tag`: where its offset and length are.
std::size_t directory_entry(const std::vector<std::uint8_t>& font, const char* tag) {
  const std::size_t tables = font[4] << 8 | font[5];
  for (std::size_t i = 0; i < tables; ++i)
    if (std::equal(tag, tag + 4, font.begin() + static_cast<std::ptrdiff_t>(12 + 16 * i))) return 12 + 16 * i;
  return 0;
}

void put32(std::vector<std::uint8_t>& b, std::size_t at, std::uint32_t v) {
  for (int i = 0; i < 4; ++i) b[at + i] = static_cast<std::uint8_t>(v >> (24 - 8 * i));
}

TEST(FontCheck, TheUiFontPasses) {
  const auto font = ui_font();
  ASSERT_GT(font.size(), 50'000u);  // the subset the build makes (assets/CMakeLists.txt)
  EXPECT_EQ(check_truetype(font), "");
}

TEST(FontCheck, TheDamageSeenInTheFieldIsRefusedWithWhatIsWrong) {
  const auto font = ui_font();
  EXPECT_EQ(check_truetype({}), "shorter than a font's header (0 bytes)");
  const std::vector<std::uint8_t> header(font.begin(), font.begin() + 12);
  EXPECT_EQ(check_truetype(header), "its table directory ends past the end of the file");
  const std::vector<std::uint8_t> half(font.begin(), font.begin() + static_cast<std::ptrdiff_t>(font.size() / 2));
  EXPECT_NE(check_truetype(half).find("ends past the end of the file"), std::string::npos) << check_truetype(half);
  std::mt19937 rng(5);
  std::vector<std::uint8_t> noise(font.size());
  for (auto& b : noise) b = static_cast<std::uint8_t>(rng());
  EXPECT_EQ(check_truetype(noise), "not a TrueType font (no sfnt header)");
  std::vector<std::uint8_t> cff = font;
  put32(cff, 0, 0x4f54544f);
  EXPECT_NE(check_truetype(cff).find("CFF"), std::string::npos);
}

TEST(FontCheck, ATableThatPointsOutsideIsRefused) {
  auto font = ui_font();
  const std::size_t loca = directory_entry(font, "loca"), glyf = directory_entry(font, "glyf");
  ASSERT_NE(loca, 0u);
  ASSERT_NE(glyf, 0u);
  auto shorter_glyf = font;  // loca's last offsets now point past glyf's end
  put32(shorter_glyf, glyf + 12, 100);
  EXPECT_NE(check_truetype(shorter_glyf).find("'loca' table points past the end of 'glyf'"), std::string::npos)
      << check_truetype(shorter_glyf);
  auto far = font;
  put32(far, loca + 8, 0xfffffff0);
  EXPECT_EQ(check_truetype(far), "the 'loca' table ends past the end of the file");
  auto renamed = font;  // no cmap at all
  renamed[directory_entry(font, "cmap")] = 'x';
  EXPECT_EQ(check_truetype(renamed), "the 'cmap' table is missing");
}

// Every byte flipped in turn over the small tables, and random flips everywhere: the check never
// crashes or reads outside (ASan in the sanitizer tree). That what it accepts rasterises is
// tests/base/ui/fonts_test.cpp's and the fuzz target's.
TEST(FontCheck, FlippedBytesNeverCrashIt) {
  const auto font = ui_font();
  for (std::size_t at = 0; at < 12 + 16 * std::size_t{font[5]}; ++at) {
    auto damaged = font;
    damaged[at] ^= 0xff;
    (void)check_truetype(damaged);
  }
  std::mt19937 rng(9);
  for (int i = 0; i < 200; ++i) {
    auto damaged = font;
    for (int k = 0; k < 8; ++k) damaged[rng() % damaged.size()] = static_cast<std::uint8_t>(rng());
    (void)check_truetype(damaged);
  }
}

}  // namespace
}  // namespace ccap
