#pragma once
// The camera as the shaders need it: device pixels, float uniforms, the visible world x range.
#include "map/map_camera.h"
#include "map/world_copies.h"

namespace ccap::render {

struct MapView {
  float center_x = 0, center_y = 0;      // world
  float scale = 1;                       // device pixels per world unit
  float viewport_w = 1, viewport_h = 1;  // device pixels
  float pixel_ratio = 1;
  // How much bigger than their design size marks (markers, arcs) are drawn: the UI scale, so that
  // on a 4K kiosk they keep their size beside the text. Device px per design px: mark_pixels().
  float mark_scale = 1;
  float mark_pixels() const { return pixel_ratio * mark_scale; }
  double view_min_x = 0, view_max_x = 1;  // world x at the left and right edges (unwrapped)
  double view_min_y = 0, view_max_y = 1;  // world y at the top and bottom edges

  // The copies of a layer spanning [min_x, max_x] that can be seen, with `margin_px` to spare for
  // line widths.
  CopyRange copies(double min_x, double max_x, double margin_px = 4) const {
    const double margin = margin_px * pixel_ratio / scale;
    return copies_to_draw(min_x, max_x, view_min_x - margin, view_max_x + margin);
  }
};

MapView make_map_view(const MapCamera& camera, float pixel_ratio, float mark_scale = 1);

class GlProgram;
// Sets the uniforms of shaders/map_common.glsl (u_center, u_scale, u_viewport, u_copy) on the
// program in use.
void set_view_uniforms(const GlProgram& program, const MapView& view, int copy);

// Spatial buckets (map/spatial_buckets.h) on a grid this fine cull what is off screen.
inline constexpr int kCullingGrid = 32;

}  // namespace ccap::render
