#include "map/basemap.h"

#include <algorithm>

namespace ccap {

LevelBlend level_blend(std::span<const float> min_zooms, double zoom, double fade_zooms) {
  LevelBlend blend;
  for (std::size_t i = 0; i < min_zooms.size(); ++i)
    if (zoom >= min_zooms[i]) blend.level = i;
  blend.next = blend.level;
  const std::size_t upcoming = blend.level + 1;
  if (upcoming < min_zooms.size() && fade_zooms > 0) {
    const double fade_start = min_zooms[upcoming] - fade_zooms;
    if (zoom > fade_start) {
      blend.next = upcoming;
      blend.t = static_cast<float>(std::clamp((zoom - fade_start) / fade_zooms, 0.0, 1.0));
    }
  }
  return blend;
}

std::vector<float> min_zooms(const Basemap& map) {
  std::vector<float> out;
  for (const BasemapLevel& l : map.levels) out.push_back(l.min_zoom);
  return out;
}

}  // namespace ccap
