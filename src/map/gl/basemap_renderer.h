#pragma once
// Draws the basemap: graticule, land, borders, coastlines, once per visible world copy. Between
// two levels of detail it cross-fades exactly (stencil marks where each level has land; each
// pixel is then blended once), so switching level never pops.
#include <memory>
#include <string>
#include <vector>

#include "base/color.h"
#include "map/basemap.h"
#include "map/gl/gl_program.h"
#include "map/gl/line_buffer.h"
#include "map/gl/map_view.h"
#include "map/gl/thin_line_buffer.h"
#include "map/palette.h"

namespace ccap::render {

struct BasemapStyle {
  float coastline_width = 1.1f;  // logical pixels
  float border_width = 0.9f;
  float graticule_width = 0.8f;
  float river_width = 1.2f;
  float fade_zooms = 0.6f;  // cross-fade span below a level's min zoom
  Rgba8 land = palette::kLand, coastline = palette::kCoastline, border = palette::kBorder, river = palette::kRiver;
  // Of the lines (graticule, borders, coast, rivers): a city tile's lines fade in over the coarser
  // map's while its land is drawn whole (land over land stays land: nothing darkens as it fades).
  float line_opacity = 1;
  bool graticule = true;
  bool land_fill = true, lines = true;  // coastlines and borders
  // Coastlines and borders also as one-device-pixel GL_LINES (map/gl/thin_line_buffer.h), drawn
  // instead of the anti-aliased quads whenever a line's width comes to one device pixel or less.
  // Set before upload().
  bool thin_lines = false;
  bool finest_level_only = false;  // always the most detailed level (the peer benchmark's 1:50m)
};

class BasemapRenderer {
 public:
  BasemapRenderer();
  ~BasemapRenderer();
  std::string init();  // builds the programs; returns what failed
  void upload(const Basemap& map);
  bool has_basemap() const { return !levels_.empty(); }
  void draw(const MapView& view, double zoom);
  void set_style(const BasemapStyle& style) { style_ = style; }
  // Fills what the scissor leaves open with `color` at `alpha`, blended (a city tile's sea over
  // the coarser map's land).
  void cover(Rgba8 color, float alpha) const;
  const BasemapStyle& style() const { return style_; }

 private:
  struct LevelGpu;
  void draw_land(const LevelGpu& level, const MapView& view) const;
  void draw_level_lines(const LevelGpu& level, const MapView& view, float alpha) const;
  void draw_lines(const LineBuffer& lines, const MapView& view, float width, Rgba8 color, float alpha) const;
  void fill_stencil(unsigned bits, Rgba8 color, float alpha) const;

  BasemapStyle style_;
  GlProgram fill_, line_, cover_, thin_line_;  // cover_: a full-screen triangle of one colour
  GLuint empty_vao_ = 0;
  bool has_stencil_ = false;
  std::vector<std::unique_ptr<LevelGpu>> levels_;
  std::vector<float> min_zooms_;
  LineBuffer graticule_;
  double graticule_step_ = 0;
};

}  // namespace ccap::render
