#include "map/basemap_format.h"

#include "base/binary_io.h"

#include <cmath>
#include <cstring>
#include <string_view>

namespace ccap {

namespace {

constexpr char kMagic[8] = {'C', 'C', 'A', 'P', 'M', 'A', 'P', '\0'};
constexpr std::size_t kLevelEntrySize = 24;

bool finite(Vec2f v) { return std::isfinite(v.x) && std::isfinite(v.y); }

BasemapDecodeResult fail(std::string why) { return {std::nullopt, std::move(why)}; }

}  // namespace

std::vector<std::uint8_t> encode_basemap(const Basemap& map) {
  ByteWriter payload;
  for (const BasemapLevel& l : map.levels) {
    payload.put(l.min_zoom);
    payload.put(static_cast<std::uint32_t>(l.land_vertices.size()));
    payload.put(static_cast<std::uint32_t>(l.land_indices.size()));
    payload.put(static_cast<std::uint32_t>(l.coastlines.size()));
    payload.put(static_cast<std::uint32_t>(l.borders.size()));
    payload.put(std::uint32_t{0});
  }
  for (const BasemapLevel& l : map.levels) {
    payload.put_all(l.land_vertices);
    payload.put_all(l.land_indices);
    payload.put_all(l.coastlines);
    payload.put_all(l.borders);
  }
  ByteWriter file;
  file.out.insert(file.out.end(), std::begin(kMagic), std::end(kMagic));
  file.put(kBasemapFormatVersion);
  file.put(static_cast<std::uint32_t>(map.levels.size()));
  file.put(map.bounds.west);
  file.put(map.bounds.south);
  file.put(map.bounds.east);
  file.put(map.bounds.north);
  file.put(static_cast<std::uint64_t>(payload.out.size()));
  file.put(fnv1a64(payload.out));
  file.out.insert(file.out.end(), payload.out.begin(), payload.out.end());
  return std::move(file.out);
}

BasemapDecodeResult decode_basemap(std::span<const std::uint8_t> bytes) {
  if (bytes.size() < kBasemapHeaderSize)
    return fail("too short for a .ccapmap header (" + std::to_string(bytes.size()) + " bytes)");
  if (std::memcmp(bytes.data(), kMagic, sizeof kMagic) != 0) return fail("not a .ccapmap file (bad magic)");
  ByteReader header(bytes.subspan(sizeof kMagic, kBasemapHeaderSize - sizeof kMagic));
  std::uint32_t version = 0, level_count = 0;
  Basemap map;
  std::uint64_t payload_size = 0, checksum = 0;
  header.get(version);
  header.get(level_count);
  header.get(map.bounds.west);
  header.get(map.bounds.south);
  header.get(map.bounds.east);
  header.get(map.bounds.north);
  header.get(payload_size);
  header.get(checksum);
  if (version != kBasemapFormatVersion)
    return fail("format version " + std::to_string(version) + " is not supported (this build reads " +
                std::to_string(kBasemapFormatVersion) + "): rebuild the data");
  if (level_count == 0 || level_count > kMaxLevels)
    return fail("level count " + std::to_string(level_count) + " is out of range 1.." + std::to_string(kMaxLevels));
  const auto payload = bytes.subspan(kBasemapHeaderSize);
  if (payload.size() != payload_size)
    return fail("payload is " + std::to_string(payload.size()) + " bytes, the header says " +
                std::to_string(payload_size) + " (truncated or padded file)");
  if (fnv1a64(payload) != checksum) return fail("checksum mismatch (corrupted file)");

  if (payload.size() < level_count * kLevelEntrySize) return fail("level table is truncated");
  ByteReader r(payload);
  struct Counts {
    std::uint32_t vertices, indices, coast, borders;
  };
  std::vector<Counts> counts(level_count);
  map.levels.resize(level_count);
  for (std::uint32_t i = 0; i < level_count; ++i) {
    std::uint32_t reserved = 0;
    if (!r.get(map.levels[i].min_zoom) || !r.get(counts[i].vertices) || !r.get(counts[i].indices) ||
        !r.get(counts[i].coast) || !r.get(counts[i].borders) || !r.get(reserved))
      return fail("level table is truncated");
  }
  for (std::uint32_t i = 0; i < level_count; ++i) {
    BasemapLevel& l = map.levels[i];
    const std::string where = "level " + std::to_string(i) + ": ";
    if (!std::isfinite(l.min_zoom) || (i > 0 && l.min_zoom <= map.levels[i - 1].min_zoom))
      return fail(where + "min zoom is not finite or not ascending");
    if (counts[i].indices % 3 != 0) return fail(where + "land index count is not a multiple of 3");
    if (!r.get_all(l.land_vertices, counts[i].vertices) || !r.get_all(l.land_indices, counts[i].indices) ||
        !r.get_all(l.coastlines, counts[i].coast) || !r.get_all(l.borders, counts[i].borders))
      return fail(where + "counts run past the end of the payload");
    for (std::uint32_t index : l.land_indices)
      if (index >= l.land_vertices.size())
        return fail(where + "land index " + std::to_string(index) + " is out of range");
    for (const Vec2f& v : l.land_vertices)
      if (!finite(v)) return fail(where + "a land vertex is not a finite number");
    for (const auto* lines : {&l.coastlines, &l.borders})
      for (const Segment& s : *lines)
        if (!finite(s.a) || !finite(s.b)) return fail(where + "a line segment is not finite");
  }
  if (r.remaining() != 0) return fail(std::to_string(r.remaining()) + " unexpected bytes after the last level");
  return {std::move(map), {}};
}

}  // namespace ccap
