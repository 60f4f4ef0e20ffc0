#pragma once
// Whether a TrueType font is safe to hand to Dear ImGui's rasteriser (stb_truetype), which trusts
// every offset and count in the file: a font cut short, or random bytes, made it read past the end
// (SIGSEGV natively, a page stuck on "Starting..." in the browser). Checked here, before it is
// used, is everything stb_truetype reads for the atlas (OpenType spec, "Font file" and the tables
// below; https://learn.microsoft.com/typography/opentype/spec/):
//   - the table directory, and every table inside the file;
//   - head (unitsPerEm 16..16384, indexToLocFormat 0 or 1), hhea (a line height above zero,
//     1..numGlyphs long metrics), maxp (numGlyphs), hmtx long enough for them;
//   - loca: numGlyphs + 1 offsets, never decreasing, none past the end of glyf;
//   - glyf: each glyph inside its loca range - a simple glyph's contour ends rising, its flags and
//     coordinates inside it, its box at most kMaxGlyphEms em from the origin; a composite's parts
//     real glyphs, nested at most kMaxCompositeDepth deep and never in a cycle;
//   - cmap: at least one Unicode subtable (platform 0, or 3 with encoding 1 or 10), every one of
//     them of format 0, 4, 6, 12 or 13 and inside the table, format 4's binary-search fields
//     consistent with its segment count and its glyph-id array reads inside the table.
// Only glyph outlines (glyf) are accepted: a CFF font ("OTTO") is refused.
#include <cstdint>
#include <span>
#include <string>

namespace ccap {

inline constexpr int kMaxCompositeDepth = 8;
inline constexpr int kMaxGlyphEms = 8;

// "" when `font` is safe to rasterise; otherwise what is wrong, e.g. "the 'loca' table ends past
// the end of the file".
std::string check_truetype(std::span<const std::uint8_t> font);

}  // namespace ccap
