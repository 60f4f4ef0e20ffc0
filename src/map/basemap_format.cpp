#include "map/basemap_format.h"

#include <cmath>

#include "map/basemap_coding.h"

namespace ccap {

namespace basemap_coding {

std::vector<Triangle> canonical_triangles(std::span<const std::uint32_t> indices) {
  std::vector<Triangle> out(indices.size() / 3);
  for (std::size_t i = 0; i < out.size(); ++i)
    out[i] = canonical({indices[3 * i], indices[3 * i + 1], indices[3 * i + 2]});
  std::sort(out.begin(), out.end());
  return out;
}

void put_entry(ByteWriter& w, const LevelEntry& e) {
  w.put(e.min_zoom);
  for (std::uint32_t v :
       {e.vertices, e.vertex_bytes, e.triangles, e.op_bytes, e.arg_bytes, e.coast_lines, e.coast_points, e.coast_bytes,
        e.border_lines, e.border_points, e.border_bytes, e.river_lines, e.river_points, e.river_bytes})
    w.put(v);
}

bool get_entry(ByteReader& r, LevelEntry& e) {
  return r.get(e.min_zoom) && r.get(e.vertices) && r.get(e.vertex_bytes) && r.get(e.triangles) && r.get(e.op_bytes) &&
         r.get(e.arg_bytes) && r.get(e.coast_lines) && r.get(e.coast_points) && r.get(e.coast_bytes) &&
         r.get(e.border_lines) && r.get(e.border_points) && r.get(e.border_bytes) && r.get(e.river_lines) &&
         r.get(e.river_points) && r.get(e.river_bytes);
}

}  // namespace basemap_coding

std::optional<std::int32_t> basemap_grid_units(float world, std::int32_t grid) {
  if (!std::isfinite(world)) return std::nullopt;
  const double units = std::nearbyint(static_cast<double>(world) * grid);
  if (std::abs(units) > double{kBasemapMaxShift} * grid) return std::nullopt;
  return static_cast<std::int32_t>(units);
}

float basemap_world(std::int32_t units, std::int32_t grid) {
  return static_cast<float>(static_cast<double>(units) / grid);
}

bool same_triangles(std::span<const std::uint32_t> a, std::span<const std::uint32_t> b) {
  return a.size() == b.size() && basemap_coding::canonical_triangles(a) == basemap_coding::canonical_triangles(b);
}

}  // namespace ccap
