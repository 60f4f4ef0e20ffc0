#include "features/bench/gl/point_sprites.h"

#include <algorithm>
#include <cstddef>

#include "shaders_embedded.h"

namespace ccap::render {

static_assert(sizeof(bench::PeerPoint) == 12, "the vertex layout below");

PointSprites::~PointSprites() {
  if (vertices_) glDeleteBuffers(1, &vertices_);
  if (vao_) glDeleteVertexArrays(1, &vao_);
}

std::string PointSprites::init() {
  if (auto error = program_.build("point", shaders::point_vert, shaders::point_frag, true); !error.empty())
    return error;
  glGenVertexArrays(1, &vao_);
  glGenBuffers(1, &vertices_);
  glBindVertexArray(vao_);
  glBindBuffer(GL_ARRAY_BUFFER, vertices_);
  glEnableVertexAttribArray(0);
  glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, sizeof(bench::PeerPoint), nullptr);
  glEnableVertexAttribArray(1);
  glVertexAttribPointer(1, 4, GL_UNSIGNED_BYTE, GL_TRUE, sizeof(bench::PeerPoint),
                        reinterpret_cast<const void*>(offsetof(bench::PeerPoint, color)));
  glBindVertexArray(0);
  return {};
}

void PointSprites::upload(std::span<const bench::PeerPoint> points) {
  glBindBuffer(GL_ARRAY_BUFFER, vertices_);
  glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(points.size_bytes()), points.data(), GL_STATIC_DRAW);
  count_ = points.size();
  min_x_ = max_x_ = 0;
  if (!points.empty()) {
    const auto [lo, hi] = std::minmax_element(points.begin(), points.end(),
                                              [](const auto& a, const auto& b) { return a.world.x < b.world.x; });
    min_x_ = lo->world.x;
    max_x_ = hi->world.x;
  }
}

void PointSprites::draw(const MapView& view, float radius_px) const {
  if (count_ == 0) return;
  program_.use();
  const float radius = radius_px * view.pixel_ratio;
  glUniform1f(program_.uniform("u_radius"), radius);
  glBindVertexArray(vao_);
  const CopyRange copies = view.copies(min_x_, max_x_, radius + 1);
  for (int copy = copies.first; copy <= copies.last; ++copy) {
    set_view_uniforms(program_, view, copy);
    glDrawArrays(GL_POINTS, 0, static_cast<GLsizei>(count_));
  }
  glBindVertexArray(0);
}

}  // namespace ccap::render
