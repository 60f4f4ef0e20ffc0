#include "map/gl/marker_batch.h"

#include <algorithm>
#include <cstddef>

#include "shaders_embedded.h"

namespace ccap::render {

MarkerBatch::~MarkerBatch() {
  if (!vao_) return;
  glDeleteBuffers(1, &instances_);
  glDeleteBuffers(1, &corners_);
  glDeleteVertexArrays(1, &vao_);
}

std::string MarkerBatch::init(const char* name) {
  if (auto e = program_.build(name, shaders::marker_vert, shaders::marker_frag, true, marker_glsl_defines());
      !e.empty())
    return e;
  static const float kCorners[] = {-1, -1, 1, -1, -1, 1, 1, 1};
  glGenVertexArrays(1, &vao_);
  glGenBuffers(1, &corners_);
  glGenBuffers(1, &instances_);
  glBindVertexArray(vao_);
  glBindBuffer(GL_ARRAY_BUFFER, corners_);
  glBufferData(GL_ARRAY_BUFFER, sizeof kCorners, kCorners, GL_STATIC_DRAW);
  glEnableVertexAttribArray(0);
  glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, nullptr);
  glBindBuffer(GL_ARRAY_BUFFER, instances_);
  const GLsizei stride = sizeof(MarkerInstance);
  glEnableVertexAttribArray(1);
  glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, stride,
                        reinterpret_cast<const void*>(offsetof(MarkerInstance, world)));
  glEnableVertexAttribArray(2);
  glVertexAttribPointer(2, 1, GL_FLOAT, GL_FALSE, stride,
                        reinterpret_cast<const void*>(offsetof(MarkerInstance, radius)));
  glEnableVertexAttribArray(3);
  glVertexAttribPointer(3, 4, GL_UNSIGNED_BYTE, GL_TRUE, stride,
                        reinterpret_cast<const void*>(offsetof(MarkerInstance, fill)));
  glEnableVertexAttribArray(4);
  glVertexAttribPointer(4, 2, GL_UNSIGNED_BYTE, GL_FALSE, stride,
                        reinterpret_cast<const void*>(offsetof(MarkerInstance, shape)));
  for (GLuint attribute = 1; attribute <= 4; ++attribute) glVertexAttribDivisor(attribute, 1);
  glBindVertexArray(0);
  return {};
}

void MarkerBatch::upload(std::span<const MarkerInstance> instances) {
  glBindBuffer(GL_ARRAY_BUFFER, instances_);
  glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(instances.size() * sizeof(MarkerInstance)), instances.data(),
               GL_DYNAMIC_DRAW);
  count_ = instances.size();
  min_x_ = max_x_ = 0;
  if (!instances.empty()) {
    const auto [lo, hi] = std::minmax_element(instances.begin(), instances.end(),
                                              [](const auto& a, const auto& b) { return a.world.x < b.world.x; });
    min_x_ = lo->world.x;
    max_x_ = hi->world.x;
  }
}

void MarkerBatch::draw(const MapView& view) const {
  if (count_ == 0) return;
  program_.use();
  set_view_uniforms(program_, view, 0);
  glUniform1f(program_.uniform("u_pixel_ratio"), view.mark_pixels());
  glBindVertexArray(vao_);
  const CopyRange copies = view.copies(min_x_, max_x_, kMarkerMaxExtent);
  for (int copy = copies.first; copy <= copies.last; ++copy) {
    glUniform1f(program_.uniform("u_copy"), static_cast<float>(copy));
    glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, static_cast<GLsizei>(count_));
  }
  glBindVertexArray(0);
}

}  // namespace ccap::render
