#pragma once
// Instanced map markers (shaders/marker.*): circles, diamonds and squares with outline, ring and
// hover/selection halo, one instanced draw per visible world copy. Used by the partnership's
// city markers and the air-quality stations and clusters.
#include <span>
#include <string>

#include "map/gl/gl_program.h"
#include "map/gl/map_view.h"
#include "map/marker_instance.h"

namespace ccap::render {

class MarkerBatch {
 public:
  MarkerBatch() = default;
  MarkerBatch(const MarkerBatch&) = delete;
  MarkerBatch& operator=(const MarkerBatch&) = delete;
  ~MarkerBatch();

  std::string init(const char* name);
  void upload(std::span<const MarkerInstance> instances);
  void draw(const MapView& view) const;  // blending set by the caller
  std::size_t size() const { return count_; }

 private:
  GlProgram program_;
  GLuint vao_ = 0, corners_ = 0, instances_ = 0;
  std::size_t count_ = 0;
  float min_x_ = 0, max_x_ = 0;
};

}  // namespace ccap::render
