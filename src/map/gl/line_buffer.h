#pragma once
// Line segments on the GPU, drawn as anti-aliased capsules (shaders/line.*). Each segment is
// expanded to its own quad of four vertices: plain indexed triangles, because instanced draws are
// an order of magnitude slower on software rasterisers (SwiftShader: measured in docs/performance.md).
#include <vector>

#include "map/basemap.h"
#include "map/gl/gl.h"
#include "map/spatial_buckets.h"

namespace ccap::render {

class GlProgram;
struct MapView;

class LineBuffer {
 public:
  LineBuffer();
  LineBuffer(const LineBuffer&) = delete;
  LineBuffer& operator=(const LineBuffer&) = delete;
  ~LineBuffer();
  // `progress` (optional, one per segment): distance along the line at each end, world units,
  // for the flow animation of arcs.
  void upload(const std::vector<Segment>& segments, const std::vector<Vec2f>& progress = {});
  // Draws what can be seen in `view`, once per visible world copy (setting `program`'s u_copy),
  // only the spatial buckets that meet the view grown by a line of `width_px` logical pixels.
  // The line program and its other uniforms must be set.
  void draw_in_view(const GlProgram& program, const MapView& view, float width_px) const;
  std::size_t size() const { return count_; }

 private:
  void create();
  GLuint vao_ = 0, vertices_ = 0, indices_ = 0;
  std::size_t count_ = 0;
  std::vector<Bucket> buckets_;
  float min_x_ = 0, max_x_ = 0;  // world x range the segments cover: which world copies to draw
};

}  // namespace ccap::render
