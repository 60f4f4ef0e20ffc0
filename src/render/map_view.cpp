#include "render/map_view.h"

namespace ccap::render {

MapView make_map_view(const MapCamera& camera, float pixel_ratio) {
  MapView v;
  v.center_x = static_cast<float>(camera.center().x);
  v.center_y = static_cast<float>(camera.center().y);
  v.scale = static_cast<float>(camera.world_size()) * pixel_ratio;
  v.viewport_w = static_cast<float>(camera.viewport().x) * pixel_ratio;
  v.viewport_h = static_cast<float>(camera.viewport().y) * pixel_ratio;
  v.pixel_ratio = pixel_ratio;
  // Shapes made continuous across the antimeridian reach a little past their copy: one more
  // copy on each side keeps them whole at the edges of the view.
  v.first_copy = camera.first_visible_copy() - 1;
  v.last_copy = camera.last_visible_copy() + 1;
  return v;
}

}  // namespace ccap::render
