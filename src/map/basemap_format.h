#pragma once
// The .ccapmap file: a compact, versioned, checksummed binary form of a Basemap (version 3). The
// world map is one; so is each city-scale tile (features/citymap), on a finer grid.
//
// Coordinates are integers on a grid of the Web Mercator world square of G units per world width
// (Basemap::grid, kBasemapMinGrid..kBasemapMaxGrid). The world map's G is 100,000
// (kBasemapUnitsPerWorld), the step of world-atlas's own quantisation in longitude (360° / 1e5):
// a coordinate moves by at most half a unit on each axis, 0.0018° of longitude, at most
// 200 m x cos(latitude) on the ground along each axis (283 m x cos(latitude) diagonally). A city
// tile's G is 2^21, 4,096 units across a zoom-9 tile as vector tiles have it: at most 9.6 m x
// cos(latitude). A decoded coordinate is the float of units / G, which encodes back to the same
// units. Coordinates are limited to ±8 world widths (8 G units; 8 x 2^21 = 2^24, so every unit is
// exact in a float).
//
//   header (72 bytes, little-endian)
//     char[8]  magic "CCAPMAP\0"
//     u32      version (kBasemapFormatVersion)
//     u32      level count (1..kMaxLevels)
//     u32      grid G, units per world width
//     u32      reserved, 0
//     f64 x4   bounds: west, south, east, north (degrees)
//     u64      payload size in bytes (everything after the header)
//     u64      FNV-1a 64 checksum of the payload
//   payload
//     level table, 60 bytes a level (kBasemapLevelEntrySize), all u32 but the first:
//       f32 min_zoom
//       land vertex count, land vertex bytes
//       triangle count, triangle op bytes, triangle argument bytes
//       coastline polyline count, coastline point count, coastline bytes
//       border polyline count, border point count, border bytes
//       river polyline count, river point count, river bytes
//     then for each level in order its six sections, each exactly as many bytes as the table says:
//
//   Numbers inside sections are unsigned LEB128 varints of at most 32 bits (at most 5 bytes);
//   signed ones are zig-zag coded (0, -1, 1, -2 ... as 0, 1, 2, 3 ...).
//
//   land vertices: for each vertex, signed dx, dy from the previous one (the first from 0, 0). The
//     first byte of each of these 2 x count varints comes first, in order (2 x count bytes); then
//     the further bytes of those that need more, in order. The pipeline writes the vertices ring by
//     ring, so consecutive vertices are neighbours.
//   triangle ops and arguments: two streams that rebuild the triangles by walking from each
//     triangle to its neighbours. The decoder keeps a stack of open edges ("gates"). When the stack
//     is empty it reads a new triangle a, b, c from the arguments (signed: a from the previous new
//     triangle's a, b and c from a). Otherwise it pops gate (u, v) and reads an op: 0 = no triangle
//     behind it; 1..4 = the triangle (v, u, w) with w = u + 1, u - 1, v + 1, v - 1; 5 = the same
//     with w = u + a signed argument. A triangle pushes its other edges as gates, (w, v) then
//     (u, w) (for a new triangle: (c, a), (b, c), (a, b)), except edges between consecutive
//     vertices (|i - j| == 1), which are almost always ring edges with nothing behind them. It stops
//     at the triangle count. Every index is checked against the land vertex count.
//   coastlines, borders, rivers: polylines over a pool of points that starts as the level's land vertices.
//     For each polyline: point count n (at least 2), signed world shift s (|s| <= 8), then n points,
//     each starting with a varint t. Even t: a new point, signed dx = t / 2 (zig-zag) and then a
//     signed dy, from the previous line point of the level (the first from 0, 0); the pool gets it
//     less s world widths (G units each). Odd t: the pool point at index (the previous point's pool index + signed
//     (t - 1) / 2), plus s world widths (the first previous index is -1). A line that follows a
//     land ring is a run of t = 5 (or 3 backwards). A polyline of n points is n - 1 segments.
//
// decode() checks all of it: the checksum first, then every count against the bytes that hold it
// (before anything is allocated), every varint, index and coordinate, and that each section is used
// up exactly. It names what is wrong and where (level, section, byte offset in the file), and never
// reads past the buffer. Files of versions 1 and 2 are refused as made by an older pipeline.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "map/basemap.h"

namespace ccap {

inline constexpr std::uint32_t kBasemapFormatVersion = 3;
inline constexpr std::uint32_t kMaxLevels = 16;
inline constexpr std::size_t kBasemapHeaderSize = 72;
inline constexpr std::size_t kBasemapLevelEntrySize = 60;
inline constexpr std::size_t kBasemapPayloadSizeOffset = 56;    // where the header holds the payload size
inline constexpr std::size_t kBasemapChecksumOffset = 64;       // and the checksum
inline constexpr std::int32_t kBasemapUnitsPerWorld = 100'000;  // the world map's grid: 1e-5 world width
inline constexpr std::int32_t kBasemapMinGrid = 1'000;
inline constexpr std::int32_t kBasemapMaxGrid = 1 << 21;  // 8 world widths in 2^24 units: exact floats
inline constexpr std::int32_t kBasemapMaxShift = 8;       // a polyline's world shift, and |x|, |y| in worlds

// The grid, as the encoder and the decoder use it: the nearest unit of a grid of `grid` units per
// world width (none when not finite or beyond ±8 world widths), and the float of units / grid.
std::optional<std::int32_t> basemap_grid_units(float world, std::int32_t grid = kBasemapUnitsPerWorld);
float basemap_world(std::int32_t units, std::int32_t grid = kBasemapUnitsPerWorld);

struct BasemapEncodeResult {
  std::vector<std::uint8_t> bytes;
  std::string error;  // set (and bytes empty) when the map cannot be written: what and where
};
// Refuses maps the decoder would refuse: no or too many levels, zooms not ascending or not finite,
// coordinates not finite or beyond the grid's range, indices out of range.
BasemapEncodeResult encode_basemap(const Basemap& map);

struct BasemapDecodeResult {
  std::optional<Basemap> map;
  std::string error;  // set when !map
};
BasemapDecodeResult decode_basemap(std::span<const std::uint8_t> bytes);

// The map as decode(encode(map)) gives it back: every coordinate on the grid. Triangles come back
// in another order and each may start at another corner (same winding): compare with
// same_triangles().
Basemap snapped_to_grid(const Basemap& map);
bool same_triangles(std::span<const std::uint32_t> a, std::span<const std::uint32_t> b);

}  // namespace ccap
