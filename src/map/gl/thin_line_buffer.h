#pragma once
// Line segments drawn as GL_LINES (shaders/thin_line.vert): exactly one device pixel wide, not
// anti-aliased, 16 bytes and two vertices a segment. For lines whose width is one device pixel,
// where LineBuffer's anti-aliased quads (four vertices and a capsule per fragment, three pixels
// wide for the fringe) cost a software rasteriser several times as much: measured in
// docs/performance.md. Sorted into spatial buckets like LineBuffer, so that only what can be seen
// is drawn, once per visible world copy.
#include <string>
#include <vector>

#include "base/color.h"
#include "map/basemap.h"
#include "map/gl/gl_program.h"
#include "map/spatial_buckets.h"

namespace ccap::render {

struct MapView;

class ThinLineBuffer {
 public:
  ThinLineBuffer() = default;
  ThinLineBuffer(const ThinLineBuffer&) = delete;
  ThinLineBuffer& operator=(const ThinLineBuffer&) = delete;
  ~ThinLineBuffer();

  void upload(std::vector<Segment> segments);
  // Sets up `program` (made by thin_line_program) and draws what can be seen in `color` (alpha
  // multiplied by `alpha`). Blending is set by the caller.
  void draw(const GlProgram& program, const MapView& view, Rgba8 color, float alpha = 1) const;
  std::size_t size() const { return count_; }

 private:
  GLuint vao_ = 0, vertices_ = 0;
  std::size_t count_ = 0;
  std::vector<Bucket> buckets_;
  float min_x_ = 0, max_x_ = 0;
};

// The program ThinLineBuffer draws with; returns what failed to build.
std::string thin_line_program(GlProgram& program);

}  // namespace ccap::render
