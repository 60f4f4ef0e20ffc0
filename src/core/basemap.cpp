#include "core/basemap.h"

#include <algorithm>

namespace ccap {

LevelBlend level_blend(const std::vector<BasemapLevel>& levels, double zoom, double fade_zooms) {
  LevelBlend blend;
  for (std::size_t i = 0; i < levels.size(); ++i)
    if (zoom >= levels[i].min_zoom) blend.level = i;
  blend.next = blend.level;
  const std::size_t upcoming = blend.level + 1;
  if (upcoming < levels.size() && fade_zooms > 0) {
    const double fade_start = levels[upcoming].min_zoom - fade_zooms;
    if (zoom > fade_start) {
      blend.next = upcoming;
      blend.t = static_cast<float>(std::clamp((zoom - fade_start) / fade_zooms, 0.0, 1.0));
    }
  }
  return blend;
}

}  // namespace ccap
