#include "map/gl/basemap_renderer.h"

#include <algorithm>

#include "map/gl/land_mask.h"
#include "map/graticule.h"
#include "map/palette.h"
#include "shaders_embedded.h"

namespace ccap::render {

namespace {
constexpr GLuint kOverBit = 8u;  // draw_over: where the map drawn over has land
}  // namespace

struct BasemapRenderer::LevelGpu {
  GLuint vao = 0, vertices = 0, indices = 0;
  float min_x = 0, max_x = 0;   // world x extent of the land
  std::vector<Bucket> buckets;  // of land triangles, for culling
  LineBuffer coastlines, borders, rivers;
  ThinLineBuffer thin_coastlines, thin_borders;  // with BasemapStyle::thin_lines

  LevelGpu(const BasemapLevel& level, bool thin) {
    glGenVertexArrays(1, &vao);
    glGenBuffers(1, &vertices);
    glGenBuffers(1, &indices);
    glBindVertexArray(vao);
    glBindBuffer(GL_ARRAY_BUFFER, vertices);
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(level.land_vertices.size() * sizeof(Vec2f)),
                 level.land_vertices.data(), GL_STATIC_DRAW);
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, sizeof(Vec2f), nullptr);
    std::vector<std::uint32_t> sorted = level.land_indices;
    buckets = bucket_triangles(level.land_vertices, sorted, kCullingGrid);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, indices);
    glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(sorted.size() * sizeof(std::uint32_t)), sorted.data(),
                 GL_STATIC_DRAW);
    glBindVertexArray(0);
    if (!level.land_vertices.empty()) {
      const auto [lo, hi] = std::minmax_element(level.land_vertices.begin(), level.land_vertices.end(),
                                                [](Vec2f a, Vec2f b) { return a.x < b.x; });
      min_x = lo->x;
      max_x = hi->x;
    }
    coastlines.upload(level.coastlines);
    borders.upload(level.borders);
    rivers.upload(level.rivers);
    if (thin) {
      thin_coastlines.upload(level.coastlines);
      thin_borders.upload(level.borders);
    }
  }
  ~LevelGpu() {
    glDeleteBuffers(1, &indices);
    glDeleteBuffers(1, &vertices);
    glDeleteVertexArrays(1, &vao);
  }
  LevelGpu(const LevelGpu&) = delete;
  LevelGpu& operator=(const LevelGpu&) = delete;
};

BasemapPrograms::~BasemapPrograms() {
  if (empty_vao) glDeleteVertexArrays(1, &empty_vao);
}

std::string BasemapPrograms::init() {
  for (auto [program, name, vs, fs, common] :
       {std::tuple{&fill, "fill", shaders::fill_vert, shaders::solid_frag, true},
        std::tuple{&line, "line", shaders::line_vert, shaders::line_frag, true},
        std::tuple{&cover, "fullscreen", shaders::fullscreen_vert, shaders::solid_frag, false}}) {
    if (auto error = program->build(name, vs, fs, common); !error.empty()) return error;
  }
  if (auto error = thin_line_program(thin_line); !error.empty()) return error;
  if (!empty_vao) glGenVertexArrays(1, &empty_vao);
  GLint stencil_bits = 0;
  glGetIntegerv(GL_STENCIL_BITS, &stencil_bits);
  has_stencil = stencil_bits >= 2;
  return {};
}

BasemapRenderer::BasemapRenderer(std::shared_ptr<const BasemapPrograms> programs) : programs_(std::move(programs)) {}

BasemapRenderer::~BasemapRenderer() = default;

std::string BasemapRenderer::init() {
  if (programs_) return {};
  auto own = std::make_shared<BasemapPrograms>();
  if (auto error = own->init(); !error.empty()) return error;
  programs_ = std::move(own);
  return {};
}

void BasemapRenderer::upload(const Basemap& map) {
  levels_.clear();
  for (const BasemapLevel& level : map.levels) levels_.push_back(std::make_unique<LevelGpu>(level, style_.thin_lines));
  min_zooms_ = min_zooms(map);
}

void BasemapRenderer::draw_land(const LevelGpu& level, const MapView& view) const {
  const BasemapPrograms& P = *programs_;
  glBindVertexArray(level.vao);
  const CopyRange copies = view.copies(level.min_x, level.max_x, 0);
  for (int copy = copies.first; copy <= copies.last; ++copy) {
    glUniform1f(P.fill.uniform("u_copy"), static_cast<float>(copy));
    for (const ItemRun& run :
         visible_runs(level.buckets, copy, view.view_min_x, view.view_min_y, view.view_max_x, view.view_max_y)) {
      const auto offset = static_cast<std::uintptr_t>(run.first) * 3 * sizeof(std::uint32_t);
      glDrawElements(GL_TRIANGLES, static_cast<GLsizei>(run.count * 3), GL_UNSIGNED_INT,
                     reinterpret_cast<const void*>(offset));
    }
  }
  glBindVertexArray(0);
}

void BasemapRenderer::draw_lines(const LineBuffer& lines, const MapView& view, float width, Rgba8 color,
                                 float alpha) const {
  const BasemapPrograms& P = *programs_;
  if (alpha <= 0.001f) return;
  P.line.use();
  set_view_uniforms(P.line, view, 0);
  const ColorF c = to_float(color);
  glUniform4f(P.line.uniform("u_color"), c.r, c.g, c.b, c.a * alpha);
  glUniform1f(P.line.uniform("u_half_width"), 0.5f * width * view.pixel_ratio);
  glUniform1f(P.line.uniform("u_flow_spacing"), 0.0f);
  lines.draw_in_view(P.line, view, width);
}

void BasemapRenderer::fill_stencil(unsigned bits, Rgba8 color, float alpha) const {
  const BasemapPrograms& P = *programs_;
  glStencilFunc(GL_EQUAL, static_cast<GLint>(bits), 3u);
  const ColorF c = to_float(color);
  glUniform4f(P.cover.uniform("u_color"), c.r, c.g, c.b, c.a * alpha);
  glDrawArrays(GL_TRIANGLES, 0, 3);
}

void BasemapRenderer::draw(const MapView& view, double zoom) {
  const BasemapPrograms& P = *programs_;
  glEnable(GL_BLEND);
  glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);

  if (const double step = graticule_step_degrees(zoom); style_.graticule && step != graticule_step_) {
    graticule_.upload(graticule_segments(step));
    graticule_step_ = step;
  }
  if (style_.graticule) draw_lines(graticule_, view, style_.graticule_width, palette::kGraticule, 1.0f);
  if (levels_.empty()) return;

  LevelBlend blend = level_blend(min_zooms_, zoom, style_.fade_zooms);
  if (style_.finest_level_only) blend = {levels_.size() - 1, levels_.size() - 1, 0};
  if (!P.has_stencil && blend.next != blend.level) {  // no stencil buffer: switch half-way instead
    if (blend.t >= 0.5f) blend.level = blend.next;
    blend.next = blend.level;
  }
  const LevelGpu& a = *levels_[blend.level];
  const LevelGpu& b = *levels_[blend.next];
  if (!style_.land_fill) {
    draw_level_lines(a, view, 1.0f);
    return;
  }
  P.fill.use();
  set_view_uniforms(P.fill, view, 0);
  if (blend.next == blend.level) {
    const ColorF land = to_float(style_.land);
    glUniform4f(P.fill.uniform("u_color"), land.r, land.g, land.b, land.a);
    begin_land_mask();
    draw_land(a, view);
    end_land_mask();
  } else {
    // Mark where each level has land (bit 1: a, bit 2: b; both: the land bit of land_mask.h),
    // then colour every pixel once.
    glEnable(GL_STENCIL_TEST);
    glColorMask(GL_FALSE, GL_FALSE, GL_FALSE, GL_FALSE);
    glStencilOp(GL_KEEP, GL_KEEP, GL_REPLACE);
    glStencilMask(1u | kLandBit);
    glStencilFunc(GL_ALWAYS, static_cast<GLint>(1u | kLandBit), 0xffu);
    draw_land(a, view);
    glStencilMask(2u | kLandBit);
    glStencilFunc(GL_ALWAYS, static_cast<GLint>(2u | kLandBit), 0xffu);
    draw_land(b, view);
    glColorMask(GL_TRUE, GL_TRUE, GL_TRUE, GL_TRUE);
    glStencilMask(0u);
    P.cover.use();
    glBindVertexArray(P.empty_vao);
    fill_stencil(3u, style_.land, 1.0f);
    fill_stencil(1u, style_.land, 1.0f - blend.t);
    fill_stencil(2u, style_.land, blend.t);
    glBindVertexArray(0);
    glStencilMask(0xffu);
    glDisable(GL_STENCIL_TEST);
  }
  if (&a == &b) {
    draw_level_lines(a, view, 1.0f);
  } else {
    draw_level_lines(a, view, 1.0f - blend.t);
    draw_level_lines(b, view, blend.t);
  }
}

void BasemapRenderer::draw_over(const MapView& view, float opacity) {
  if (levels_.empty() || opacity <= 0.001f) return;
  const BasemapPrograms& P = *programs_;
  const LevelGpu& level = *levels_.back();
  glEnable(GL_BLEND);
  glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
  glEnable(GL_STENCIL_TEST);
  glStencilMask(kLandBit | kOverBit);  // inside the scissor: this map decides where land is
  glClearStencil(0);
  glClear(GL_STENCIL_BUFFER_BIT);
  glStencilOp(GL_KEEP, GL_KEEP, GL_REPLACE);
  const auto cover = [&](Rgba8 color, float alpha) {
    P.cover.use();
    glBindVertexArray(P.empty_vao);
    const ColorF c = to_float(color);
    glUniform4f(P.cover.uniform("u_color"), c.r, c.g, c.b, c.a * alpha);
    glDrawArrays(GL_TRIANGLES, 0, 3);
    glBindVertexArray(0);
  };
  const auto land = [&](bool colour) {
    if (!style_.land_fill) return;
    glColorMask(colour, colour, colour, colour);
    glStencilFunc(GL_ALWAYS, static_cast<GLint>(kLandBit | kOverBit), 0xffu);
    P.fill.use();
    set_view_uniforms(P.fill, view, 0);
    const ColorF c = to_float(style_.land);
    glUniform4f(P.fill.uniform("u_color"), c.r, c.g, c.b, c.a);
    draw_land(level, view);
    glColorMask(GL_TRUE, GL_TRUE, GL_TRUE, GL_TRUE);
  };
  if (opacity >= 0.999f) {  // drawn fully (most frames): cleared to the sea (a clear is the
    // cheapest fill there is, a software rasteriser's above all), then the land over it
    const ColorF sea = to_float(palette::kOcean);
    glClearColor(sea.r, sea.g, sea.b, sea.a);
    glClear(GL_COLOR_BUFFER_BIT);
    land(true);
  } else {  // fading in: mark the land, then every pixel once, the sea or the land at `opacity`
    land(false);
    glStencilMask(0u);
    for (const auto& [bits, color] : {std::pair{0u, palette::kOcean}, std::pair{kOverBit, style_.land}}) {
      glStencilFunc(GL_EQUAL, static_cast<GLint>(bits), kOverBit);
      cover(color, opacity);
    }
  }
  glStencilMask(0xffu);
  glDisable(GL_STENCIL_TEST);
  if (style_.graticule) draw_lines(graticule_, view, style_.graticule_width, palette::kGraticule, opacity);
  draw_level_lines(level, view, opacity);
}

void BasemapRenderer::draw_level_lines(const LevelGpu& level, const MapView& view, float alpha) const {
  const BasemapPrograms& P = *programs_;
  if (!style_.lines) return;
  if (level.rivers.size()) draw_lines(level.rivers, view, style_.river_width, style_.river, alpha);
  const auto one_pixel = [&](float width) { return width * view.pixel_ratio <= 1.0f; };
  if (level.thin_borders.size() && one_pixel(style_.border_width))
    level.thin_borders.draw(P.thin_line, view, style_.border, alpha);
  else
    draw_lines(level.borders, view, style_.border_width, style_.border, alpha);
  if (level.thin_coastlines.size() && one_pixel(style_.coastline_width))
    level.thin_coastlines.draw(P.thin_line, view, style_.coastline, alpha);
  else
    draw_lines(level.coastlines, view, style_.coastline_width, style_.coastline, alpha);
}

}  // namespace ccap::render
