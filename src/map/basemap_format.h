#pragma once
// The .ccapmap file: a compact, versioned, checksummed binary form of a Basemap.
//
//   header (64 bytes, little-endian)
//     char[8]  magic "CCAPMAP\0"
//     u32      version (kBasemapFormatVersion)
//     u32      level count (1..kMaxLevels)
//     f64 x4   bounds: west, south, east, north (degrees)
//     u64      payload size in bytes (everything after the header)
//     u64      FNV-1a 64 checksum of the payload
//   payload
//     level table, 24 bytes a level: f32 min_zoom, u32 land vertex count, u32 land index count,
//                                     u32 coastline count, u32 border count, u32 reserved (0)
//     then for each level in order: land vertices (f32 x, y), land indices (u32), coastline
//     segments (f32 x0, y0, x1, y1), border segments (same)
//
// decode() checks all of it (sizes, counts, indices in range, finite coordinates, checksum) and
// says what is wrong; it never reads past the buffer.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "map/basemap.h"

namespace ccap {

inline constexpr std::uint32_t kBasemapFormatVersion = 1;
inline constexpr std::uint32_t kMaxLevels = 16;
inline constexpr std::size_t kBasemapHeaderSize = 64;

std::vector<std::uint8_t> encode_basemap(const Basemap& map);

struct BasemapDecodeResult {
  std::optional<Basemap> map;
  std::string error;  // set when !map
};
BasemapDecodeResult decode_basemap(std::span<const std::uint8_t> bytes);

}  // namespace ccap
