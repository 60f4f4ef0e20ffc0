#pragma once
// A PNG encoder for map snapshots, written here so that the app needs no image library.
//
// What it writes (PNG, ISO/IEC 15948 / W3C PNG 2nd edition): the 8-byte signature, an IHDR chunk
// (colour type 6 = RGBA, bit depth 8, compression 0, filter method 0, no interlace; sec. 11.2.2),
// the image data as one or several IDAT chunks of at most 256 KiB (sec. 11.2.4), and IEND. Every
// chunk carries its CRC-32 (ISO 3309 / ITU-T V.42 polynomial, sec. 5.5 and annex D).
//
// The IDAT payload is a zlib stream (RFC 1950: CMF/FLG header, Adler-32 of the uncompressed data at
// the end) holding one DEFLATE block (RFC 1951) with the fixed Huffman codes (BTYPE=01, sec. 3.2.6)
// and LZ77 matches found greedily: a hash of the next 3 bytes indexes a head/prev chain table over
// the 32 KiB window, at most 32 candidates are tried per position, lengths are 3..258 and
// distances 1..32768, and the search stops at the first match of the maximum length. There are no
// dynamic Huffman trees, no lazy matching and no stored blocks: incompressible data (noise) grows by
// at most 1/8 plus a few bytes.
//
// Each scanline is filtered (sec. 9) with whichever of None, Sub, Up and Paeth gives the smallest
// sum of the filtered bytes taken as signed values, |b| for b < 128 else 256 - b (the heuristic of
// sec. 12.8); Average is never used.
//
// Cost: O(width * height) time with a small constant (one pass measuring the four filters and one
// writing the chosen one per row, then at most 32 chain steps per byte not covered by a match; a
// flat area costs one 258-byte match per 258 bytes). Memory: the filtered image (height *
// (1 + 4 * width) bytes), the output and 384 KiB of match tables. A 3840x2160 map takes about
// 0.2 s natively at -O2 (noise, the worst case, about 0.8 s).
#include <cstdint>
#include <vector>

namespace ccap {

// The largest width or height encode_png accepts.
inline constexpr int kPngMaxDimension = 16384;

// `rgba`: width * height pixels, 4 bytes each (R, G, B, A; alpha not premultiplied), rows top
// first, a row every width * 4 bytes. Returns the PNG file's bytes, or an empty vector when rgba is
// null or a dimension is <= 0 or > kPngMaxDimension.
std::vector<std::uint8_t> encode_png(const std::uint8_t* rgba, int width, int height);

}  // namespace ccap
