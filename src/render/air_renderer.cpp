#include "render/air_renderer.h"

#include <algorithm>
#include <cmath>

#include "shaders_embedded.h"

namespace ccap::render {

namespace {
constexpr float kSurfaceAlpha = 0.5f;  // translucent: the basemap stays readable
constexpr int kMaxBands = 8;           // surface.frag's arrays
}  // namespace

AirRenderer::~AirRenderer() {
  if (texture_) glDeleteTextures(1, &texture_);
  if (vao_) glDeleteVertexArrays(1, &vao_);
}

std::string AirRenderer::init() {
  if (auto e = markers_.init("station marker"); !e.empty()) return e;
  if (auto e = surface_.build("surface", shaders::fullscreen_vert, shaders::surface_frag, false); !e.empty()) return e;
  glGenVertexArrays(1, &vao_);
  glGenTextures(1, &texture_);
  glBindTexture(GL_TEXTURE_2D, texture_);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
  glBindTexture(GL_TEXTURE_2D, 0);
  return {};
}

void AirRenderer::upload_surface(const SurfaceGrid& grid) {
  has_surface_ = grid.covered > 0;
  if (!has_surface_) return;
  glBindTexture(GL_TEXTURE_2D, texture_);
  glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
  if (grid.cols != cols_ || grid.rows != rows_) {
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RG16F, grid.cols, grid.rows, 0, GL_RG, GL_FLOAT, grid.texels.data());
  } else {
    glTexSubImage2D(GL_TEXTURE_2D, 0, 0, 0, grid.cols, grid.rows, GL_RG, GL_FLOAT, grid.texels.data());
  }
  cols_ = grid.cols;
  rows_ = grid.rows;
  step_px_ = grid.step_px;
  glBindTexture(GL_TEXTURE_2D, 0);
}

void AirRenderer::draw(const MapView& view, const AirColorScale* scale, float surface_opacity) {
  glEnable(GL_BLEND);
  glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
  if (scale && has_surface_ && surface_opacity > 0) draw_surface(view, *scale, surface_opacity);
  markers_.draw(view);
}

void AirRenderer::draw_surface(const MapView& view, const AirColorScale& scale, float opacity) {
  surface_.use();
  glActiveTexture(GL_TEXTURE0);
  glBindTexture(GL_TEXTURE_2D, texture_);
  glUniform1i(surface_.uniform("u_surface"), 0);
  const auto px = static_cast<float>(step_px_) * view.pixel_ratio;
  glUniform2f(surface_.uniform("u_grid_px"), static_cast<float>(cols_) * px, static_cast<float>(rows_) * px);
  glUniform1f(surface_.uniform("u_viewport_h"), view.viewport_h);
  glUniform1f(surface_.uniform("u_opacity"), kSurfaceAlpha * std::clamp(opacity, 0.0f, 1.0f));
  const int n = std::min<int>(kMaxBands, static_cast<int>(scale.bands.size()));
  float uppers[kMaxBands] = {};
  float colors[kMaxBands * 4] = {};
  for (int i = 0; i < n; ++i) {
    const ScaleBand& b = scale.bands[static_cast<std::size_t>(i)];
    uppers[i] = std::isfinite(b.upper) ? static_cast<float>(b.upper) : 1e30f;
    const ColorF c = to_float(b.color);
    colors[i * 4 + 0] = c.r;
    colors[i * 4 + 1] = c.g;
    colors[i * 4 + 2] = c.b;
    colors[i * 4 + 3] = 1;
  }
  glUniform1i(surface_.uniform("u_band_count"), n);
  glUniform1fv(surface_.uniform("u_uppers"), kMaxBands, uppers);
  glUniform4fv(surface_.uniform("u_colors"), kMaxBands, colors);
  glBindVertexArray(vao_);
  glDrawArrays(GL_TRIANGLES, 0, 3);
  glBindVertexArray(0);
  glBindTexture(GL_TEXTURE_2D, 0);
}

}  // namespace ccap::render
