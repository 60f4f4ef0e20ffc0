#include "map/gl/line_buffer.h"

#include "map/gl/gl_program.h"
#include "map/gl/map_view.h"

#include <algorithm>
#include <cstdint>

namespace ccap::render {

namespace {
struct LineVertex {
  Segment segment;        // the whole segment, repeated at each corner
  std::int8_t corner[2];  // x: 0 start / 1 end; y: -1 / +1 side
  std::int8_t pad[2];
  Vec2f progress;  // distance along the line at the segment's ends
};
static_assert(sizeof(LineVertex) == 28);

}  // namespace

LineBuffer::LineBuffer() = default;

// GL objects are made on first use: a LineBuffer may be constructed before any GL context exists.
void LineBuffer::create() {
  glGenVertexArrays(1, &vao_);
  glGenBuffers(1, &vertices_);
  glGenBuffers(1, &indices_);
  glBindVertexArray(vao_);
  glBindBuffer(GL_ARRAY_BUFFER, vertices_);
  glEnableVertexAttribArray(0);
  glVertexAttribPointer(0, 2, GL_BYTE, GL_FALSE, sizeof(LineVertex),
                        reinterpret_cast<const void*>(offsetof(LineVertex, corner)));
  glEnableVertexAttribArray(1);
  glVertexAttribPointer(1, 4, GL_FLOAT, GL_FALSE, sizeof(LineVertex), nullptr);
  glEnableVertexAttribArray(2);
  glVertexAttribPointer(2, 2, GL_FLOAT, GL_FALSE, sizeof(LineVertex),
                        reinterpret_cast<const void*>(offsetof(LineVertex, progress)));
  glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, indices_);
  glBindVertexArray(0);
}

LineBuffer::~LineBuffer() {
  if (!vao_) return;
  glDeleteBuffers(1, &indices_);
  glDeleteBuffers(1, &vertices_);
  glDeleteVertexArrays(1, &vao_);
}

void LineBuffer::upload(const std::vector<Segment>& unsorted, const std::vector<Vec2f>& unsorted_progress) {
  if (!vao_) create();
  std::vector<Segment> segments = unsorted;
  std::vector<std::uint32_t> order;
  buckets_ = bucket_segments(segments, kCullingGrid, &order);
  std::vector<LineVertex> vertices;
  std::vector<std::uint32_t> indices;
  vertices.reserve(segments.size() * 4);
  indices.reserve(segments.size() * 6);
  min_x_ = segments.empty() ? 0 : segments.front().a.x;
  max_x_ = min_x_;
  for (const Segment& s : segments) {
    const auto base = static_cast<std::uint32_t>(vertices.size());
    const Vec2f progress = unsorted_progress.empty() ? Vec2f{} : unsorted_progress[order[&s - segments.data()]];
    for (std::int8_t end : {0, 1})
      for (std::int8_t side : {-1, 1}) vertices.push_back({s, {end, side}, {0, 0}, progress});
    for (std::uint32_t i : {0u, 1u, 2u, 2u, 1u, 3u}) indices.push_back(base + i);
    min_x_ = std::min({min_x_, s.a.x, s.b.x});
    max_x_ = std::max({max_x_, s.a.x, s.b.x});
  }
  glBindVertexArray(vao_);
  glBindBuffer(GL_ARRAY_BUFFER, vertices_);
  glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(vertices.size() * sizeof(LineVertex)), vertices.data(),
               GL_STATIC_DRAW);
  glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(indices.size() * sizeof(std::uint32_t)), indices.data(),
               GL_STATIC_DRAW);
  glBindVertexArray(0);
  count_ = segments.size();
}

void LineBuffer::draw_in_view(const GlProgram& program, const MapView& view, float width_px) const {
  if (count_ == 0) return;
  const double margin = (width_px + 2) * view.pixel_ratio / view.scale;  // the line's width, in world units
  const CopyRange copies = view.copies(min_x_, max_x_, width_px + 2);
  glBindVertexArray(vao_);
  for (int copy = copies.first; copy <= copies.last; ++copy) {
    glUniform1f(program.uniform("u_copy"), static_cast<float>(copy));
    for (const ItemRun& run : visible_runs(buckets_, copy, view.view_min_x - margin, view.view_min_y - margin,
                                           view.view_max_x + margin, view.view_max_y + margin)) {
      const auto offset = static_cast<std::uintptr_t>(run.first) * 6 * sizeof(std::uint32_t);
      glDrawElements(GL_TRIANGLES, static_cast<GLsizei>(run.count * 6), GL_UNSIGNED_INT,
                     reinterpret_cast<const void*>(offset));
    }
  }
  glBindVertexArray(0);
}

}  // namespace ccap::render
