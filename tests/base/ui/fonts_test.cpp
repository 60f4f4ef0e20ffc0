// The UI font through ui::Fonts: a damaged font (0 bytes, a header alone, cut in half, random
// bytes) never reaches the rasteriser; the built-in font is used and the problem says why. And
// what the font check accepts, Dear ImGui rasterises: random damage to the real font, each
// variant the check lets through built into an atlas (under ASan in the sanitizer tree).
#include "base/ui/fonts.h"

#include <gtest/gtest.h>
#include <imgui.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <vector>

#include "base/font_check.h"
#include "test_paths.h"

namespace ccap {
namespace {

namespace fs = std::filesystem;

std::vector<std::uint8_t> ui_font() {
  std::ifstream in(std::string(CCAP_TEST_DATA_DIR) + "/fonts/NotoSans-Regular.ttf", std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

class FontsTest : public ::testing::Test {
 protected:
  void SetUp() override { ImGui::CreateContext(); }
  void TearDown() override {
    ImGui::DestroyContext();
    fs::remove_all(dir_);
  }
  // A font folder holding `bytes` as the UI font.
  std::string folder_with(const std::vector<std::uint8_t>& bytes) {
    fs::create_directories(dir_);
    std::ofstream(dir_ / "NotoSans-Regular.ttf", std::ios::binary)
        .write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
    return dir_.string();
  }
  fs::path dir_ = fs::temp_directory_path() / ("ccap-fonts-" + std::to_string(::getpid()));
};

TEST_F(FontsTest, ADamagedFontFallsBackToTheBuiltInFontAndSaysWhy) {
  const auto font = ui_font();
  std::mt19937 rng(1);
  std::vector<std::uint8_t> noise(4096);
  for (auto& b : noise) b = static_cast<std::uint8_t>(rng());
  const std::vector<std::pair<const char*, std::vector<std::uint8_t>>> damaged{
      {"0 bytes", {}},
      {"a header alone", {font.begin(), font.begin() + 12}},
      {"cut in half", {font.begin(), font.begin() + static_cast<std::ptrdiff_t>(font.size() / 2)}},
      {"random bytes", noise},
  };
  for (const auto& [what, bytes] : damaged) {
    ui::Fonts fonts(folder_with(bytes));
    ASSERT_TRUE(fonts.update(1.0f)) << what;
    EXPECT_NE(fonts.problem().find("is damaged"), std::string::npos) << what << ": " << fonts.problem();
    EXPECT_NE(fonts.problem().find("built-in font"), std::string::npos) << what;
    ASSERT_NE(fonts.set().body, nullptr) << what;
    EXPECT_NE(fonts.set().body->FindGlyphNoFallback('H'), nullptr) << what << ": the built-in font draws text";
    EXPECT_TRUE(fonts.update(2.0f)) << what << ": a later rebuild (another pixel ratio) falls back too";
  }
  ui::Fonts good(folder_with(font));
  ASSERT_TRUE(good.update(1.0f));
  EXPECT_EQ(good.problem(), "");
  EXPECT_NE(good.set().body->FindGlyphNoFallback(0x1EA1), nullptr) << "ạ: the real font, with Vietnamese";
}

TEST_F(FontsTest, WhatTheCheckAcceptsIsRasterised) {
  const auto font = ui_font();
  const ImWchar latin[] = {0x20, 0x7e, 0};
  std::mt19937 rng(4);
  int accepted = 0;
  for (int i = 0; i < 300; ++i) {
    auto damaged = font;
    for (int k = 0; k < 4; ++k) damaged[rng() % damaged.size()] = static_cast<std::uint8_t>(rng());
    if (!check_truetype(damaged).empty()) continue;
    ++accepted;
    ImFontAtlas atlas;
    ImFontConfig config;
    config.FontDataOwnedByAtlas = false;
    atlas.AddFontFromMemoryTTF(damaged.data(), static_cast<int>(damaged.size()), 16, &config, latin);
    atlas.Build();
  }
  EXPECT_GT(accepted, 0) << "some damage is harmless (in glyphs the atlas does not use, or in names)";
}

}  // namespace
}  // namespace ccap
