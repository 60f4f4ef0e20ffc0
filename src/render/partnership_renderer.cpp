#include "render/partnership_renderer.h"

#include <cmath>

#include <algorithm>
#include <cmath>

#include "shaders_embedded.h"

namespace ccap::render {

namespace {
constexpr Rgba8 kArcColor{0x1b, 0x5e, 0x7a, 0xe0};
constexpr float kArcWidth = 2.6f;         // logical px
constexpr float kFlowSpacing = 90.0f;     // logical px between pulses
constexpr float kFlowSpeed = 60.0f;       // logical px per second
constexpr float kMaxMarkerExtent = 14.0f * 1.45f + 6.0f;  // marker.vert's quad for the largest radius
}  // namespace

PartnershipRenderer::~PartnershipRenderer() {
  if (!vao_) return;
  glDeleteBuffers(1, &instances_);
  glDeleteBuffers(1, &corners_);
  glDeleteVertexArrays(1, &vao_);
}

std::string PartnershipRenderer::init() {
  if (auto e = marker_.build("marker", shaders::marker_vert, shaders::marker_frag, true); !e.empty()) return e;
  if (auto e = line_.build("arc", shaders::line_vert, shaders::line_frag, true); !e.empty()) return e;
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
  glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<const void*>(offsetof(MarkerInstance, world)));
  glEnableVertexAttribArray(2);
  glVertexAttribPointer(2, 1, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<const void*>(offsetof(MarkerInstance, radius)));
  glEnableVertexAttribArray(3);
  glVertexAttribPointer(3, 4, GL_UNSIGNED_BYTE, GL_TRUE, stride, reinterpret_cast<const void*>(offsetof(MarkerInstance, fill)));
  glEnableVertexAttribArray(4);
  glVertexAttribPointer(4, 2, GL_UNSIGNED_BYTE, GL_FALSE, stride, reinterpret_cast<const void*>(offsetof(MarkerInstance, shape)));
  for (GLuint attribute = 1; attribute <= 4; ++attribute) glVertexAttribDivisor(attribute, 1);
  glBindVertexArray(0);
  return {};
}

void PartnershipRenderer::upload_markers(const MarkerLayer& markers) {
  glBindBuffer(GL_ARRAY_BUFFER, instances_);
  glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(markers.instances.size() * sizeof(MarkerInstance)),
               markers.instances.data(), GL_DYNAMIC_DRAW);
  marker_count_ = markers.instances.size();
  min_x_ = max_x_ = 0;
  if (!markers.instances.empty()) {
    const auto [lo, hi] = std::minmax_element(markers.instances.begin(), markers.instances.end(),
                                              [](const auto& a, const auto& b) { return a.world.x < b.world.x; });
    min_x_ = lo->world.x;
    max_x_ = hi->world.x;
  }
}

void PartnershipRenderer::upload_arcs(const ArcLayer& arcs) { arcs_.upload(arcs.segments, arcs.progress); }

void PartnershipRenderer::draw(const MapView& view, double flow_time) {
  glEnable(GL_BLEND);
  glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
  draw_arcs(view, flow_time);
  draw_markers(view);
}

void PartnershipRenderer::draw_arcs(const MapView& view, double flow_time) {
  if (arcs_.size() == 0) return;
  line_.use();
  set_view_uniforms(line_, view, 0);
  const ColorF c = to_float(kArcColor);
  glUniform4f(line_.uniform("u_color"), c.r, c.g, c.b, c.a);
  glUniform1f(line_.uniform("u_half_width"), 0.5f * kArcWidth * view.pixel_ratio);
  const bool flow = flow_time >= 0;
  glUniform1f(line_.uniform("u_flow_spacing"), flow ? kFlowSpacing * view.pixel_ratio : 0.0f);
  glUniform1f(line_.uniform("u_flow_speed"), kFlowSpeed * view.pixel_ratio);
  glUniform1f(line_.uniform("u_time"), flow ? static_cast<float>(std::fmod(flow_time, 3600.0)) : 0.0f);
  arcs_.draw_in_view(line_, view, kArcWidth);
}

void PartnershipRenderer::draw_markers(const MapView& view) {
  if (marker_count_ == 0) return;
  marker_.use();
  set_view_uniforms(marker_, view, 0);
  glUniform1f(marker_.uniform("u_pixel_ratio"), view.pixel_ratio);
  glBindVertexArray(vao_);
  const CopyRange copies = view.copies(min_x_, max_x_, kMaxMarkerExtent);
  for (int copy = copies.first; copy <= copies.last; ++copy) {
    glUniform1f(marker_.uniform("u_copy"), static_cast<float>(copy));
    glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, static_cast<GLsizei>(marker_count_));
  }
  glBindVertexArray(0);
}

}  // namespace ccap::render
