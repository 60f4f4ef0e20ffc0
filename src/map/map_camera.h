#pragma once
// The map's transform: where the camera looks (centre, zoom) and how screen pixels map to the
// world and to longitude/latitude. Screen coordinates are logical (CSS) pixels, origin top-left.
// At zoom z the whole world is 512 * 2^z pixels wide.
#include <glm/vec2.hpp>

#include "map/geo.h"

namespace ccap {

inline constexpr double kMinWorldHeightShare = 0.85;

class MapCamera {
 public:
  static constexpr double kWorldSizeAtZoom0 = 512.0;

  void set_viewport(double width, double height);
  glm::dvec2 viewport() const { return viewport_; }

  // Zoom limits; the lower one is raised when needed so that the world fills nearly all of the
  // viewport's height (kMinWorldHeightShare): on a portrait phone a thin band of the ocean's
  // colour above the Arctic and below the Antarctic lets the whole partnership region, India to
  // California, fit the width.
  void set_zoom_limits(double min_zoom, double max_zoom);
  double min_zoom() const;
  double max_zoom() const { return max_zoom_; }

  double zoom() const { return zoom_; }
  void set_zoom(double zoom);
  WorldPoint center() const { return center_; }
  void set_center(WorldPoint center);  // x wrapped into [0, 1), y kept inside the world
  LngLat center_lnglat() const { return unproject(center_); }
  void set_center_lnglat(LngLat c) { set_center(project(c)); }

  double world_size() const;  // pixels across the world at the current zoom

  glm::dvec2 world_to_screen(WorldPoint p) const;       // the copy of p given by its x as is
  WorldPoint screen_to_world(glm::dvec2 screen) const;  // unwrapped x
  LngLat screen_to_lnglat(glm::dvec2 screen) const;     // wrapped longitude
  // The screen position of the copy of `p` nearest the centre of the view.
  glm::dvec2 lnglat_to_screen(LngLat p) const;

  void pan_by(glm::dvec2 delta_pixels);  // the map content moves by delta
  // Moves the centre so that world point `anchor` appears at `screen` (zoom unchanged).
  void place(WorldPoint anchor, glm::dvec2 screen);
  // Zooms to `zoom` keeping the geographic point under `screen` where it is.
  void zoom_around(glm::dvec2 screen, double zoom);
  // Centres and zooms so that `bounds` fills the viewport less `padding` pixels on every side.
  void fit_bounds(const GeoBounds& bounds, double padding);

  // The range of world copies [first, last] that intersect the viewport.
  int first_visible_copy() const;
  int last_visible_copy() const;

  // Ground metres per logical pixel at the centre's latitude.
  double meters_per_pixel() const;

 private:
  void clamp();
  glm::dvec2 viewport_{1, 1};
  WorldPoint center_{0.5, 0.5};
  double zoom_ = 0;
  double min_zoom_ = 0, max_zoom_ = 12;
};

}  // namespace ccap
