#include "map/gl/marker_batch.h"

#include <algorithm>
#include <cstddef>
#include <vector>

#include "shaders_embedded.h"

namespace ccap::render {

namespace {
// One corner of a marker's quad: the instance, repeated at its four corners, and which corner.
struct MarkerVertex {
  Vec2f world;  // the marker's centre, Web Mercator unit square
  float radius = 0;
  Rgba8 fill;
  std::int8_t corner[2] = {0, 0};  // -1 or +1 in x and y
  std::uint8_t shape = 0, flags = 0;
};
static_assert(sizeof(MarkerVertex) == 20);

constexpr std::int8_t kCorners[4][2] = {{-1, -1}, {1, -1}, {-1, 1}, {1, 1}};
constexpr std::uint32_t kQuad[6] = {0, 1, 2, 2, 1, 3};  // two triangles, as a strip of kCorners
}  // namespace

MarkerBatch::~MarkerBatch() {
  if (!vao_) return;
  glDeleteBuffers(1, &indices_);
  glDeleteBuffers(1, &vertices_);
  glDeleteVertexArrays(1, &vao_);
}

std::string MarkerBatch::init(const char* name) {
  if (auto e = program_.build(name, shaders::marker_vert, shaders::marker_frag, true, marker_glsl_defines());
      !e.empty())
    return e;
  glGenVertexArrays(1, &vao_);
  glGenBuffers(1, &vertices_);
  glGenBuffers(1, &indices_);
  glBindVertexArray(vao_);
  glBindBuffer(GL_ARRAY_BUFFER, vertices_);
  const GLsizei stride = sizeof(MarkerVertex);
  const auto at = [](std::size_t offset) { return reinterpret_cast<const void*>(offset); };
  glEnableVertexAttribArray(0);
  glVertexAttribPointer(0, 2, GL_BYTE, GL_FALSE, stride, at(offsetof(MarkerVertex, corner)));
  glEnableVertexAttribArray(1);
  glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, stride, at(offsetof(MarkerVertex, world)));
  glEnableVertexAttribArray(2);
  glVertexAttribPointer(2, 1, GL_FLOAT, GL_FALSE, stride, at(offsetof(MarkerVertex, radius)));
  glEnableVertexAttribArray(3);
  glVertexAttribPointer(3, 4, GL_UNSIGNED_BYTE, GL_TRUE, stride, at(offsetof(MarkerVertex, fill)));
  glEnableVertexAttribArray(4);
  glVertexAttribPointer(4, 2, GL_UNSIGNED_BYTE, GL_FALSE, stride, at(offsetof(MarkerVertex, shape)));
  glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, indices_);  // part of the vertex array's state
  glBindVertexArray(0);
  return {};
}

void MarkerBatch::upload(std::span<const MarkerInstance> instances) {
  count_ = instances.size();
  min_x_ = max_x_ = 0;
  if (instances.empty()) return;
  std::vector<MarkerVertex> vertices;
  vertices.reserve(instances.size() * 4);
  min_x_ = max_x_ = instances.front().world.x;
  for (const MarkerInstance& m : instances) {
    for (const auto& corner : kCorners)
      vertices.push_back({m.world, m.radius, m.fill, {corner[0], corner[1]}, m.shape, m.flags});
    min_x_ = std::min(min_x_, m.world.x);
    max_x_ = std::max(max_x_, m.world.x);
  }
  glBindVertexArray(vao_);
  glBindBuffer(GL_ARRAY_BUFFER, vertices_);
  glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(vertices.size() * sizeof(MarkerVertex)), vertices.data(),
               GL_DYNAMIC_DRAW);
  if (count_ > index_capacity_) {  // the same quads for every upload: grown, never rewritten
    index_capacity_ = std::max(count_, index_capacity_ * 2);
    std::vector<std::uint32_t> indices;
    indices.reserve(index_capacity_ * 6);
    for (std::uint32_t i = 0; i < index_capacity_; ++i)
      for (std::uint32_t k : kQuad) indices.push_back(i * 4 + k);
    glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(indices.size() * sizeof(std::uint32_t)),
                 indices.data(), GL_STATIC_DRAW);
  }
  glBindVertexArray(0);
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
    glDrawElements(GL_TRIANGLES, static_cast<GLsizei>(count_ * 6), GL_UNSIGNED_INT, nullptr);
  }
  glBindVertexArray(0);
}

}  // namespace ccap::render
