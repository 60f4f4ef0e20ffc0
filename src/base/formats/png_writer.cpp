#include "base/formats/png_writer.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstddef>
#include <cstdlib>
#include <cstring>

namespace ccap {
namespace {

// --- CRC-32 (PNG sec. 5.5): reflected polynomial 0xEDB88320, table driven ----------------------

constexpr std::array<std::uint32_t, 256> make_crc_table() {
  std::array<std::uint32_t, 256> table = {};
  for (std::uint32_t n = 0; n < 256; ++n) {
    std::uint32_t c = n;
    for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
    table[n] = c;
  }
  return table;
}
constexpr std::array<std::uint32_t, 256> kCrcTable = make_crc_table();

std::uint32_t crc32_update(std::uint32_t crc, const std::uint8_t* data, std::size_t size) {
  std::uint32_t c = crc ^ 0xFFFFFFFFu;
  for (std::size_t i = 0; i < size; ++i) c = kCrcTable[(c ^ data[i]) & 0xFF] ^ (c >> 8);
  return c ^ 0xFFFFFFFFu;
}

// --- Adler-32 (RFC 1950 sec. 8.2) ---------------------------------------------------------------

std::uint32_t adler32(const std::uint8_t* data, std::size_t size) {
  constexpr std::uint32_t kBase = 65521;
  // The largest n for which 255 * n * (n + 1) / 2 + (n + 1) * (kBase - 1) fits in 32 bits: the
  // sums may run this many bytes before a modulo.
  constexpr std::size_t kRun = 5552;
  std::uint32_t a = 1, b = 0;
  while (size > 0) {
    const std::size_t n = std::min(size, kRun);
    for (std::size_t i = 0; i < n; ++i) {
      a += data[i];
      b += a;
    }
    a %= kBase;
    b %= kBase;
    data += n;
    size -= n;
  }
  return (b << 16) | a;
}

// --- Big-endian output and chunks -----------------------------------------------------------------

void put_u32_be(std::vector<std::uint8_t>& out, std::uint32_t v) {
  out.push_back(static_cast<std::uint8_t>(v >> 24));
  out.push_back(static_cast<std::uint8_t>(v >> 16));
  out.push_back(static_cast<std::uint8_t>(v >> 8));
  out.push_back(static_cast<std::uint8_t>(v));
}

// Appends length, type, data and the CRC of type + data.
void put_chunk(std::vector<std::uint8_t>& out, const char (&type)[5], const std::uint8_t* data, std::size_t size) {
  put_u32_be(out, static_cast<std::uint32_t>(size));
  const std::size_t type_at = out.size();
  out.insert(out.end(), type, type + 4);
  if (size > 0) out.insert(out.end(), data, data + size);
  put_u32_be(out, crc32_update(0, out.data() + type_at, 4 + size));
}

// --- Filters (PNG sec. 9) -----------------------------------------------------------------------

constexpr int kBpp = 4;  // bytes per complete pixel, RGBA8

// The Paeth predictor (sec. 9.4) from the left (a), upper (b) and upper-left (c) bytes, written so
// that the compiler emits selects rather than branches (noise would defeat a branch predictor).
inline int paeth(int a, int b, int c) {
  const int pa = std::abs(b - c);          // |p - a| with p = a + b - c
  const int pb = std::abs(a - c);          // |p - b|
  const int pc = std::abs(a + b - 2 * c);  // |p - c|
  const int b_or_c = pb <= pc ? b : c;
  return pa <= pb && pa <= pc ? a : b_or_c;
}

// |byte| with the byte read as a signed value: the filter heuristic's measure.
inline std::uint32_t magnitude(int byte) {
  return static_cast<std::uint32_t>(std::abs(static_cast<int>(static_cast<std::int8_t>(byte))));
}

// Calls fn(i, x, a, b, c) for every byte of the row: x the byte, a the byte one pixel left, b the
// byte above, c the byte above-left (0 outside the image). The first pixel is split off so that the
// main loop has no tests.
template <class Fn>
inline void for_each_byte(const std::uint8_t* row, const std::uint8_t* above, std::size_t row_bytes, Fn&& fn) {
  const std::size_t lead = std::min<std::size_t>(kBpp, row_bytes);
  for (std::size_t i = 0; i < lead; ++i) fn(i, row[i], 0, above[i], 0);
  for (std::size_t i = lead; i < row_bytes; ++i) fn(i, row[i], row[i - kBpp], above[i], above[i - kBpp]);
}

// Writes the filter type byte and the filtered row to `out` (1 + row_bytes bytes). `above` is the
// previous unfiltered row (zeros for the first row). One pass measures the four filters, a second
// writes the chosen one.
void filter_row(const std::uint8_t* row, const std::uint8_t* above, std::size_t row_bytes, std::uint8_t* out) {
  std::uint32_t sum_none = 0, sum_sub = 0, sum_up = 0, sum_paeth = 0;
  for_each_byte(row, above, row_bytes, [&](std::size_t, int x, int a, int b, int c) {
    sum_none += magnitude(x);
    sum_sub += magnitude(x - a);
    sum_up += magnitude(x - b);
    sum_paeth += magnitude(x - paeth(a, b, c));
  });
  // Ties go to the simpler filter (the first in PNG's order).
  std::uint8_t type = 0;
  std::uint32_t best = sum_none;
  if (sum_sub < best) type = 1, best = sum_sub;
  if (sum_up < best) type = 2, best = sum_up;
  if (sum_paeth < best) type = 4;
  out[0] = type;
  std::uint8_t* f = out + 1;
  switch (type) {
    case 0: std::memcpy(f, row, row_bytes); break;
    case 1:
      for_each_byte(row, above, row_bytes,
                    [f](std::size_t i, int x, int a, int, int) { f[i] = static_cast<std::uint8_t>(x - a); });
      break;
    case 2:
      for_each_byte(row, above, row_bytes,
                    [f](std::size_t i, int x, int, int b, int) { f[i] = static_cast<std::uint8_t>(x - b); });
      break;
    default:
      for_each_byte(row, above, row_bytes, [f](std::size_t i, int x, int a, int b, int c) {
        f[i] = static_cast<std::uint8_t>(x - paeth(a, b, c));
      });
      break;
  }
}

// --- DEFLATE with the fixed Huffman codes (RFC 1951) ------------------------------------------

// LSB-first bit packer (RFC 1951 sec. 3.1.1). Huffman codes are stored already bit-reversed.
class BitWriter {
 public:
  explicit BitWriter(std::vector<std::uint8_t>& out) : out_(out) {}
  // n <= 32
  void put(std::uint32_t bits, int n) {
    acc_ |= static_cast<std::uint64_t>(bits) << count_;
    count_ += n;
    if (count_ >= 32) {
      for (int k = 0; k < 4; ++k) out_.push_back(static_cast<std::uint8_t>(acc_ >> (8 * k)));
      acc_ >>= 32;
      count_ -= 32;
    }
  }
  // Pads the last byte with zero bits.
  void flush() {
    while (count_ > 0) {
      out_.push_back(static_cast<std::uint8_t>(acc_));
      acc_ >>= 8;
      count_ = std::max(0, count_ - 8);
    }
    acc_ = 0;
  }

 private:
  std::vector<std::uint8_t>& out_;
  std::uint64_t acc_ = 0;
  int count_ = 0;
};

constexpr std::uint32_t reverse_bits(std::uint32_t code, int n) {
  std::uint32_t r = 0;
  for (int i = 0; i < n; ++i) r |= ((code >> i) & 1u) << (n - 1 - i);
  return r;
}

struct Code {
  std::uint32_t bits = 0;  // already reversed, ready for the LSB-first writer
  int length = 0;
};

// The fixed literal/length code of RFC 1951 sec. 3.2.6.
constexpr std::array<Code, 288> make_fixed_litlen() {
  std::array<Code, 288> codes = {};
  for (std::uint32_t s = 0; s < 288; ++s) {
    std::uint32_t code = 0;
    int n = 0;
    if (s < 144)
      code = 0x30 + s, n = 8;
    else if (s < 256)
      code = 0x190 + (s - 144), n = 9;
    else if (s < 280)
      code = s - 256, n = 7;
    else
      code = 0xC0 + (s - 280), n = 8;
    codes[s] = Code{reverse_bits(code, n), n};
  }
  return codes;
}
constexpr std::array<Code, 288> kFixedLitLen = make_fixed_litlen();

// A length (3..258) or distance (1..32768) as its symbol and extra bits (RFC 1951 sec. 3.2.5).
struct Symbol {
  std::uint16_t code = 0;   // length: 257..285; distance: 0..29
  std::uint8_t extra = 0;   // number of extra bits
  std::uint16_t value = 0;  // the extra bits
};

constexpr int floor_log2(std::uint32_t x) { return 31 - std::countl_zero(x); }

constexpr Symbol length_symbol(int length) {
  const std::uint32_t x = static_cast<std::uint32_t>(length - 3);
  if (length == 258) return Symbol{285, 0, 0};
  if (x < 8) return Symbol{static_cast<std::uint16_t>(257 + x), 0, 0};
  const int nbits = floor_log2(x);  // 3..7
  const int extra = nbits - 2;
  const std::uint32_t code = 257 + 4 * (nbits - 1) + ((x >> extra) & 3u);
  return Symbol{static_cast<std::uint16_t>(code), static_cast<std::uint8_t>(extra),
                static_cast<std::uint16_t>(x & ((1u << extra) - 1))};
}

constexpr Symbol distance_symbol(int distance) {
  const std::uint32_t x = static_cast<std::uint32_t>(distance - 1);
  if (x < 4) return Symbol{static_cast<std::uint16_t>(x), 0, 0};
  const int nbits = floor_log2(x);  // 2..14
  const int extra = nbits - 1;
  const std::uint32_t code = 2 * nbits + ((x >> extra) & 1u);
  return Symbol{static_cast<std::uint16_t>(code), static_cast<std::uint8_t>(extra),
                static_cast<std::uint16_t>(x & ((1u << extra) - 1))};
}

constexpr std::array<Symbol, 259> make_length_table() {
  std::array<Symbol, 259> t = {};
  for (int len = 3; len <= 258; ++len) t[len] = length_symbol(len);
  return t;
}
constexpr std::array<Symbol, 259> kLengthSymbols = make_length_table();

constexpr int kMinMatch = 3;
constexpr int kMaxMatch = 258;
constexpr int kWindow = 32768;
constexpr int kMaxChain = 32;
constexpr int kHashBits = 16;

// Greedy LZ77 + fixed Huffman over data[0, size), as one final block. Positions are int32: the
// largest image gives 16384 * (1 + 4 * 16384) bytes, under 2^31.
class FixedDeflater {
 public:
  FixedDeflater(const std::uint8_t* data, std::int32_t size, std::vector<std::uint8_t>& out)
      : data_(data), size_(size), bits_(out), head_(std::size_t{1} << kHashBits, -1), prev_(kWindow, -1) {}

  void run() {
    bits_.put(1, 1);  // BFINAL
    bits_.put(1, 2);  // BTYPE = 01, fixed Huffman
    std::int32_t pos = 0;
    while (pos < size_) {
      int best_len = 0;
      std::int32_t best_dist = 0;
      if (size_ - pos >= kMinMatch) {
        find_match(pos, best_len, best_dist);
        insert(pos);
      }
      if (best_len >= kMinMatch) {
        put_match(best_len, best_dist);
        // Index the positions the match covers, so later data can refer back into it.
        const std::int32_t end = pos + best_len;
        const std::int32_t last_hashable = size_ - kMinMatch;
        for (std::int32_t p = pos + 1; p < end && p <= last_hashable; ++p) insert(p);
        pos = end;
      } else {
        put_literal(data_[pos]);
        ++pos;
      }
    }
    put_symbol(256);  // end of block
    bits_.flush();
  }

 private:
  std::uint32_t hash(std::int32_t pos) const {
    const std::uint8_t* p = data_ + pos;
    const std::uint32_t v = (std::uint32_t{p[0]} << 16) | (std::uint32_t{p[1]} << 8) | p[2];
    return (v * 2654435761u) >> (32 - kHashBits);
  }

  void insert(std::int32_t pos) {
    const std::uint32_t h = hash(pos);
    prev_[static_cast<std::size_t>(pos & (kWindow - 1))] = head_[h];
    head_[h] = pos;
  }

  // Length of the common prefix of data[a...] and data[b...], a < b, at most `limit`.
  int match_length(std::int32_t a, std::int32_t b, int limit) const {
    const std::uint8_t* pa = data_ + a;
    const std::uint8_t* pb = data_ + b;
    int n = 0;
    if constexpr (std::endian::native == std::endian::little) {
      while (n + 8 <= limit) {
        std::uint64_t wa = 0, wb = 0;
        std::memcpy(&wa, pa + n, 8);
        std::memcpy(&wb, pb + n, 8);
        const std::uint64_t diff = wa ^ wb;
        if (diff != 0) return n + std::countr_zero(diff) / 8;
        n += 8;
      }
    }
    while (n < limit && pa[n] == pb[n]) ++n;
    return n;
  }

  // Walks the chain of earlier positions with the same hash. A prev_ slot is overwritten one
  // window later, so every candidate within kWindow of pos still has its own link.
  void find_match(std::int32_t pos, int& best_len, std::int32_t& best_dist) const {
    const int limit = static_cast<int>(std::min<std::int32_t>(kMaxMatch, size_ - pos));
    std::int32_t cand = head_[hash(pos)];
    for (int chain = 0; chain < kMaxChain && cand >= 0; ++chain) {
      const std::int32_t dist = pos - cand;
      if (dist > kWindow) break;
      // Cheap rejection: a longer match must agree at the byte just past the best so far.
      if (best_len == 0 || data_[cand + best_len] == data_[pos + best_len]) {
        const int len = match_length(cand, pos, limit);
        if (len > best_len) {
          best_len = len;
          best_dist = dist;
          if (len >= limit) break;  // cannot do better: long runs stay cheap
        }
      }
      const std::int32_t next = prev_[static_cast<std::size_t>(cand & (kWindow - 1))];
      if (next >= cand) break;
      cand = next;
    }
    if (best_len < kMinMatch) best_len = 0;
  }

  void put_symbol(int s) {
    const Code& c = kFixedLitLen[static_cast<std::size_t>(s)];
    bits_.put(c.bits, c.length);
  }
  void put_literal(std::uint8_t byte) { put_symbol(byte); }

  void put_match(int length, std::int32_t distance) {
    const Symbol& l = kLengthSymbols[static_cast<std::size_t>(length)];
    put_symbol(l.code);
    if (l.extra > 0) bits_.put(l.value, l.extra);
    const Symbol d = distance_symbol(distance);
    bits_.put(reverse_bits(d.code, 5), 5);  // the fixed distance code: 5 bits, code = symbol
    if (d.extra > 0) bits_.put(d.value, d.extra);
  }

  const std::uint8_t* data_;
  std::int32_t size_;
  BitWriter bits_;
  std::vector<std::int32_t> head_;
  std::vector<std::int32_t> prev_;
};

// The zlib stream (RFC 1950) of `data`.
void put_zlib(const std::uint8_t* data, std::size_t size, std::vector<std::uint8_t>& out) {
  // CMF: CM = 8 (deflate), CINFO = 7 (32 KiB window). FLG: FLEVEL = 1 ("fast"), no dictionary,
  // FCHECK making CMF * 256 + FLG a multiple of 31.
  constexpr std::uint32_t cmf = 0x78;
  constexpr std::uint32_t flevel = 1u << 6;
  constexpr std::uint32_t flg = flevel + (31 - (cmf * 256 + flevel) % 31) % 31;
  static_assert((cmf * 256 + flg) % 31 == 0);
  out.push_back(static_cast<std::uint8_t>(cmf));
  out.push_back(static_cast<std::uint8_t>(flg));
  FixedDeflater(data, static_cast<std::int32_t>(size), out).run();
  put_u32_be(out, adler32(data, size));
}

constexpr std::size_t kMaxIdat = 256 * 1024;

}  // namespace

std::vector<std::uint8_t> encode_png(const std::uint8_t* rgba, int width, int height) {
  if (rgba == nullptr || width <= 0 || height <= 0 || width > kPngMaxDimension || height > kPngMaxDimension) {
    return {};
  }
  const std::size_t w = static_cast<std::size_t>(width);
  const std::size_t h = static_cast<std::size_t>(height);
  const std::size_t row_bytes = w * kBpp;
  const std::size_t line = 1 + row_bytes;

  std::vector<std::uint8_t> zlib;
  {
    // Filtered scanlines: the uncompressed zlib payload (PNG sec. 7.3), freed once compressed.
    std::vector<std::uint8_t> filtered(h * line);
    std::vector<std::uint8_t> zero_row(row_bytes, 0);
    for (std::size_t y = 0; y < h; ++y) {
      const std::uint8_t* row = rgba + y * row_bytes;
      const std::uint8_t* above = y == 0 ? zero_row.data() : row - row_bytes;
      filter_row(row, above, row_bytes, filtered.data() + y * line);
    }
    zlib.reserve(filtered.size() / 8 + 1024);
    put_zlib(filtered.data(), filtered.size(), zlib);
  }

  std::vector<std::uint8_t> png;
  png.reserve(zlib.size() + (zlib.size() / kMaxIdat + 1) * 12 + 64);
  static constexpr std::uint8_t kSignature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
  png.insert(png.end(), kSignature, kSignature + 8);

  std::vector<std::uint8_t> ihdr;
  put_u32_be(ihdr, static_cast<std::uint32_t>(width));
  put_u32_be(ihdr, static_cast<std::uint32_t>(height));
  ihdr.push_back(8);  // bit depth
  ihdr.push_back(6);  // colour type: truecolour with alpha
  ihdr.push_back(0);  // compression method: deflate
  ihdr.push_back(0);  // filter method: adaptive, five types
  ihdr.push_back(0);  // no interlace
  put_chunk(png, "IHDR", ihdr.data(), ihdr.size());

  for (std::size_t at = 0; at < zlib.size(); at += kMaxIdat) {
    put_chunk(png, "IDAT", zlib.data() + at, std::min(kMaxIdat, zlib.size() - at));
  }
  put_chunk(png, "IEND", nullptr, 0);
  return png;
}

}  // namespace ccap
