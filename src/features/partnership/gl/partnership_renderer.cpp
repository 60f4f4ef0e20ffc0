#include "features/partnership/gl/partnership_renderer.h"

#include <cmath>
#include <cstdint>
#include <vector>

#include "shaders_embedded.h"

namespace ccap::render {

namespace {
constexpr Rgba8 kCandidateColor{0xd5, 0x5e, 0x00, 0xe0};  // Okabe-Ito vermillion: not a twinning yet
constexpr float kArcWidth = 2.6f;                         // logical px
constexpr float kFlowSpacing = 90.0f;                     // logical px between pulses
constexpr float kFlowSpeed = 60.0f;                       // logical px per second

// Where each arc's segments start: the layer lists them arc after arc, tagged by pair.
std::vector<std::uint32_t> arc_starts(const ArcLayer& arcs) {
  std::vector<std::uint32_t> starts;
  for (std::size_t i = 0; i < arcs.pair.size(); ++i)
    if (i == 0 || arcs.pair[i] != arcs.pair[i - 1]) starts.push_back(static_cast<std::uint32_t>(i));
  return starts;
}
}  // namespace

std::string PartnershipRenderer::init() {
  if (auto e = markers_.init("city marker"); !e.empty()) return e;
  return line_.build("arc", shaders::line_vert, shaders::line_frag, true);
}

void PartnershipRenderer::upload_arcs(const ArcLayer& arcs) {
  arcs_.upload(arcs.segments, arcs.progress, arc_starts(arcs));
}

void PartnershipRenderer::upload_candidates(const ArcLayer& arcs) {
  candidates_.upload(arcs.segments, arcs.progress, arc_starts(arcs));
}

void PartnershipRenderer::draw(const MapView& view, double flow_time) {
  glEnable(GL_BLEND);
  glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
  draw_lines(arcs_, view, kTwinningArcColor, flow_time);
  draw_lines(candidates_, view, kCandidateColor, -1);
  markers_.draw(view);
}

// Arcs as anti-aliased ribbons of `color`; `flow_time` < 0: no flow.
void PartnershipRenderer::draw_lines(const LineLevels& lines, const MapView& view, Rgba8 color, double flow_time) {
  if (lines.size() == 0) return;
  line_.use();
  set_view_uniforms(line_, view, 0);
  const ColorF c = to_float(color);
  glUniform4f(line_.uniform("u_color"), c.r, c.g, c.b, c.a);
  glUniform1f(line_.uniform("u_half_width"), 0.5f * kArcWidth * view.mark_pixels());
  const bool flow = flow_time >= 0;
  glUniform1f(line_.uniform("u_flow_spacing"), flow ? kFlowSpacing * view.mark_pixels() : 0.0f);
  glUniform1f(line_.uniform("u_flow_speed"), kFlowSpeed * view.mark_pixels());
  glUniform1f(line_.uniform("u_time"), flow ? static_cast<float>(std::fmod(flow_time, 3600.0)) : 0.0f);
  lines.draw_in_view(line_, view, kArcWidth);
}

}  // namespace ccap::render
