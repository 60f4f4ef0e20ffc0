#pragma once
// The camera as the shaders need it: device pixels, float uniforms, the world copies to draw.
#include "core/map_camera.h"

namespace ccap::render {

struct MapView {
  float center_x = 0, center_y = 0;   // world
  float scale = 1;                    // device pixels per world unit
  float viewport_w = 1, viewport_h = 1;  // device pixels
  float pixel_ratio = 1;
  int first_copy = 0, last_copy = 0;  // inclusive, with one copy of margin on each side
};

MapView make_map_view(const MapCamera& camera, float pixel_ratio);

}  // namespace ccap::render
