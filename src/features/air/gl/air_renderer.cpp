#include "features/air/gl/air_renderer.h"

#include <algorithm>
#include <cmath>

#include "map/gl/land_mask.h"
#include "shaders_embedded.h"

namespace ccap::render {

namespace {
constexpr float kSurfaceAlpha = 0.5f;  // translucent: the basemap stays readable
constexpr int kLutSize = 256;

// The value the lookup table ends at: a third above the last finite band edge.
float lut_top(const AirColorScale& scale) {
  double top = 1;
  for (const ScaleBand& b : scale.bands)
    if (std::isfinite(b.upper)) top = std::max(top, b.upper);
  return static_cast<float>(top * 4 / 3);
}
}  // namespace

AirRenderer::~AirRenderer() {
  if (texture_) glDeleteTextures(1, &texture_);
  if (lut_) glDeleteTextures(1, &lut_);
  if (vao_) glDeleteVertexArrays(1, &vao_);
}

std::string AirRenderer::init() {
  if (auto e = markers_.init("station marker"); !e.empty()) return e;
  if (auto e = surface_.build("surface", shaders::fullscreen_vert, shaders::surface_frag, false); !e.empty()) return e;
  glGenVertexArrays(1, &vao_);
  for (GLuint* t : {&texture_, &lut_}) {
    glGenTextures(1, t);
    glBindTexture(GL_TEXTURE_2D, *t);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
  }
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
  first_col_ = grid.first_col;
  last_col_ = grid.last_col;
  first_row_ = grid.first_row;
  last_row_ = grid.last_row;
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
  // The scale as a lookup table: texel i holds the colour of the value at its centre.
  const float lut_end = lut_top(scale);
  std::vector<Rgba8> colors(kLutSize);
  for (int i = 0; i < kLutSize; ++i)
    colors[static_cast<std::size_t>(i)] = scale.color_of((i + 0.5) / kLutSize * lut_end);
  glActiveTexture(GL_TEXTURE1);
  glBindTexture(GL_TEXTURE_2D, lut_);
  if (colors != lut_colors_) {
    glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, kLutSize, 1, 0, GL_RGBA, GL_UNSIGNED_BYTE, colors.data());
    lut_colors_ = std::move(colors);
  }
  glUniform1i(surface_.uniform("u_colors"), 1);
  glUniform1f(surface_.uniform("u_top"), lut_end);
  // Only the pixels that can be covered: the covered samples' bounds and a sample around them
  // (SwiftShader and phones pay per fragment).
  const auto edge = [&](int cell) { return static_cast<GLint>(std::floor(static_cast<float>(cell) * px)); };
  const GLint x0 = edge(first_col_ - 1), x1 = edge(last_col_ + 2);
  const GLint top = edge(first_row_ - 1), bottom = edge(last_row_ + 2);
  const auto height = static_cast<GLint>(view.viewport_h);
  glEnable(GL_SCISSOR_TEST);
  glScissor(std::max(0, x0), std::max(0, height - bottom), std::max(0, x1 - std::max(0, x0)),
            std::max(0, std::min(height, height - top) - std::max(0, height - bottom)));
  glBindVertexArray(vao_);
  clip_to_land();  // the surface stops at the coast: it is interpolated between stations on land
  glDrawArrays(GL_TRIANGLES, 0, 3);
  end_land_mask();
  glBindVertexArray(0);
  glDisable(GL_SCISSOR_TEST);
  glBindTexture(GL_TEXTURE_2D, 0);
  glActiveTexture(GL_TEXTURE0);
  glBindTexture(GL_TEXTURE_2D, 0);
}

}  // namespace ccap::render
