#include "map/map_camera.h"

#include <algorithm>
#include <cmath>

namespace ccap {

void MapCamera::set_viewport(double width, double height) {
  viewport_ = {std::max(1.0, width), std::max(1.0, height)};
  clamp();
}

void MapCamera::set_zoom_limits(double min_zoom, double max_zoom) {
  min_zoom_ = min_zoom;
  max_zoom_ = std::max(min_zoom, max_zoom);
  clamp();
}

double MapCamera::min_zoom() const {
  // The world must be nearly as tall as the viewport (kMinWorldHeightShare of it).
  const double fill_height = std::log2(viewport_.y * kMinWorldHeightShare / kWorldSizeAtZoom0);
  return std::min(max_zoom_, std::max(min_zoom_, fill_height));
}

void MapCamera::set_zoom(double zoom) {
  zoom_ = zoom;
  clamp();
}

void MapCamera::set_center(WorldPoint center) {
  center_ = center;
  clamp();
}

double MapCamera::world_size() const { return kWorldSizeAtZoom0 * std::exp2(zoom_); }

void MapCamera::clamp() {
  if (!std::isfinite(zoom_)) zoom_ = min_zoom();
  zoom_ = std::clamp(zoom_, min_zoom(), max_zoom_);
  if (!std::isfinite(center_.x)) center_.x = 0.5;
  if (!std::isfinite(center_.y)) center_.y = 0.5;
  center_.x -= std::floor(center_.x);
  const double half_height_world = viewport_.y / 2 / world_size();
  center_.y = half_height_world >= 0.5 ? 0.5 : std::clamp(center_.y, half_height_world, 1 - half_height_world);
}

glm::dvec2 MapCamera::world_to_screen(WorldPoint p) const {
  const double s = world_size();
  return {(p.x - center_.x) * s + viewport_.x / 2, (p.y - center_.y) * s + viewport_.y / 2};
}

WorldPoint MapCamera::screen_to_world(glm::dvec2 screen) const {
  const double s = world_size();
  return {center_.x + (screen.x - viewport_.x / 2) / s, center_.y + (screen.y - viewport_.y / 2) / s};
}

LngLat MapCamera::screen_to_lnglat(glm::dvec2 screen) const { return unproject(screen_to_world(screen)); }

glm::dvec2 MapCamera::lnglat_to_screen(LngLat p) const {
  WorldPoint w = project(p);
  w.x += std::round(center_.x - w.x);  // nearest copy: |w.x - center.x| <= 0.5
  return world_to_screen(w);
}

void MapCamera::pan_by(glm::dvec2 delta) {
  const double s = world_size();
  set_center({center_.x - delta.x / s, center_.y - delta.y / s});
}

void MapCamera::place(WorldPoint anchor, glm::dvec2 screen) {
  const double s = world_size();
  set_center({anchor.x - (screen.x - viewport_.x / 2) / s, anchor.y - (screen.y - viewport_.y / 2) / s});
}

void MapCamera::zoom_around(glm::dvec2 screen, double zoom) {
  const WorldPoint anchor = screen_to_world(screen);
  set_zoom(zoom);
  place(anchor, screen);
}

void MapCamera::fit_bounds(const GeoBounds& b, double padding) {
  const WorldPoint nw = project({b.west, b.north});
  WorldPoint se = project({b.west + b.lng_span(), b.south});  // east unwrapped past west
  const double world_w = se.x - nw.x, world_h = se.y - nw.y;
  const double avail_w = std::max(1.0, viewport_.x - 2 * padding);
  const double avail_h = std::max(1.0, viewport_.y - 2 * padding);
  const double scale = std::min(avail_w / world_w, avail_h / world_h);
  set_zoom(std::log2(scale / kWorldSizeAtZoom0));
  set_center({(nw.x + se.x) / 2, (nw.y + se.y) / 2});
}

int MapCamera::first_visible_copy() const { return world_copy_of(screen_to_world({0, 0}).x); }

int MapCamera::last_visible_copy() const { return world_copy_of(screen_to_world({viewport_.x, 0}).x); }

double MapCamera::meters_per_pixel() const {
  const double lat = center_lnglat().lat * kPi / 180.0;
  return std::cos(lat) * 2 * kPi * kEarthRadiusMeters / world_size();
}

}  // namespace ccap
