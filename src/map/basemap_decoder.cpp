// Reading the basemap file (format in basemap_format.h): every count checked against the bytes
// before anything is allocated, every index against what exists, every failure named with its
// level, section and byte.
#include <algorithm>
#include <cmath>
#include <cstring>
#include <string>
#include <tuple>

#include "base/binary_io.h"
#include "map/basemap_coding.h"
#include "map/basemap_format.h"

namespace ccap {

namespace {

using namespace basemap_coding;

// One section of a level: reads varints and bytes, never past its end, and says where it failed.
class Section {
 public:
  Section(std::span<const std::uint8_t> bytes, std::size_t file_offset) : bytes_(bytes), file_offset_(file_offset) {}

  bool varint(std::uint32_t& v) {
    at_ = pos_;
    if (pos_ == bytes_.size()) return fail_number("the section ends inside a number");
    const std::uint8_t first = bytes_[pos_++];
    if (first < 0x80) {  // the common case: one byte
      v = first;
      return true;
    }
    return continue_varint(first, v);
  }
  // A varint whose first byte came from elsewhere (the land vertices' first bytes): the rest.
  bool rest_of_varint(std::uint8_t first, std::uint32_t& v) {
    at_ = pos_;
    return continue_varint(first, v);
  }
  bool signed_varint(std::int64_t& v) {
    std::uint32_t u = 0;
    if (!varint(u)) return false;
    v = unzigzag(u);
    return true;
  }
  bool byte(std::uint8_t& b) {
    at_ = pos_;
    if (pos_ == bytes_.size()) return fail_number("the section ends early");
    b = bytes_[pos_++];
    return true;
  }
  // The next n bytes (at most what is left) as a section of their own; this one goes on after them.
  Section take_front(std::size_t n) {
    n = std::min(n, remaining());
    const Section front(bytes_.subspan(pos_, n), file_offset_ + pos_);
    pos_ += n;
    return front;
  }
  std::size_t remaining() const { return bytes_.size() - pos_; }
  // The file offset of the item read last (for messages).
  std::size_t offset() const { return file_offset_ + at_; }
  std::size_t end_offset() const { return file_offset_ + pos_; }
  const std::string& problem() const { return problem_; }

 private:
  bool continue_varint(std::uint8_t first, std::uint32_t& v) {
    std::uint32_t result = first & 0x7f;
    for (int shift = 7; shift < 35; shift += 7) {
      if (pos_ == bytes_.size()) return fail_number("the section ends inside a number");
      const std::uint8_t b = bytes_[pos_++];
      if (shift == 28 && (b & 0xf0)) return fail_number("a number is longer than 32 bits (bad varint)");
      result |= static_cast<std::uint32_t>(b & 0x7f) << shift;
      if (!(b & 0x80)) {
        v = result;
        return true;
      }
    }
    return false;  // not reached: the fifth byte either ends the number or fails above
  }
  bool fail_number(const char* why) {
    problem_ = why;
    return false;
  }
  std::span<const std::uint8_t> bytes_;
  std::size_t file_offset_ = 0;
  std::size_t pos_ = 0, at_ = 0;
  std::string problem_;
};

// ---------------------------------------------------------------------------------------------
// Decoding a level

class LevelDecoder {
 public:
  LevelDecoder(std::size_t level, std::int32_t grid, BasemapLevel& out) : level_(level), grid_(grid), out_(out) {}

  // The first bytes of all 2 x count numbers, then the rest of those that need more (see the header).
  bool vertices(Section rest, std::uint32_t count) {
    Section first = rest.take_front(std::size_t{count} * 2);  // the level table checked the size
    pool_.reserve(count);
    out_.land_vertices.reserve(count);
    const auto number = [&](std::int64_t& v) {
      std::uint8_t b = 0;
      std::uint32_t u = 0;
      if (!first.byte(b) || (b >= 0x80 && !rest.rest_of_varint(b, u))) return false;
      v = unzigzag(b < 0x80 ? b : u);
      return true;
    };
    std::int64_t x = 0, y = 0;
    for (std::uint32_t i = 0; i < count; ++i) {
      std::int64_t dx = 0, dy = 0;
      if (!number(dx) || !number(dy)) return fail(rest, "land vertices", rest.problem());
      x += dx;
      y += dy;
      if (!in_range(x) || !in_range(y))
        return fail(first, "land vertices", "vertex " + std::to_string(i) + " is beyond ±8 world widths");
      const IPoint p{static_cast<std::int32_t>(x), static_cast<std::int32_t>(y)};
      pool_.push_back(p);
      out_.land_vertices.push_back(world_of(p));
    }
    return done(rest, "land vertices");
  }

  bool triangles(Section ops, Section args, std::uint32_t count) {
    const std::size_t vertices = pool_.size();
    auto& out = out_.land_indices;
    out.reserve(std::size_t{count} * 3);
    std::vector<std::array<std::uint32_t, 2>> gates;
    gates.reserve(std::size_t{count} * 2 + 3);
    const auto push = [&](std::uint32_t a, std::uint32_t b) {
      if (!consecutive(a, b)) gates.push_back({a, b});
    };
    const auto bad_index = [&](Section& s, const char* name, std::int64_t i) {
      return fail(
          s, name,
          "land index " + std::to_string(i) + " is out of range (" + std::to_string(vertices) + " land vertices)");
    };
    std::int64_t anchor = 0;
    while (out.size() < std::size_t{count} * 3) {
      if (gates.empty()) {
        std::int64_t da = 0, db = 0, dc = 0;
        if (!args.signed_varint(da) || !args.signed_varint(db) || !args.signed_varint(dc))
          return fail(args, "triangle arguments", args.problem());
        const std::int64_t a = anchor + da, b = a + db, c = a + dc;
        for (std::int64_t i : {a, b, c})
          if (i < 0 || i >= static_cast<std::int64_t>(vertices)) return bad_index(args, "triangle arguments", i);
        anchor = a;
        const auto ua = static_cast<std::uint32_t>(a), ub = static_cast<std::uint32_t>(b),
                   uc = static_cast<std::uint32_t>(c);
        out.push_back(ua);
        out.push_back(ub);
        out.push_back(uc);
        push(uc, ua);
        push(ub, uc);
        push(ua, ub);
        continue;
      }
      const auto [u, v] = gates.back();
      gates.pop_back();
      std::uint8_t op = 0;
      if (!ops.byte(op)) return fail(ops, "triangle ops", "the ops end before the triangle count");
      std::int64_t w = 0;
      switch (op) {
        case 0: continue;
        case 1: w = std::int64_t{u} + 1; break;
        case 2: w = std::int64_t{u} - 1; break;
        case 3: w = std::int64_t{v} + 1; break;
        case 4: w = std::int64_t{v} - 1; break;
        case 5: {
          std::int64_t d = 0;
          if (!args.signed_varint(d)) return fail(args, "triangle arguments", args.problem());
          w = std::int64_t{u} + d;
          if (w < 0 || w >= static_cast<std::int64_t>(vertices)) return bad_index(args, "triangle arguments", w);
          break;
        }
        default: return fail(ops, "triangle ops", "unknown op " + std::to_string(op));
      }
      if (w < 0 || w >= static_cast<std::int64_t>(vertices)) return bad_index(ops, "triangle ops", w);
      const auto uw = static_cast<std::uint32_t>(w);
      out.push_back(v);
      out.push_back(u);
      out.push_back(uw);
      push(uw, v);
      push(u, uw);
    }
    return done(ops, "triangle ops") && done(args, "triangle arguments");
  }

  // Coastlines, then borders, then rivers: the pool of points and the previous point carry over.
  bool lines(Section s, const char* name, std::uint32_t polylines, std::uint32_t points, std::vector<Segment>& out) {
    out.reserve(points - polylines);
    pool_.reserve(pool_.size() + points);
    std::uint32_t seen = 0;
    for (std::uint32_t l = 0; l < polylines; ++l) {
      std::uint32_t n = 0;
      std::int64_t shift = 0;
      if (!s.varint(n)) return fail(s, name, s.problem());
      if (n < 2 || n > points - seen)
        return fail(s, name,
                    "polyline " + std::to_string(l) + " has " + std::to_string(n) +
                        " points (at least 2, at most the " + std::to_string(points - seen) +
                        " left of the level's count)");
      if (!s.signed_varint(shift)) return fail(s, name, s.problem());
      if (shift < -kBasemapMaxShift || shift > kBasemapMaxShift)
        return fail(s, name, "polyline " + std::to_string(l) + ": world shift " + std::to_string(shift) + " beyond ±8");
      const std::int64_t dx_shift = shift * grid_;
      Vec2f prev_world{};
      for (std::uint32_t k = 0; k < n; ++k) {
        std::uint32_t token = 0;
        if (!s.varint(token)) return fail(s, name, s.problem());
        std::int64_t x = 0, y = 0, index = 0;
        if (token % 2 == 0) {  // a new point
          std::int64_t dy = 0;
          if (!s.signed_varint(dy)) return fail(s, name, s.problem());
          x = prev_.x + unzigzag(token / 2);
          y = prev_.y + dy;
          if (!in_range(x) || !in_range(y)) return fail(s, name, "a point is beyond ±8 world widths");
          index = static_cast<std::int64_t>(pool_.size());
          pool_.push_back({static_cast<std::int32_t>(x - dx_shift), static_cast<std::int32_t>(y)});
        } else {
          index = prev_index_ + unzigzag(token / 2);
          if (index < 0 || index >= static_cast<std::int64_t>(pool_.size()))
            return fail(s, name,
                        "point index " + std::to_string(index) + " is out of range (" + std::to_string(pool_.size()) +
                            " points so far)");
          const IPoint& p = pool_[static_cast<std::size_t>(index)];
          x = p.x + dx_shift;
          y = p.y;
          if (!in_range(x)) return fail(s, name, "a point is beyond ±8 world widths");
        }
        prev_index_ = index;
        prev_ = {static_cast<std::int32_t>(x), static_cast<std::int32_t>(y)};
        const Vec2f world = world_of(prev_);
        if (k > 0) out.push_back({prev_world, world});
        prev_world = world;
      }
      seen += n;
    }
    if (seen != points)
      return fail(
          s, name,
          "the polylines hold " + std::to_string(seen) + " points, the level table says " + std::to_string(points));
    return done(s, name);
  }

  const std::string& error() const { return error_; }

 private:
  bool in_range(std::int64_t v) const {
    return v >= -std::int64_t{kBasemapMaxShift} * grid_ && v <= std::int64_t{kBasemapMaxShift} * grid_;
  }
  Vec2f world_of(IPoint p) const { return {basemap_world(p.x, grid_), basemap_world(p.y, grid_)}; }

  bool fail(const Section& s, const char* section, const std::string& what) {
    error_ = "level " + std::to_string(level_) + " " + section + ", byte " + std::to_string(s.offset()) + ": " + what;
    return false;
  }
  bool done(const Section& s, const char* section) {
    if (s.remaining() == 0) return true;
    error_ = "level " + std::to_string(level_) + " " + section + ", byte " + std::to_string(s.end_offset()) + ": " +
             std::to_string(s.remaining()) + " bytes left over";
    return false;
  }

  std::size_t level_;
  std::int32_t grid_;
  BasemapLevel& out_;
  std::vector<IPoint> pool_;
  IPoint prev_;
  std::int64_t prev_index_ = -1;
  std::string error_;
};

BasemapDecodeResult fail(std::string why) { return {std::nullopt, std::move(why)}; }

}  // namespace

BasemapDecodeResult decode_basemap(std::span<const std::uint8_t> bytes) {
  if (bytes.size() < kBasemapHeaderSize)
    return fail("too short for a .ccapmap header (" + std::to_string(bytes.size()) + " bytes)");
  if (std::memcmp(bytes.data(), kMagic, sizeof kMagic) != 0) return fail("not a .ccapmap file (bad magic)");
  ByteReader header(bytes.subspan(sizeof kMagic, kBasemapHeaderSize - sizeof kMagic));
  std::uint32_t version = 0, level_count = 0, grid = 0, reserved = 0;
  Basemap map;
  std::uint64_t payload_size = 0, checksum = 0;
  header.get(version);
  header.get(level_count);
  header.get(grid);
  header.get(reserved);
  header.get(map.bounds.west);
  header.get(map.bounds.south);
  header.get(map.bounds.east);
  header.get(map.bounds.north);
  header.get(payload_size);
  header.get(checksum);
  if (version == 1 || version == 2)
    return fail("format version " + std::to_string(version) +
                " was made by an older pipeline: rebuild the data (this build reads version " +
                std::to_string(kBasemapFormatVersion) + ")");
  if (version != kBasemapFormatVersion)
    return fail("format version " + std::to_string(version) + " is not supported (this build reads " +
                std::to_string(kBasemapFormatVersion) + "): rebuild the data");
  if (level_count == 0 || level_count > kMaxLevels)
    return fail("level count " + std::to_string(level_count) + " is out of range 1.." + std::to_string(kMaxLevels));
  if (grid < kBasemapMinGrid || grid > kBasemapMaxGrid)
    return fail("grid " + std::to_string(grid) + " units per world is out of range " + std::to_string(kBasemapMinGrid) +
                ".." + std::to_string(kBasemapMaxGrid));
  if (reserved != 0) return fail("the reserved header field is " + std::to_string(reserved) + ", not 0");
  map.grid = static_cast<std::int32_t>(grid);
  const auto payload = bytes.subspan(kBasemapHeaderSize);
  if (payload.size() != payload_size)
    return fail("payload is " + std::to_string(payload.size()) + " bytes, the header says " +
                std::to_string(payload_size) + " (truncated or padded file)");
  if (fnv1a64(payload) != checksum) return fail("checksum mismatch (corrupted file)");

  const std::size_t table_size = level_count * kBasemapLevelEntrySize;
  if (payload.size() < table_size) return fail("level table is truncated");
  ByteReader r(payload.first(table_size));
  std::vector<LevelEntry> entries(level_count);
  std::uint64_t sections = 0;
  for (std::uint32_t i = 0; i < level_count; ++i) {
    LevelEntry& e = entries[i];
    get_entry(r, e);  // cannot fail: the table's size was checked
    const std::string where = "level " + std::to_string(i) + ": ";
    if (!std::isfinite(e.min_zoom) || (i > 0 && !(e.min_zoom > entries[i - 1].min_zoom)))
      return fail(where + "min zoom is not finite or not ascending");
    if (e.vertices > e.vertex_bytes / 2)
      return fail(where + std::to_string(e.vertices) + " land vertices cannot fit in " +
                  std::to_string(e.vertex_bytes) + " bytes");
    if (e.triangles > std::uint64_t{e.op_bytes} + e.arg_bytes / 3)
      return fail(where + std::to_string(e.triangles) + " triangles cannot fit in " + std::to_string(e.op_bytes) +
                  " op and " + std::to_string(e.arg_bytes) + " argument bytes");
    for (const auto& [name, lines, points, size] :
         {std::tuple{"coastline", e.coast_lines, e.coast_points, e.coast_bytes},
          std::tuple{"border", e.border_lines, e.border_points, e.border_bytes},
          std::tuple{"river", e.river_lines, e.river_points, e.river_bytes}})
      if (points > size || std::uint64_t{lines} * 2 > points)
        return fail(where + std::to_string(lines) + " " + name + " polylines of " + std::to_string(points) +
                    " points cannot fit in " + std::to_string(size) + " bytes");
    sections +=
        std::uint64_t{e.vertex_bytes} + e.op_bytes + e.arg_bytes + e.coast_bytes + e.border_bytes + e.river_bytes;
  }
  if (sections != payload.size() - table_size)
    return fail("the level table's sections add up to " + std::to_string(sections) + " bytes, " +
                std::to_string(payload.size() - table_size) + " follow it");

  map.levels.resize(level_count);
  std::size_t at = table_size;
  const auto take = [&](std::uint32_t size) {
    const Section s(payload.subspan(at, size), kBasemapHeaderSize + at);
    at += size;
    return s;
  };
  for (std::uint32_t i = 0; i < level_count; ++i) {
    const LevelEntry& e = entries[i];
    BasemapLevel& l = map.levels[i];
    l.min_zoom = e.min_zoom;
    LevelDecoder level(i, map.grid, l);
    const Section vertices = take(e.vertex_bytes), ops = take(e.op_bytes), args = take(e.arg_bytes),
                  coast = take(e.coast_bytes), borders = take(e.border_bytes), rivers = take(e.river_bytes);
    if (!level.vertices(vertices, e.vertices) || !level.triangles(ops, args, e.triangles) ||
        !level.lines(coast, "coastlines", e.coast_lines, e.coast_points, l.coastlines) ||
        !level.lines(borders, "borders", e.border_lines, e.border_points, l.borders) ||
        !level.lines(rivers, "rivers", e.river_lines, e.river_points, l.rivers))
      return fail(level.error());
  }
  return {std::move(map), {}};
}

}  // namespace ccap
