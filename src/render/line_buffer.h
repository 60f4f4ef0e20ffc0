#pragma once
// Line segments on the GPU, drawn as anti-aliased capsules (shaders/line.*). Each segment is
// expanded to its own quad of four vertices: plain indexed triangles, because instanced draws are
// an order of magnitude slower on software rasterisers (SwiftShader: measured in docs/performance.md).
#include <vector>

#include "core/basemap.h"
#include "core/spatial_buckets.h"
#include "render/gl.h"

namespace ccap::render {

class LineBuffer {
 public:
  LineBuffer();
  LineBuffer(const LineBuffer&) = delete;
  LineBuffer& operator=(const LineBuffer&) = delete;
  ~LineBuffer();
  // `progress` (optional, one per segment): distance along the line at each end, world units,
  // for the flow animation of arcs.
  void upload(const std::vector<Segment>& segments, const std::vector<Vec2f>& progress = {});
  // Draws the segments of world copy `copy` that can meet the world rectangle (x0, y0)-(x1, y1);
  // the line program and its uniforms must be set.
  void draw(int copy, double x0, double y0, double x1, double y1) const;
  std::size_t size() const { return count_; }
  // World x range the segments cover (for choosing which world copies to draw).
  float min_x() const { return min_x_; }
  float max_x() const { return max_x_; }

 private:
  void create();
  GLuint vao_ = 0, vertices_ = 0, indices_ = 0;
  std::size_t count_ = 0;
  std::vector<Bucket> buckets_;
  float min_x_ = 0, max_x_ = 0;
};

}  // namespace ccap::render
