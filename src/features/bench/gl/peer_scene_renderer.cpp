#include "features/bench/gl/peer_scene_renderer.h"

#include "map/gl/frame_renderer.h"
#include "shaders_embedded.h"

namespace ccap::render {

std::string PeerSceneRenderer::init() {
  for (const std::string& error : {land_.init(), points_.init(), thin_line_program(thin_line_),
                                   line_.build("line", shaders::line_vert, shaders::line_frag, true)})
    if (!error.empty()) return error;
  BasemapStyle style;
  style.land = bench::kPeerLand;
  style.coastline = style.border = bench::kPeerLandLine;
  style.coastline_width = style.border_width = bench::kLineWidthPx;
  style.graticule = false;
  style.thin_lines = true;         // 1 CSS px outlines: GL_LINES at pixel ratio 1
  style.finest_level_only = true;  // Natural Earth 1:50m, as the other contenders draw
  land_.set_style(style);
  return {};
}

void PeerSceneRenderer::upload(const Basemap& land, const bench::PeerSceneParams& layers) {
  BasemapStyle style = land_.style();
  style.land_fill = layers.land;
  style.lines = layers.outlines;
  land_.set_style(style);
  land_.upload(land);
  arcs_on_ = layers.arcs;
  points_on_ = layers.points;
}

void PeerSceneRenderer::upload(std::span<const bench::PeerPoint> points, const std::vector<Segment>& arcs) {
  points_.upload(points);
  arcs_.upload(arcs);
  thin_arcs_.upload(arcs);
}

void PeerSceneRenderer::draw(const MapView& view, double zoom, int fb_width, int fb_height) const {
  FrameRenderer{}.begin(fb_width, fb_height, bench::kPeerOcean);
  land_.draw(view, zoom);  // fill, then outlines; leaves blending on
  if (arcs_on_ && bench::kLineWidthPx * view.pixel_ratio <= 1.0f) {
    thin_arcs_.draw(thin_line_, view, bench::kPeerArc);
  } else if (arcs_on_) {  // wider than a device pixel: anti-aliased quads
    line_.use();
    set_view_uniforms(line_, view, 0);
    const ColorF arc = to_float(bench::kPeerArc);
    glUniform4f(line_.uniform("u_color"), arc.r, arc.g, arc.b, arc.a);
    glUniform1f(line_.uniform("u_half_width"), 0.5f * bench::kLineWidthPx * view.pixel_ratio);
    glUniform1f(line_.uniform("u_flow_spacing"), 0.0f);
    arcs_.draw_in_view(line_, view, bench::kLineWidthPx);
  }
  if (points_on_) points_.draw(view, bench::kPointRadiusPx);
}

}  // namespace ccap::render
