#include "render/line_buffer.h"

namespace ccap::render {

LineBuffer::LineBuffer() = default;

// GL objects are made on first use: a LineBuffer may be constructed before any GL context exists.
void LineBuffer::create() {
  static const float kCorners[] = {0, -1, 0, 1, 1, -1, 1, 1};  // a triangle strip
  glGenVertexArrays(1, &vao_);
  glGenBuffers(1, &corners_);
  glGenBuffers(1, &instances_);
  glBindVertexArray(vao_);
  glBindBuffer(GL_ARRAY_BUFFER, corners_);
  glBufferData(GL_ARRAY_BUFFER, sizeof kCorners, kCorners, GL_STATIC_DRAW);
  glEnableVertexAttribArray(0);
  glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, nullptr);
  glBindBuffer(GL_ARRAY_BUFFER, instances_);
  glEnableVertexAttribArray(1);
  glVertexAttribPointer(1, 4, GL_FLOAT, GL_FALSE, sizeof(Segment), nullptr);
  glVertexAttribDivisor(1, 1);
  glBindVertexArray(0);
}

LineBuffer::~LineBuffer() {
  if (!vao_) return;
  glDeleteBuffers(1, &instances_);
  glDeleteBuffers(1, &corners_);
  glDeleteVertexArrays(1, &vao_);
}

void LineBuffer::upload(const std::vector<Segment>& segments) {
  static_assert(sizeof(Segment) == 4 * sizeof(float));
  if (!vao_) create();
  glBindBuffer(GL_ARRAY_BUFFER, instances_);
  glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(segments.size() * sizeof(Segment)), segments.data(),
               GL_STATIC_DRAW);
  count_ = segments.size();
}

void LineBuffer::draw() const {
  if (count_ == 0) return;
  glBindVertexArray(vao_);
  glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, static_cast<GLsizei>(count_));
  glBindVertexArray(0);
}

}  // namespace ccap::render
