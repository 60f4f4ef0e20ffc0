#pragma once
// Tests only: an independent PNG reader built on the system zlib (checks the file's structure and
// CRCs, inflates the IDATs, undoes the filters), for the PNG writer's tests and the saved pictures.
#include <gtest/gtest.h>
#include <zlib.h>

#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

namespace ccap::testing {

// An independent reader built on the system zlib: checks the file's structure and CRCs, inflates
// the IDATs and undoes the filters.
struct Chunk {
  std::string type = {};
  std::vector<std::uint8_t> data = {};
};

struct Decoded {
  int width = 0, height = 0;
  std::vector<Chunk> chunks = {};
  std::vector<std::uint8_t> zlib = {};     // the concatenated IDATs
  std::vector<std::uint8_t> filters = {};  // filter type of each row
  std::vector<std::uint8_t> rgba = {};     // the decoded pixels
};

inline std::uint32_t read_u32_be(const std::uint8_t* p) {
  return (std::uint32_t{p[0]} << 24) | (std::uint32_t{p[1]} << 16) | (std::uint32_t{p[2]} << 8) | p[3];
}

inline int paeth(int a, int b, int c) {
  const int p = a + b - c;
  const int pa = std::abs(p - a), pb = std::abs(p - b), pc = std::abs(p - c);
  if (pa <= pb && pa <= pc) return a;
  return pb <= pc ? b : c;
}

// Records a test failure on every problem; returns what could be decoded.
inline Decoded decode_png(const std::vector<std::uint8_t>& png) {
  Decoded d;
  static constexpr std::uint8_t kSignature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
  if (png.size() < 8 || std::memcmp(png.data(), kSignature, 8) != 0) {
    ADD_FAILURE() << "bad signature";
    return d;
  }
  std::size_t at = 8;
  while (at < png.size()) {
    if (png.size() - at < 12) {
      ADD_FAILURE() << "truncated chunk at " << at;
      return d;
    }
    const std::uint32_t length = read_u32_be(png.data() + at);
    if (png.size() - at - 12 < length) {
      ADD_FAILURE() << "chunk overruns the file at " << at;
      return d;
    }
    Chunk c;
    c.type.assign(reinterpret_cast<const char*>(png.data() + at + 4), 4);
    c.data.assign(png.begin() + static_cast<std::ptrdiff_t>(at + 8),
                  png.begin() + static_cast<std::ptrdiff_t>(at + 8 + length));
    const std::uint32_t stored_crc = read_u32_be(png.data() + at + 8 + length);
    const std::uint32_t crc = static_cast<std::uint32_t>(::crc32(0L, png.data() + at + 4, 4 + length));
    EXPECT_EQ(stored_crc, crc) << "CRC of chunk " << d.chunks.size() << " (" << c.type << ")";
    at += 12 + length;
    d.chunks.push_back(std::move(c));
  }
  // IHDR first, then IDATs (consecutive), IEND last.
  if (d.chunks.size() < 3 || d.chunks.front().type != "IHDR" || d.chunks.back().type != "IEND") {
    ADD_FAILURE() << "chunks are not IHDR ... IEND";
    return d;
  }
  EXPECT_TRUE(d.chunks.back().data.empty());
  for (std::size_t i = 1; i + 1 < d.chunks.size(); ++i) {
    EXPECT_EQ(d.chunks[i].type, "IDAT");
    d.zlib.insert(d.zlib.end(), d.chunks[i].data.begin(), d.chunks[i].data.end());
  }
  const auto& ihdr = d.chunks.front().data;
  if (ihdr.size() != 13) {
    ADD_FAILURE() << "IHDR has " << ihdr.size() << " bytes";
    return d;
  }
  d.width = static_cast<int>(read_u32_be(ihdr.data()));
  d.height = static_cast<int>(read_u32_be(ihdr.data() + 4));
  EXPECT_EQ(ihdr[8], 8) << "bit depth";
  EXPECT_EQ(ihdr[9], 6) << "colour type";
  EXPECT_EQ(ihdr[10], 0) << "compression method";
  EXPECT_EQ(ihdr[11], 0) << "filter method";
  EXPECT_EQ(ihdr[12], 0) << "interlace method";

  // RFC 1950 header: deflate, 32 KiB window, no preset dictionary, valid FCHECK; then a fixed
  // Huffman block.
  if (d.zlib.size() < 7) {
    ADD_FAILURE() << "zlib stream too short";
    return d;
  }
  EXPECT_EQ(d.zlib[0], 0x78);
  EXPECT_EQ((d.zlib[0] * 256 + d.zlib[1]) % 31, 0);
  EXPECT_EQ(d.zlib[1] & 0x20, 0) << "FDICT";
  EXPECT_EQ((d.zlib[2] >> 1) & 3, 1) << "first block is not BTYPE=01";

  const std::size_t w = static_cast<std::size_t>(d.width), h = static_cast<std::size_t>(d.height);
  const std::size_t line = 1 + 4 * w;
  std::vector<std::uint8_t> raw(h * line + 1);  // one spare byte: inflating more than expected fails
  uLongf raw_size = static_cast<uLongf>(raw.size());
  uLong source_size = static_cast<uLong>(d.zlib.size());
  const int rc = ::uncompress2(raw.data(), &raw_size, d.zlib.data(), &source_size);  // checks Adler-32
  EXPECT_EQ(rc, Z_OK) << "inflate failed";
  EXPECT_EQ(source_size, d.zlib.size()) << "bytes after the zlib stream";
  EXPECT_EQ(raw_size, h * line) << "inflated size";
  if (rc != Z_OK || raw_size != h * line) return d;

  d.rgba.assign(h * 4 * w, 0);
  for (std::size_t y = 0; y < h; ++y) {
    const std::uint8_t type = raw[y * line];
    d.filters.push_back(type);
    const std::uint8_t* in = raw.data() + y * line + 1;
    std::uint8_t* out = d.rgba.data() + y * 4 * w;
    const std::uint8_t* above = y > 0 ? out - 4 * w : nullptr;
    for (std::size_t i = 0; i < 4 * w; ++i) {
      const int a = i >= 4 ? out[i - 4] : 0;
      const int b = above ? above[i] : 0;
      const int c = above && i >= 4 ? above[i - 4] : 0;
      int predictor = 0;
      switch (type) {
        case 0: predictor = 0; break;
        case 1: predictor = a; break;
        case 2: predictor = b; break;
        case 3: predictor = (a + b) / 2; break;
        case 4: predictor = paeth(a, b, c); break;
        default: ADD_FAILURE() << "filter type " << int{type} << " on row " << y; return d;
      }
      out[i] = static_cast<std::uint8_t>(in[i] + predictor);
    }
  }
  return d;
}

}  // namespace ccap::testing
