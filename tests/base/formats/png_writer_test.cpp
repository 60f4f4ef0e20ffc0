#include "base/formats/png_writer.h"

#include "base/png_decode.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>
#include <string>

namespace ccap {
namespace {

using testing::Decoded;
const auto decode = testing::decode_png;

void expect_round_trip(const std::vector<std::uint8_t>& rgba, int width, int height, Decoded* out = nullptr) {
  const auto png = encode_png(rgba.data(), width, height);
  ASSERT_FALSE(png.empty());
  Decoded d = decode(png);
  EXPECT_EQ(d.width, width);
  EXPECT_EQ(d.height, height);
  ASSERT_EQ(d.rgba.size(), rgba.size());
  EXPECT_TRUE(d.rgba == rgba) << "decoded pixels differ from the input";
  if (out) *out = std::move(d);
}

std::vector<std::uint8_t> noise(int width, int height, std::uint32_t seed) {
  std::mt19937 rng(seed);
  std::vector<std::uint8_t> rgba(static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 4);
  for (auto& b : rgba) b = static_cast<std::uint8_t>(rng() >> 24);
  return rgba;
}

TEST(PngWriter, OnePixel) {
  const std::vector<std::uint8_t> rgba = {12, 200, 34, 128};
  Decoded d;
  expect_round_trip(rgba, 1, 1, &d);
  ASSERT_EQ(d.chunks.size(), 3u);  // IHDR, IDAT, IEND
}

TEST(PngWriter, FlatImageCompressesToUnderOnePercent) {
  const int w = 1000, h = 700;
  std::vector<std::uint8_t> rgba(static_cast<std::size_t>(w) * h * 4);
  for (std::size_t i = 0; i < rgba.size(); i += 4) {
    rgba[i] = 170, rgba[i + 1] = 211, rgba[i + 2] = 223, rgba[i + 3] = 255;
  }
  Decoded d;
  expect_round_trip(rgba, w, h, &d);
  const auto png = encode_png(rgba.data(), w, h);
  EXPECT_LT(png.size(), rgba.size() / 100) << png.size() << " bytes";
  // Every row after the first is all zeros under Up: the heuristic must find it.
  for (std::size_t y = 1; y < d.filters.size(); ++y) ASSERT_EQ(d.filters[y], 2) << "row " << y;
}

TEST(PngWriter, NoiseRoundTripsAcrossSeveralIdats) {
  const int w = 300, h = 300;  // 360 KB: incompressible, more than one 256 KiB IDAT
  const auto rgba = noise(w, h, 20240611);
  Decoded d;
  expect_round_trip(rgba, w, h, &d);
  EXPECT_GE(d.chunks.size(), 4u) << "expected several IDAT chunks";
  for (const auto& c : d.chunks) EXPECT_LE(c.data.size(), 256u * 1024u);
  // Fixed Huffman codes cost at most 9 bits per literal.
  EXPECT_LT(d.zlib.size(), rgba.size() * 9 / 8 + h + 64);
}

TEST(PngWriter, Gradient) {
  const int w = 256, h = 200;
  std::vector<std::uint8_t> rgba(static_cast<std::size_t>(w) * h * 4);
  for (int y = 0; y < h; ++y) {
    for (int x = 0; x < w; ++x) {
      std::uint8_t* p = &rgba[(static_cast<std::size_t>(y) * w + x) * 4];
      p[0] = static_cast<std::uint8_t>(x);
      p[1] = static_cast<std::uint8_t>(y);
      p[2] = static_cast<std::uint8_t>((x + y) / 2);
      p[3] = static_cast<std::uint8_t>(255 - x / 4);
    }
  }
  Decoded d;
  expect_round_trip(rgba, w, h, &d);
  // Smooth data filters well (Sub/Up/Paeth leave small constant residues).
  EXPECT_LT(d.zlib.size(), rgba.size() / 10);
}

TEST(PngWriter, WidthOneTallImage) {
  const int w = 1, h = 300;
  std::vector<std::uint8_t> rgba(static_cast<std::size_t>(h) * 4);
  for (int y = 0; y < h; ++y) {
    rgba[static_cast<std::size_t>(y) * 4 + 0] = static_cast<std::uint8_t>(y * 7);
    rgba[static_cast<std::size_t>(y) * 4 + 1] = static_cast<std::uint8_t>(y / 30 * 25);
    rgba[static_cast<std::size_t>(y) * 4 + 2] = 99;
    rgba[static_cast<std::size_t>(y) * 4 + 3] = static_cast<std::uint8_t>(y % 2 ? 255 : 0);
  }
  expect_round_trip(rgba, w, h);
}

TEST(PngWriter, LongRunsStraddlingRows) {
  // Runs of 50 (and 300) pixels in raster order, so they wrap over row ends of odd widths; the
  // same colours recur, giving matches across filter bytes.
  for (const int w : {7, 33, 129}) {
    for (const int run : {50, 300}) {
      SCOPED_TRACE("width " + std::to_string(w) + ", run " + std::to_string(run));
      const int h = 200;
      std::vector<std::uint8_t> rgba(static_cast<std::size_t>(w) * h * 4);
      for (std::size_t i = 0; i < rgba.size() / 4; ++i) {
        const auto k = static_cast<std::uint8_t>(i / static_cast<std::size_t>(run) % 3);
        rgba[i * 4 + 0] = static_cast<std::uint8_t>(40 + 80 * k);
        rgba[i * 4 + 1] = static_cast<std::uint8_t>(200 - 50 * k);
        rgba[i * 4 + 2] = 17;
        rgba[i * 4 + 3] = 255;
      }
      expect_round_trip(rgba, w, h);
    }
  }
}

TEST(PngWriter, MatchesReachToTheEdgeOfTheWindowButNotPast) {
  // Rows A, B, A, B, ... of noise: a row repeats the one two rows up, 2 * (1 + 4 * w) bytes back.
  for (const int w : {4000, 4095, 4200}) {  // 32002, 32762 bytes (in the window), 33602 (past it)
    SCOPED_TRACE("width " + std::to_string(w));
    const int h = 10;
    const auto a = noise(w, 1, 1), b = noise(w, 1, 2);
    std::vector<std::uint8_t> rgba;
    for (int y = 0; y < h; ++y) rgba.insert(rgba.end(), (y % 2 ? b : a).begin(), (y % 2 ? b : a).end());
    Decoded d;
    expect_round_trip(rgba, w, h, &d);
    if (w < 4200) {
      EXPECT_LT(d.zlib.size(), rgba.size() * 6 / 10) << "far matches were not found";
    } else {
      EXPECT_GT(d.zlib.size(), rgba.size()) << "nothing to find within 32 KiB";
    }
  }
}

TEST(PngWriter, RejectsEmptyNullAndOversizedImages) {
  const std::vector<std::uint8_t> rgba(64, 0);
  EXPECT_TRUE(encode_png(nullptr, 1, 1).empty());
  EXPECT_TRUE(encode_png(rgba.data(), 0, 1).empty());
  EXPECT_TRUE(encode_png(rgba.data(), 1, 0).empty());
  EXPECT_TRUE(encode_png(rgba.data(), -4, 4).empty());
  EXPECT_TRUE(encode_png(rgba.data(), 4, -4).empty());
  // Rejected before any pixel is read, so the small buffer is safe.
  EXPECT_TRUE(encode_png(rgba.data(), kPngMaxDimension + 1, 1).empty());
  EXPECT_TRUE(encode_png(rgba.data(), 1, kPngMaxDimension + 1).empty());
}

// A synthetic 4K map: flat sea and countries, 1 px borders, anti-aliased coasts and markers,
// text-like labels. Prints the time and size (not asserted: machines differ).
TEST(PngWriter, MapSized3840x2160) {
  const int w = 3840, h = 2160;
  std::vector<std::uint8_t> rgba(static_cast<std::size_t>(w) * h * 4);
  std::vector<int> country(static_cast<std::size_t>(w) * h);
  const std::uint8_t palette[6][3] = {{232, 221, 203}, {214, 228, 196}, {240, 214, 214},
                                      {221, 214, 236}, {246, 236, 190}, {205, 225, 222}};
  for (int y = 0; y < h; ++y) {
    for (int x = 0; x < w; ++x) {
      const std::size_t i = static_cast<std::size_t>(y) * w + x;
      const double f = std::sin(x * 0.004) + std::cos(y * 0.006) + 0.5 * std::sin((x + y) * 0.011);
      std::uint8_t* p = &rgba[i * 4];
      int id = -1;
      double land = std::clamp((f - 0.3) / 0.02 + 0.5, 0.0, 1.0);  // anti-aliased coast
      if (land > 0) {
        const int cx = static_cast<int>((x + 40 * std::sin(y * 0.01)) / 300);
        const int cy = static_cast<int>((y + 40 * std::sin(x * 0.013)) / 250);
        id = cx + 13 * cy;
      }
      country[i] = id;
      const std::uint8_t* c = palette[id < 0 ? 0 : (id * 7 + 3) % 6];
      const double sea[3] = {170, 211, 223};
      for (int k = 0; k < 3; ++k) p[k] = static_cast<std::uint8_t>(std::lround(sea[k] + land * (c[k] - sea[k])));
      p[3] = 255;
    }
  }
  for (int y = 0; y + 1 < h; ++y) {  // borders
    for (int x = 0; x + 1 < w; ++x) {
      const std::size_t i = static_cast<std::size_t>(y) * w + x;
      if (country[i] >= 0 && ((country[i + 1] >= 0 && country[i + 1] != country[i]) ||
                              (country[i + w] >= 0 && country[i + w] != country[i]))) {
        rgba[i * 4] = rgba[i * 4 + 1] = rgba[i * 4 + 2] = 110;
      }
    }
  }
  std::mt19937 rng(7);
  for (int m = 0; m < 300; ++m) {  // markers: discs of radius 9 with a soft edge
    const int mx = 20 + static_cast<int>(rng() % (w - 40)), my = 20 + static_cast<int>(rng() % (h - 40));
    const std::uint8_t aqi[3] = {static_cast<std::uint8_t>(rng() % 2 ? 255 : 0), 126, 0};
    for (int dy = -10; dy <= 10; ++dy) {
      for (int dx = -10; dx <= 10; ++dx) {
        const double cover = std::clamp(9.5 - std::sqrt(dx * dx + dy * dy), 0.0, 1.0);
        std::uint8_t* p = &rgba[(static_cast<std::size_t>(my + dy) * w + (mx + dx)) * 4];
        for (int k = 0; k < 3; ++k) p[k] = static_cast<std::uint8_t>(std::lround(p[k] + cover * (aqi[k] - p[k])));
      }
    }
  }
  for (int l = 0; l < 200; ++l) {  // labels: 80x14 boxes of glyph-like speckle
    const int lx = static_cast<int>(rng() % (w - 80)), ly = static_cast<int>(rng() % (h - 14));
    for (int dy = 0; dy < 14; ++dy) {
      for (int dx = 0; dx < 80; ++dx) {
        if (rng() % 3 != 0) continue;
        std::uint8_t* p = &rgba[(static_cast<std::size_t>(ly + dy) * w + (lx + dx)) * 4];
        const auto v = static_cast<std::uint8_t>(rng() % 90);
        p[0] = p[1] = p[2] = v;
      }
    }
  }

  const auto start = std::chrono::steady_clock::now();
  const auto png = encode_png(rgba.data(), w, h);
  const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  std::printf("[ info     ] encode_png 3840x2160: %.1f ms, %zu bytes (%.2f%% of %zu raw)\n", ms, png.size(),
              100.0 * static_cast<double>(png.size()) / static_cast<double>(rgba.size()), rgba.size());
  const Decoded d = decode(png);
  ASSERT_EQ(d.rgba.size(), rgba.size());
  EXPECT_TRUE(d.rgba == rgba);
  EXPECT_LT(png.size(), rgba.size() / 10);
}

}  // namespace
}  // namespace ccap
