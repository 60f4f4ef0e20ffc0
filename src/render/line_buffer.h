#pragma once
// Line segments on the GPU, drawn as instanced anti-aliased capsules (shaders/line.*).
#include <vector>

#include "core/basemap.h"
#include "render/gl.h"

namespace ccap::render {

class LineBuffer {
 public:
  LineBuffer();
  LineBuffer(const LineBuffer&) = delete;
  LineBuffer& operator=(const LineBuffer&) = delete;
  ~LineBuffer();
  void upload(const std::vector<Segment>& segments);
  // Issues the draw; the line program and its uniforms must be set.
  void draw() const;
  std::size_t size() const { return count_; }

 private:
  void create();
  GLuint vao_ = 0, corners_ = 0, instances_ = 0;
  std::size_t count_ = 0;
};

}  // namespace ccap::render
