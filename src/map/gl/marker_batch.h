#pragma once
// Map markers (shaders/marker.*): circles, diamonds and squares with outline, ring and
// hover/selection halo. Used by the partnership's city markers and the air-quality stations and
// clusters.
//
// Each marker is expanded on the CPU to its own quad (four vertices that repeat the instance, six
// indices), drawn with one plain indexed draw per visible world copy, in the order given: not an
// instanced draw, because a software rasteriser pays for every instance like for a draw of its own
// (docs/performance.md). The quad is fitted to the marker's shape by shaders/marker.vert (a
// diamond's quad is a diamond), with the halo's extent only for a hovered or selected marker.
#include <cstdint>
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
  GLuint vao_ = 0, vertices_ = 0, indices_ = 0;
  std::size_t count_ = 0;
  std::size_t index_capacity_ = 0;  // markers the index buffer has quads for
  float min_x_ = 0, max_x_ = 0;
};

}  // namespace ccap::render
