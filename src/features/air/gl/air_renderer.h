#pragma once
// Draws the air-quality overlay: the interpolated surface (a float texture of samples, coloured in
// the fragment shader) under the station markers and clusters.
#include <span>
#include <string>
#include <vector>

#include "features/air/model/air_scale.h"
#include "features/air/model/air_surface.h"
#include "map/gl/gl_program.h"
#include "map/gl/map_view.h"
#include "map/gl/marker_batch.h"
#include "map/marker_instance.h"

namespace ccap::render {

class AirRenderer {
 public:
  AirRenderer() = default;
  AirRenderer(const AirRenderer&) = delete;
  AirRenderer& operator=(const AirRenderer&) = delete;
  ~AirRenderer();

  std::string init();
  void upload_markers(std::span<const MarkerInstance> instances) { markers_.upload(instances); }
  void upload_surface(const SurfaceGrid& grid);
  // `surface_opacity` 0: no surface. `scale` colours the surface (none: no surface).
  void draw(const MapView& view, const AirColorScale* scale, float surface_opacity);

 private:
  void draw_surface(const MapView& view, const AirColorScale& scale, float opacity);

  MarkerBatch markers_;
  GlProgram surface_;
  GLuint texture_ = 0, lut_ = 0, vao_ = 0;
  std::vector<Rgba8> lut_colors_;  // what lut_ holds
  int cols_ = 0, rows_ = 0;
  int first_col_ = 0, last_col_ = 0, first_row_ = 0, last_row_ = 0;  // covered samples
  double step_px_ = 0;
  bool has_surface_ = false;
};

}  // namespace ccap::render
