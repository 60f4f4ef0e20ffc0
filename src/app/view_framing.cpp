// The view's framing: where a chosen place is shown beside the open panel, keeping the open
// page's subject in view (after a page opens or the screen changes size), fitting a set of places,
// and Home fitted between the panels. Part of AtlasApp (atlas_app.h), apart for its length.
#include <algorithm>
#include <cmath>

#include "app/atlas_app.h"
#include "map/clear_box.h"
#include "map/region.h"

namespace ccap {

WorldPoint AtlasApp::centre_showing(LngLat where, double zoom) const {
  return centre_showing(where, zoom, imgui_.layout().clear_map_area());
}

WorldPoint AtlasApp::centre_showing(LngLat where, double zoom, const ui::Rect& area) const {
  const glm::dvec2 offset = camera_.viewport() * 0.5 - glm::dvec2(area.x + area.width / 2, area.y + area.height / 2);
  MapCamera at_zoom = camera_;
  at_zoom.set_zoom(zoom);
  const WorldPoint p = project(where);
  return {p.x + offset.x / at_zoom.world_size(), p.y + offset.y / at_zoom.world_size()};
}

void AtlasApp::keep_page_subject_in_view() {
  // A page opened, or the screen changed size (a phone turned, a window resized): the subject of
  // the page may now be off the map or under the panel.
  const glm::dvec2 viewport = camera_.viewport();
  const bool resized = viewport != viewport_seen_;
  viewport_seen_ = viewport;
  if (dock_.revision() == dock_revision_seen_ && !resized) return;
  const auto top = dock_.top();
  // A page opened from a panel (the "Which city?" chooser, a search result) opened after this
  // frame's layout was made without the dock: where it leaves the map is known from the next frame.
  if (top && !imgui_.layout().dock_open()) return;
  dock_revision_seen_ = dock_.revision();
  if (!top || navigator_.is_moving()) return;  // a flight there already aims beside the panel
  for (const Feature* f : features_) {
    const auto where = f->place_of(*top);
    if (!where) continue;
    const ui::Rect area = imgui_.layout().clear_map_area();
    constexpr double kInset = 32;  // px: not just inside the edge
    const auto clear = [&](const MapCamera& c) {
      const glm::dvec2 at = c.lnglat_to_screen(*where);
      return at.x >= area.x + kInset && at.y >= area.y + kInset && at.x <= area.right() - kInset &&
             at.y <= area.bottom() - kInset;
    };
    if (clear(camera_)) return;
    // Centred in the clear area; where the world's edge stops the map short of that (a phone's
    // sheet under a world-wide view), closer by half a level at a time, at most two levels.
    double zoom = camera_.zoom();
    for (int step = 0; step < 4; ++step, zoom += 0.5) {
      MapCamera there = camera_;
      there.set_zoom(zoom);
      there.set_center(centre_showing(*where, zoom));
      if (clear(there)) break;
    }
    if (resized)  // the map under the hand has just moved as a whole: no flight on top of that
      navigator_.jump_to({centre_showing(*where, zoom), zoom});
    else
      navigator_.fly_to({centre_showing(*where, zoom), zoom}, now_);
    return;
  }
}

void AtlasApp::fit_places(const std::vector<LngLat>& places) {
  if (places.empty()) return;
  // The bounds the short way round: each place's longitude within 180° of the first one's.
  double west = places.front().lng, east = west, south = places.front().lat, north = south;
  for (const LngLat& p : places) {
    const double lng = places.front().lng + std::remainder(p.lng - places.front().lng, 360.0);
    west = std::min(west, lng);
    east = std::max(east, lng);
    south = std::min(south, p.lat);
    north = std::max(north, p.lat);
  }
  constexpr double kHalfDegree = 0.5;  // one place (or all in one spot): a box around it, not the world
  if (east - west < kHalfDegree) {
    west -= kHalfDegree;
    east += kHalfDegree;
  }
  constexpr double kFitPadding = 72;  // design px around the places: their markers, labels and stations
  constexpr double kMaxFitZoom = 8;   // a single city: a city-wide view, not a street
  const ui::Rect area = fit_area();
  const auto wrap = [](double lng) { return std::remainder(lng, 360.0); };
  navigator_.fly_to(fit_in({wrap(west), south, wrap(east), north}, area, imgui_.layout().px(kFitPadding), kMaxFitZoom),
                    now_);
  places_fit_ = PlacesFit{places, area, navigator_.takeover_count()};
}

ui::Rect AtlasApp::fit_area() const {
  const ui::Layout& layout = imgui_.layout();
  ui::Rect area = layout.clear_map_area();
  if (const float top = layout.shown(ui::Slot::Badge) ? layout.place(ui::Slot::Badge).bottom() : 0; top > area.y) {
    area.height -= top - area.y;
    area.y = top;
  }
  for (const ui::Slot slot : {ui::Slot::AirPanel, ui::Slot::LayersPanel})
    if (layout.shown(slot)) area.height = std::min(area.height, layout.place(slot).y - area.y);
  return area;
}

void AtlasApp::keep_places_fitted() {
  if (!places_fit_) return;
  if (navigator_.takeover_count() != places_fit_->takeovers) {
    places_fit_.reset();  // a gesture, a flight elsewhere, Home: the fit is over
    return;
  }
  const ui::Rect area = fit_area();
  const ui::Rect& was = places_fit_->area;
  if (area.x != was.x || area.y != was.y || area.width != was.width || area.height != was.height)
    fit_places(std::vector<LngLat>(places_fit_->places));
}

CameraPose AtlasApp::fit_in(const GeoBounds& bounds, const ui::Rect& area, double padding, double max_zoom) const {
  MapCamera fit = camera_;
  fit.set_viewport(std::max(1.0f, area.width), std::max(1.0f, area.height));
  fit.fit_bounds(bounds, padding);
  const double zoom = std::min(fit.zoom(), max_zoom);
  return {centre_showing(fit.center_lnglat(), zoom, area), zoom};
}

void AtlasApp::update_home() {
  const ui::Layout& layout = imgui_.layout();
  const ui::Rect a = layout.clear_map_area();
  std::vector<ScreenBox> panels;
  for (const ui::Slot slot :
       {ui::Slot::WelcomeCard, ui::Slot::Badge, ui::Slot::MapControls, ui::Slot::AirPanel, ui::Slot::LayersPanel})
    if (layout.shown(slot)) {
      const ui::Rect& r = layout.place(slot);
      panels.push_back({{r.x, r.y}, {r.right(), r.bottom()}});
    }
  // Every partner city (the content may add one beyond the region: Philadelphia), else the region.
  if (home_revision_ != partnership_.content_revision()) {
    home_revision_ = partnership_.content_revision();
    std::vector<LngLat> places;
    if (const Partnership* p = partnership_.partnership())
      for (const City& c : p->cities) places.push_back(c.where);
    constexpr double kHomeMarginDegrees = 3;
    home_bounds_ = places.empty() ? kPartnershipRegion : bounds_of(places, kHomeMarginDegrees);
  }
  const auto fit = [&](const GeoBounds& bounds) {
    const WorldPoint nw = project({bounds.west, bounds.north});
    const WorldPoint se = project({bounds.west + bounds.lng_span(), bounds.south});
    const ScreenBox box =
        largest_clear_box({{a.x, a.y}, {a.right(), a.bottom()}}, panels, (se.x - nw.x) / (se.y - nw.y));
    const ui::Rect clear{static_cast<float>(box.min.x), static_cast<float>(box.min.y),
                         static_cast<float>(box.max.x - box.min.x), static_cast<float>(box.max.y - box.min.y)};
    return fit_in(bounds, clear, kHomePadding, camera_.max_zoom());
  };
  CameraPose home = fit(home_bounds_);
  // Too wide to fit (a phone cannot zoom out that far): the region, framed around Asia, instead.
  if (home.zoom <= camera_.min_zoom() + 1e-6) home = fit(kPartnershipRegion);
  navigator_.set_home_pose(home);
  // For the first frames, until anything else moves the map (the user, a link, a flight) or opens
  // a page, the first view follows the panels as they find their sizes.
  const auto at = [&](const CameraPose& p) {
    return std::abs(p.zoom - camera_.zoom()) < 1e-6 && std::abs(p.center.x - camera_.center().x) < 1e-9 &&
           std::abs(p.center.y - camera_.center().y) < 1e-9;
  };
  constexpr std::uint64_t kHomeSettleFrames = 10;  // the panels have measured their content by then
  if (!home_settling_ || !home_shown_ || !at(*home_shown_) || !dock_.empty() || frame_count_ > kHomeSettleFrames) {
    home_settling_ = false;
    return;
  }
  if (!navigator_.is_moving() && !at(home)) navigator_.jump_to(home);
  home_shown_ = CameraPose{camera_.center(), camera_.zoom()};
}

}  // namespace ccap
