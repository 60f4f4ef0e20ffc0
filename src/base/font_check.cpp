#include "base/font_check.h"

#include <algorithm>
#include <cstring>
#include <optional>
#include <vector>

namespace ccap {

namespace {

// A table's bytes, read big-endian; a read outside them is refused by the caller's checks first.
struct Bytes {
  std::span<const std::uint8_t> b;
  std::size_t size() const { return b.size(); }
  bool has(std::size_t at, std::size_t n) const { return at <= b.size() && n <= b.size() - at; }
  std::uint8_t u8(std::size_t at) const { return b[at]; }
  std::uint16_t u16(std::size_t at) const { return static_cast<std::uint16_t>(b[at] << 8 | b[at + 1]); }
  std::int16_t i16(std::size_t at) const { return static_cast<std::int16_t>(u16(at)); }
  std::uint32_t u32(std::size_t at) const {
    return static_cast<std::uint32_t>(b[at]) << 24 | static_cast<std::uint32_t>(b[at + 1]) << 16 |
           static_cast<std::uint32_t>(b[at + 2]) << 8 | b[at + 3];
  }
  Bytes sub(std::size_t at, std::size_t n) const { return {b.subspan(at, n)}; }
};

std::string quoted(const char* tag) { return std::string("the '") + tag + "' table"; }

class Checker {
 public:
  explicit Checker(Bytes file) : file_(file) {}

  std::string run() {
    if (!file_.has(0, 12)) return "shorter than a font's header (" + std::to_string(file_.size()) + " bytes)";
    const std::uint32_t version = file_.u32(0);
    if (version == 0x4f54544f) return "a CFF font ('OTTO'): only TrueType outlines are supported";
    if (version != 0x00010000 && version != 0x74727565) return "not a TrueType font (no sfnt header)";
    const std::size_t tables = file_.u16(4);
    if (!file_.has(12, 16 * tables)) return "its table directory ends past the end of the file";
    for (const char* tag : {"cmap", "head", "hhea", "hmtx", "maxp", "loca", "glyf"}) {
      const auto t = table(tag, tables);
      if (!t) return quoted(tag) + (found_ ? " ends past the end of the file" : " is missing");
    }
    const Bytes head = *table("head", tables), hhea = *table("hhea", tables), maxp = *table("maxp", tables);
    if (!head.has(0, 54)) return quoted("head") + " is too short";
    if (!hhea.has(0, 36)) return quoted("hhea") + " is too short";
    if (!maxp.has(0, 6)) return quoted("maxp") + " is too short";
    units_ = head.u16(18);
    if (units_ < 16 || units_ > 16384) return "unitsPerEm " + std::to_string(units_) + " is not 16 to 16384";
    const int loca_format = head.i16(50);
    if (loca_format != 0 && loca_format != 1) return "indexToLocFormat is not 0 or 1";
    glyphs_ = maxp.u16(4);
    if (glyphs_ == 0) return "it has no glyphs";
    if (hhea.i16(4) - hhea.i16(6) <= 0) return "its line height (ascender - descender) is not above zero";
    const std::size_t long_metrics = hhea.u16(34);
    if (long_metrics == 0 || long_metrics > glyphs_) return "numberOfHMetrics is not 1 to numGlyphs";
    if (!table("hmtx", tables)->has(0, 4 * long_metrics + 2 * (glyphs_ - long_metrics)))
      return quoted("hmtx") + " is too short for its glyphs";
    if (std::string e = check_loca(*table("loca", tables), *table("glyf", tables), loca_format); !e.empty()) return e;
    for (std::size_t g = 0; g < glyphs_; ++g)
      if (std::string e = check_glyph(g, 0); !e.empty()) return "glyph " + std::to_string(g) + ": " + e;
    return check_cmap(*table("cmap", tables));
  }

 private:
  // The first table with `tag` (as stb_truetype finds it), if it lies inside the file.
  std::optional<Bytes> table(const char* tag, std::size_t tables) {
    found_ = false;
    for (std::size_t i = 0; i < tables; ++i) {
      const std::size_t at = 12 + 16 * i;
      if (std::memcmp(file_.b.data() + at, tag, 4) != 0) continue;
      found_ = true;
      const std::size_t offset = file_.u32(at + 8), length = file_.u32(at + 12);
      if (!file_.has(offset, length)) return std::nullopt;
      return file_.sub(offset, length);
    }
    return std::nullopt;
  }

  std::string check_loca(Bytes loca, Bytes glyf, int format) {
    const std::size_t entry = format == 0 ? 2 : 4;
    if (!loca.has(0, (glyphs_ + 1) * entry)) return quoted("loca") + " is too short for numGlyphs + 1 offsets";
    offsets_.resize(glyphs_ + 1);
    for (std::size_t g = 0; g <= glyphs_; ++g) {
      offsets_[g] = format == 0 ? std::size_t{loca.u16(2 * g)} * 2 : std::size_t{loca.u32(4 * g)};
      if (offsets_[g] > glyf.size()) return quoted("loca") + " points past the end of 'glyf'";
      if (g > 0 && offsets_[g] < offsets_[g - 1]) return quoted("loca") + "'s offsets go backwards";
    }
    glyf_ = glyf;
    height_.assign(glyphs_, -1);
    visiting_.assign(glyphs_, false);
    return {};
  }

  // Glyph `g` as stb_truetype reads it (stbtt__GetGlyphShapeTT), `depth` parts deep. Each glyph is
  // read once: then how deep its own parts go (height_) answers for every later use.
  std::string check_glyph(std::size_t g, int depth) {
    if (height_[g] >= 0)
      return depth + height_[g] > kMaxCompositeDepth
                 ? "parts nested more than " + std::to_string(kMaxCompositeDepth) + " deep"
                 : std::string();
    std::string e = read_glyph(g, depth);
    if (e.empty() && height_[g] < 0) height_[g] = 0;
    return e;
  }

  std::string read_glyph(std::size_t g, int depth) {
    const std::size_t begin = offsets_[g], end = offsets_[g + 1];
    if (begin == end) return {};  // no outline (a space)
    const Bytes glyph = glyf_.sub(begin, end - begin);
    if (!glyph.has(0, 10)) return "shorter than its header";
    const int x0 = glyph.i16(2), y0 = glyph.i16(4), x1 = glyph.i16(6), y1 = glyph.i16(8);
    const int reach = kMaxGlyphEms * static_cast<int>(units_);
    if (x0 > x1 || y0 > y1) return "its box is upside down";
    for (int v : {x0, y0, x1, y1})
      if (v < -reach || v > reach) return "its box reaches more than " + std::to_string(kMaxGlyphEms) + " em";
    const int contours = glyph.i16(0);
    if (contours > 0) return check_simple(glyph, static_cast<std::size_t>(contours));
    if (contours < 0) return check_composite(glyph, g, depth);
    return {};
  }

  static std::string check_simple(Bytes glyph, std::size_t contours) {
    std::size_t at = 10;
    if (!glyph.has(at, 2 * contours + 2)) return "its contour ends run past it";
    std::size_t points = 0;
    for (std::size_t c = 0; c < contours; ++c) {
      const std::size_t last = glyph.u16(at + 2 * c);
      if (c > 0 && last < points) return "its contour ends do not rise";
      points = last + 1;
    }
    at += 2 * contours;
    at += 2 + glyph.u16(at);  // the instructions
    std::size_t x_bytes = 0, y_bytes = 0;
    for (std::size_t p = 0; p < points;) {
      if (!glyph.has(at, 1)) return "its flags run past it";
      const std::uint8_t flags = glyph.u8(at++);
      std::size_t repeat = 1;
      if (flags & 0x08) {
        if (!glyph.has(at, 1)) return "its flags run past it";
        repeat += glyph.u8(at++);
      }
      repeat = std::min(repeat, points - p);  // stb_truetype stops at the last point
      x_bytes += repeat * ((flags & 0x02) ? 1 : (flags & 0x10) ? 0 : 2);
      y_bytes += repeat * ((flags & 0x04) ? 1 : (flags & 0x20) ? 0 : 2);
      p += repeat;
    }
    if (!glyph.has(at, x_bytes + y_bytes)) return "its coordinates run past it";
    return {};
  }

  std::string check_composite(Bytes glyph, std::size_t g, int depth) {
    if (depth >= kMaxCompositeDepth) return "parts nested more than " + std::to_string(kMaxCompositeDepth) + " deep";
    if (visiting_[g]) return "a part that contains itself";
    visiting_[g] = true;
    int height = 0;
    std::size_t at = 10;
    for (bool more = true; more;) {
      if (!glyph.has(at, 4)) return "its parts run past it";
      const std::uint16_t flags = glyph.u16(at), part = glyph.u16(at + 2);
      at += 4;
      if (!(flags & 0x0002)) return "a part placed by matching points (not supported)";
      at += (flags & 0x0001) ? 4 : 2;
      at += (flags & 0x0008) ? 2 : (flags & 0x0040) ? 4 : (flags & 0x0080) ? 8 : 0;
      if (!glyph.has(at, 0)) return "its parts run past it";
      if (part >= glyphs_) return "a part that is not a glyph (" + std::to_string(part) + ")";
      if (std::string e = check_glyph(part, depth + 1); !e.empty()) return "part " + std::to_string(part) + ": " + e;
      height = std::max(height, 1 + height_[part]);
      more = (flags & 0x0020) != 0;
    }
    visiting_[g] = false;
    height_[g] = height;
    return {};
  }

  // Every Unicode subtable stb_truetype may pick, and every glyph it maps to.
  std::string check_cmap(Bytes cmap) {
    if (!cmap.has(0, 4)) return quoted("cmap") + " is too short";
    const std::size_t records = cmap.u16(2);
    if (!cmap.has(4, 8 * records)) return quoted("cmap") + "'s records run past it";
    bool unicode = false;
    for (std::size_t r = 0; r < records; ++r) {
      const std::size_t platform = cmap.u16(4 + 8 * r), encoding = cmap.u16(6 + 8 * r);
      if (!(platform == 0 || (platform == 3 && (encoding == 1 || encoding == 10)))) continue;
      unicode = true;
      const std::size_t offset = cmap.u32(8 + 8 * r);
      if (!cmap.has(offset, 4)) return quoted("cmap") + ": a subtable starts past its end";
      if (std::string e = check_subtable(cmap, offset); !e.empty()) return quoted("cmap") + ": " + e;
    }
    if (!unicode) return quoted("cmap") + " has no Unicode subtable";
    return {};
  }

  std::string glyph_id(std::size_t id) const {
    return id < glyphs_ ? std::string()
                        : "a character mapped to glyph " + std::to_string(id) + " of " + std::to_string(glyphs_);
  }

  std::string check_subtable(Bytes cmap, std::size_t at) {
    const std::size_t format = cmap.u16(at);
    switch (format) {
      case 0: {
        const std::size_t length = cmap.u16(at + 2);
        if (length < 6 || !cmap.has(at, length)) return "a format 0 subtable runs past it";
        for (std::size_t i = 6; i < length; ++i)
          if (std::string e = glyph_id(cmap.u8(at + i)); !e.empty()) return e;
        return {};
      }
      case 6: {
        if (!cmap.has(at, 10)) return "a format 6 subtable runs past it";
        const std::size_t count = cmap.u16(at + 8);
        if (!cmap.has(at + 10, 2 * count)) return "a format 6 subtable runs past it";
        for (std::size_t i = 0; i < count; ++i)
          if (std::string e = glyph_id(cmap.u16(at + 10 + 2 * i)); !e.empty()) return e;
        return {};
      }
      case 4: return check_format4(cmap, at);
      case 12:
      case 13: {
        if (!cmap.has(at, 16)) return "a format 12 or 13 subtable runs past it";
        const std::size_t groups = cmap.u32(at + 12);
        if (!cmap.has(at + 16, 12 * groups)) return "a format 12 or 13 subtable's groups run past it";
        for (std::size_t i = 0; i < groups; ++i) {
          const std::size_t g = at + 16 + 12 * i;
          const std::uint64_t first = cmap.u32(g), last = cmap.u32(g + 4), glyph = cmap.u32(g + 8);
          if (first > last || last > 0x10FFFF) return "a group of characters that is not a range";
          if (std::string e = glyph_id(format == 12 ? glyph + (last - first) : glyph); !e.empty()) return e;
        }
        return {};
      }
      default: return "a subtable of format " + std::to_string(format) + " (0, 4, 6, 12 and 13 are read)";
    }
  }

  // Format 4: segments of characters, found by a binary search whose steps the header gives.
  std::string check_format4(Bytes cmap, std::size_t at) {
    if (!cmap.has(at, 14)) return "a format 4 subtable runs past it";
    const std::size_t segments2 = cmap.u16(at + 6), segments = segments2 / 2;
    if (segments == 0 || segments2 % 2 != 0) return "a format 4 subtable's segment count is odd or zero";
    std::size_t power = 1, log2 = 0;
    while (power * 2 <= segments) power *= 2, ++log2;
    if (cmap.u16(at + 8) != 2 * power || cmap.u16(at + 10) != log2 || cmap.u16(at + 12) != segments2 - 2 * power)
      return "a format 4 subtable's search fields do not match its segment count";
    const std::size_t ends = at + 14, starts = ends + segments2 + 2, deltas = starts + segments2,
                      ranges = deltas + segments2;
    if (!cmap.has(ends, 4 * segments2 + 2)) return "a format 4 subtable's segments run past it";
    for (std::size_t s = 0; s < segments; ++s) {
      const std::size_t last = cmap.u16(ends + 2 * s), first = cmap.u16(starts + 2 * s);
      if (s > 0 && last <= cmap.u16(ends + 2 * s - 2)) return "a format 4 subtable's segments are not in order";
      if (first > last) return "a format 4 segment that ends before it starts";
      const std::size_t delta = cmap.u16(deltas + 2 * s), range = cmap.u16(ranges + 2 * s);
      if (range == 0) {
        for (std::size_t c = first; c <= last; ++c)
          if (std::string e = glyph_id((c + delta) & 0xFFFF); !e.empty() && c != 0xFFFF) return e;
        continue;
      }
      const std::size_t ids = ranges + 2 * s + range;  // glyphIdArray[c - first] from here
      if (!cmap.has(ids, 2 * (last - first + 1))) return "a format 4 segment reads past the subtable";
      for (std::size_t c = first; c <= last; ++c)
        if (std::string e = glyph_id(cmap.u16(ids + 2 * (c - first))); !e.empty()) return e;
    }
    if (cmap.u16(ends + segments2 - 2) != 0xFFFF) return "a format 4 subtable's last segment does not end at U+FFFF";
    return {};
  }

  Bytes file_, glyf_{};
  bool found_ = false;
  std::size_t units_ = 0, glyphs_ = 0;
  std::vector<std::size_t> offsets_;
  std::vector<bool> visiting_;
  std::vector<int> height_;  // per glyph: how deep its parts nest (-1: not read yet)
};

}  // namespace

std::string check_truetype(std::span<const std::uint8_t> font) { return Checker({font}).run(); }

}  // namespace ccap
