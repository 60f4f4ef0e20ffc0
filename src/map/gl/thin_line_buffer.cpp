#include "map/gl/thin_line_buffer.h"

#include <algorithm>
#include <cstdint>

#include "map/gl/map_view.h"
#include "shaders_embedded.h"

namespace ccap::render {

static_assert(sizeof(Segment) == 16, "two world points a segment, as GL_LINES reads them");

std::string thin_line_program(GlProgram& program) {
  return program.build("thin_line", shaders::thin_line_vert, shaders::solid_frag, true);
}

ThinLineBuffer::~ThinLineBuffer() {
  if (!vao_) return;
  glDeleteBuffers(1, &vertices_);
  glDeleteVertexArrays(1, &vao_);
}

void ThinLineBuffer::upload(std::vector<Segment> segments) {
  if (!vao_) {  // made on first use: a buffer may be constructed before any GL context exists
    glGenVertexArrays(1, &vao_);
    glGenBuffers(1, &vertices_);
    glBindVertexArray(vao_);
    glBindBuffer(GL_ARRAY_BUFFER, vertices_);
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, sizeof(Vec2f), nullptr);
    glBindVertexArray(0);
  }
  buckets_ = bucket_segments(segments, kCullingGrid);
  min_x_ = max_x_ = segments.empty() ? 0 : segments.front().a.x;
  for (const Segment& s : segments) {
    min_x_ = std::min({min_x_, s.a.x, s.b.x});
    max_x_ = std::max({max_x_, s.a.x, s.b.x});
  }
  glBindBuffer(GL_ARRAY_BUFFER, vertices_);
  glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(segments.size() * sizeof(Segment)), segments.data(),
               GL_STATIC_DRAW);
  count_ = segments.size();
}

void ThinLineBuffer::draw(const GlProgram& program, const MapView& view, Rgba8 color, float alpha) const {
  if (count_ == 0 || alpha <= 0.001f) return;
  program.use();
  set_view_uniforms(program, view, 0);
  const ColorF c = to_float(color);
  glUniform4f(program.uniform("u_color"), c.r, c.g, c.b, c.a * alpha);
  const double margin = 2 * view.pixel_ratio / view.scale;  // a pixel either side, in world units
  const CopyRange copies = view.copies(min_x_, max_x_, 2);
  glBindVertexArray(vao_);
  for (int copy = copies.first; copy <= copies.last; ++copy) {
    glUniform1f(program.uniform("u_copy"), static_cast<float>(copy));
    for (const ItemRun& run : visible_runs(buckets_, copy, view.view_min_x - margin, view.view_min_y - margin,
                                           view.view_max_x + margin, view.view_max_y + margin))
      glDrawArrays(GL_LINES, static_cast<GLint>(run.first * 2), static_cast<GLsizei>(run.count * 2));
  }
  glBindVertexArray(0);
}

}  // namespace ccap::render
