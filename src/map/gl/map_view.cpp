#include "map/gl/map_view.h"

#include "map/gl/gl_program.h"

namespace ccap::render {

MapView make_map_view(const MapCamera& camera, float pixel_ratio, float mark_scale) {
  MapView v;
  v.center_x = static_cast<float>(camera.center().x);
  v.center_y = static_cast<float>(camera.center().y);
  v.scale = static_cast<float>(camera.world_size()) * pixel_ratio;
  v.viewport_w = static_cast<float>(camera.viewport().x) * pixel_ratio;
  v.viewport_h = static_cast<float>(camera.viewport().y) * pixel_ratio;
  v.pixel_ratio = pixel_ratio;
  v.mark_scale = mark_scale;
  v.view_min_x = camera.screen_to_world({0, 0}).x;
  v.view_max_x = camera.screen_to_world({camera.viewport().x, 0}).x;
  v.view_min_y = camera.screen_to_world({0, 0}).y;
  v.view_max_y = camera.screen_to_world({0, camera.viewport().y}).y;
  return v;
}

void set_view_uniforms(const GlProgram& p, const MapView& view, int copy) {
  glUniform2f(p.uniform("u_center"), view.center_x, view.center_y);
  glUniform1f(p.uniform("u_scale"), view.scale);
  glUniform2f(p.uniform("u_viewport"), view.viewport_w, view.viewport_h);
  glUniform1f(p.uniform("u_copy"), static_cast<float>(copy));
}

}  // namespace ccap::render
