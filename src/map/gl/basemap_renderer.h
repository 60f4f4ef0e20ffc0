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
  bool graticule = true;
  bool land_fill = true, lines = true;  // coastlines and borders
  // Coastlines and borders also as one-device-pixel GL_LINES (map/gl/thin_line_buffer.h), drawn
  // instead of the anti-aliased quads whenever a line's width comes to one device pixel or less.
  // Set before upload().
  bool thin_lines = false;
  bool finest_level_only = false;  // always the most detailed level (the peer benchmark's 1:50m)
};

// The basemap's GL programs, built once and shared by every renderer drawn with them (the world
// map's and each city tile's: a hundred tiles would otherwise compile a hundred sets).
struct BasemapPrograms {
  GlProgram fill, line, cover, thin_line;  // cover: a full-screen triangle of one colour
  GLuint empty_vao = 0;
  bool has_stencil = false;
  BasemapPrograms() = default;
  BasemapPrograms(const BasemapPrograms&) = delete;
  BasemapPrograms& operator=(const BasemapPrograms&) = delete;
  ~BasemapPrograms();
  std::string init();  // returns what failed
};

class BasemapRenderer {
 public:
  // With `programs` (built): draws with them; without, init() builds its own.
  explicit BasemapRenderer(std::shared_ptr<const BasemapPrograms> programs = nullptr);
  ~BasemapRenderer();
  std::string init();  // builds the programs, unless given; returns what failed
  void upload(const Basemap& map);
  bool has_basemap() const { return !levels_.empty(); }
  void draw(const MapView& view, double zoom);
  void set_style(const BasemapStyle& style) { style_ = style; }
  // Draws this map (its finest level) over what is on screen, where the scissor leaves open, at
  // `opacity`: an exact cross-fade, each pixel blended once (the stencil marks where this map has
  // land; then its sea, its land, and over them its lines) and the land mask set from this map.
  // A city tile over the world map: land where the coarser map had sea fades in, as sea where it
  // had land fades out, and land over land stays land.
  void draw_over(const MapView& view, float opacity);
  const BasemapStyle& style() const { return style_; }

 private:
  struct LevelGpu;
  void draw_land(const LevelGpu& level, const MapView& view) const;
  void draw_level_lines(const LevelGpu& level, const MapView& view, float alpha) const;
  void draw_lines(const LineBuffer& lines, const MapView& view, float width, Rgba8 color, float alpha) const;
  void fill_stencil(unsigned bits, Rgba8 color, float alpha) const;

  BasemapStyle style_;
  std::shared_ptr<const BasemapPrograms> programs_;
  std::vector<std::unique_ptr<LevelGpu>> levels_;
  std::vector<float> min_zooms_;
  LineBuffer graticule_;
  double graticule_step_ = 0;
};

}  // namespace ccap::render
