#pragma once
// What the basemap's encoder (basemap_encoder.cpp) and decoder (basemap_decoder.cpp) share: the
// file's magic, points on the integer grid, zig-zag coding, triangles in canonical form and the
// level table's entries. The format itself is described in basemap_format.h. Internal to map/.
#include <algorithm>
#include <array>
#include <cstdint>
#include <span>
#include <vector>

#include "base/binary_io.h"

namespace ccap::basemap_coding {

inline constexpr char kMagic[8] = {'C', 'C', 'A', 'P', 'M', 'A', 'P', '\0'};
// The encoder's limit on vertices, triangles and line points a level: keeps every index delta
// within a 32-bit varint. The decoder needs no such limit (counts are checked against bytes).
inline constexpr std::size_t kMaxItems = std::size_t{1} << 28;

struct IPoint {
  std::int32_t x = 0, y = 0;
  friend bool operator==(const IPoint&, const IPoint&) = default;
};

// Zig-zag: signed deltas as unsigned varints (0, -1, 1, -2, ... -> 0, 1, 2, 3, ...).
inline std::uint32_t zigzag(std::int64_t v) { return static_cast<std::uint32_t>(v < 0 ? (-v) * 2 - 1 : v * 2); }
inline std::int64_t unzigzag(std::uint32_t u) {
  return (u & 1) ? -static_cast<std::int64_t>(u >> 1) - 1 : static_cast<std::int64_t>(u >> 1);
}

using Triangle = std::array<std::uint32_t, 3>;

inline bool consecutive(std::uint32_t a, std::uint32_t b) { return a == b + 1 || b == a + 1; }

// The same triangle starting at its smallest corner (the same winding); the smallest rotation when
// corners repeat.
inline Triangle canonical(Triangle t) {
  const Triangle r1{t[1], t[2], t[0]}, r2{t[2], t[0], t[1]};
  return std::min({t, r1, r2});
}
// Every triangle of `indices` in canonical form, sorted: equal for the same set of triangles.
std::vector<Triangle> canonical_triangles(std::span<const std::uint32_t> indices);

// ---------------------------------------------------------------------------------------------
// The level table

struct LevelEntry {
  float min_zoom = 0;
  std::uint32_t vertices = 0, vertex_bytes = 0;
  std::uint32_t triangles = 0, op_bytes = 0, arg_bytes = 0;
  std::uint32_t coast_lines = 0, coast_points = 0, coast_bytes = 0;
  std::uint32_t border_lines = 0, border_points = 0, border_bytes = 0;
  std::uint32_t river_lines = 0, river_points = 0, river_bytes = 0;
};
void put_entry(ByteWriter& w, const LevelEntry& e);
bool get_entry(ByteReader& r, LevelEntry& e);

}  // namespace ccap::basemap_coding
