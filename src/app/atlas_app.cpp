#include "app/atlas_app.h"

#include <chrono>

#include "core/basemap_format.h"
#include "core/file_bytes.h"
#include "core/palette.h"
#include "core/picking.h"
#include "core/region.h"
#include "core/version.h"
#include "render/map_view.h"

namespace ccap {

namespace {
constexpr std::size_t kMaxBasemapBytes = 64u << 20;
constexpr double kHomePadding = 24;  // px around the partnership region in the default view
constexpr double kMaxZoom = 11;
constexpr std::size_t kMaxContentBytes = 16u << 20;
constexpr double kMousePickRadius = 16;  // px from a marker's centre (covers the largest marker)
constexpr double kTouchPickRadius = 30;  // fingers are not pointers
constexpr double kFlyToCityZoom = 6;
}  // namespace

AtlasApp::AtlasApp(AppConfig config) : config_(std::move(config)), ui_(config_.data_dir) {
  state_.version = kVersion;
  state_.clear_color = palette::kOcean;
  camera_.set_zoom_limits(0, kMaxZoom);
  navigator_.set_home(kPartnershipRegion, kHomePadding);
}

bool AtlasApp::init() {
  if (!ui_.init()) return false;
  if (auto error = basemap_renderer_.init(); !error.empty()) {
    add_notice(state_, {Notice::Level::Error, "The map cannot be drawn: " + error});
  } else {
    renderer_ready_ = true;
    load_basemap();
  }
  if (auto error = partnership_renderer_.init(); !error.empty()) {
    add_notice(state_, {Notice::Level::Error, "The partnership layers cannot be drawn: " + error});
  } else {
    load_partnership();
  }
  return true;
}

void AtlasApp::load_partnership() {
  const std::string path = config_.data_dir + "/partnership.json";
  const FileBytes file = read_file_bytes(path, kMaxContentBytes);
  if (!file.bytes) {
    add_notice(state_, {Notice::Level::Error, "Partnership content not loaded (" + file.error + ")."});
    return;
  }
  load_partnership_text(std::string(file.bytes->begin(), file.bytes->end()), path);
}

std::size_t AtlasApp::load_partnership_text(const std::string& text, const std::string& path) {
  PartnershipLoad load = parse_partnership(text, path);
  const std::size_t shown = std::min<std::size_t>(load.problems.size(), 3);
  for (std::size_t i = 0; i < shown; ++i) add_notice(state_, {Notice::Level::Warning, load.problems[i]});
  if (load.problems.size() > shown)
    add_notice(state_, {Notice::Level::Warning, std::to_string(load.problems.size() - shown) +
                                                     " more problems in " + path + " (entries left out)"});
  if (!load.partnership) return load.problems.size();
  partnership_ = std::move(load.partnership);
  selected_ = hover_ = -1;
  state_.layers.partnership_loaded = true;
  state_.layers.cities = static_cast<int>(partnership_->cities.size());
  state_.layers.pairs = static_cast<int>(partnership_->pairs.size());
  update_partnership_layers();
  return load.problems.size();
}

void AtlasApp::update_partnership_layers() {
  if (!partnership_) return;
  markers_ = build_markers(*partnership_, layers_, hover_, selected_);
  partnership_renderer_.upload_markers(markers_);
  state_.layers.markers = static_cast<int>(markers_.instances.size());
  const ArcLayer arcs = build_arcs(*partnership_, layers_);
  partnership_renderer_.upload_arcs(arcs);
  state_.layers.arc_segments = static_cast<int>(arcs.segments.size());
  state_.layers.cities_on = layers_.cities;
  state_.layers.arcs_on = layers_.arcs;
  state_.layers.labels_on = layers_.labels;
  state_.layers.flow_on = layers_.flow;
}

void AtlasApp::refresh_marker_flags() {
  set_marker_flags(markers_, *partnership_, hover_, selected_);
  partnership_renderer_.upload_markers(markers_);
}

bool AtlasApp::select_city(const std::string& id) {
  long index = -1;
  if (!id.empty()) {
    const auto found = partnership_ ? partnership_->city_index(id) : std::nullopt;
    if (!found) return false;
    index = static_cast<long>(*found);
  }
  if (index != selected_) {
    selected_ = index;
    refresh_marker_flags();
  }
  update_selection_status();
  return true;
}

void AtlasApp::update_selection_status() {
  SelectionStatus& s = state_.selection;
  s = {};
  if (!partnership_) return;
  if (selected_ >= 0) {
    const auto index = static_cast<std::size_t>(selected_);
    s.city = partnership_->cities[index].id;
    s.name = partnership_->cities[index].name;
    for (const auto& [pair, partner] : partnership_->partners_of(index)) s.partners.push_back(partnership_->cities[partner].id);
  }
  if (hover_ >= 0) s.hover = partnership_->cities[static_cast<std::size_t>(hover_)].id;
}

// Markers' screen positions this frame, the city under the mouse, and what a click or tap chose.
void AtlasApp::pick_hover_and_taps() {
  marker_screen_.clear();
  for (std::size_t i = 0; i < markers_.city.size(); ++i)
    marker_screen_.push_back(camera_.lnglat_to_screen(partnership_->cities[markers_.city[i]].where));
  const auto city_at = [&](glm::dvec2 at, double radius) -> long {
    const auto hit = pick_nearest(marker_screen_, at, radius);
    return hit ? static_cast<long>(markers_.city[*hit]) : -1;
  };
  long hover = -1;
  if (mouse_ && !ui_.wants_pointer() && !navigator_.is_moving()) hover = city_at(*mouse_, kMousePickRadius);
  long selected = selected_;
  if (const auto tap = navigator_.take_tap())
    selected = city_at(tap->at, tap->touch ? kTouchPickRadius : kMousePickRadius);
  if (hover != hover_ || selected != selected_) {
    hover_ = hover;
    selected_ = selected;
    refresh_marker_flags();
  }
}

ui::UiModel AtlasApp::ui_model() const {
  ui::UiModel m;
  if (!partnership_) return m;
  m.partnership = &*partnership_;
  m.layers = &layers_;
  m.selected = selected_;
  m.hover = hover_;
  const glm::dvec2 vp = camera_.viewport();
  for (std::size_t i = 0; i < markers_.city.size(); ++i) {
    const glm::dvec2 at = marker_screen_[i];
    if (at.x < -50 || at.y < -50 || at.x > vp.x + 50 || at.y > vp.y + 50) continue;
    const std::size_t city = markers_.city[i];
    double priority = static_cast<double>(partnership_->cities[city].population);
    if (partnership_->is_c3(city)) priority += 1e9;
    if (static_cast<long>(city) == hover_) priority += 1e11;
    if (static_cast<long>(city) == selected_) priority += 1e12;
    m.labels.push_back({city, at, markers_.instances[i].radius, priority});
  }
  return m;
}

void AtlasApp::apply(const ui::UiActions& actions) {
  // Buttons act after the frame, like keys would.
  if (actions.zoom_delta != 0) navigator_.zoom_by(actions.zoom_delta, camera_.viewport() * 0.5, now_);
  if (actions.go_home) navigator_.go_home(now_, true);
  if (!partnership_) return;
  if (actions.select) {
    selected_ = *actions.select;
    refresh_marker_flags();
  }
  if (actions.fly_to_city) {
    selected_ = static_cast<long>(*actions.fly_to_city);
    navigator_.fly_to(partnership_->cities[*actions.fly_to_city].where, std::max(camera_.zoom(), kFlyToCityZoom), now_);
    refresh_marker_flags();
  }
  if (actions.layers) {
    layers_ = *actions.layers;
    update_partnership_layers();
  }
  if (!actions.open_url.empty() && config_.open_url) config_.open_url(actions.open_url);
}

void AtlasApp::load_basemap() {
  const std::string path = config_.data_dir + "/basemap.ccapmap";
  const FileBytes file = read_file_bytes(path, kMaxBasemapBytes);
  if (!file.bytes) {
    add_notice(state_, {Notice::Level::Error, "Basemap not loaded (" + file.error + "); the map shows the ocean only."});
    return;
  }
  const BasemapDecodeResult decoded = decode_basemap(*file.bytes);
  if (!decoded.map) {
    add_notice(state_, {Notice::Level::Error,
                        "Basemap not loaded (" + path + ": " + decoded.error + "); the map shows the ocean only."});
    return;
  }
  basemap_renderer_.upload(*decoded.map);
  state_.map.basemap_loaded = true;
  state_.map.basemap_levels = static_cast<int>(decoded.map->levels.size());
}

void AtlasApp::shutdown() { ui_.shutdown(); }

void AtlasApp::event(const InputEvent& e) {
  if (!e.is_touch && (e.type == InputEvent::Type::PointerMove || e.type == InputEvent::Type::PointerDown))
    mouse_ = glm::dvec2{e.x, e.y};
  switch (e.type) {
    case InputEvent::Type::PointerDown:
    case InputEvent::Type::Wheel:
      if (ui_.wants_pointer()) return;  // on a panel, not on the map
      break;
    case InputEvent::Type::KeyDown:
      if (ui_.wants_keyboard()) return;
      break;
    case InputEvent::Type::PointerMove:
    case InputEvent::Type::PointerUp:  // the navigator follows only pointers it saw go down
    case InputEvent::Type::Resize:
      break;
  }
  navigator_.handle(e, e.time > 0 ? e.time : now_);
}

void AtlasApp::update_map_status() {
  const LngLat c = camera_.center_lnglat();
  state_.map.center_lng = c.lng;
  state_.map.center_lat = c.lat;
  state_.map.zoom = camera_.zoom();
  state_.map.meters_per_pixel = camera_.meters_per_pixel();
  state_.map.moving = navigator_.is_moving();
  state_.map.gestures = navigator_.gesture_count();
}

void AtlasApp::frame(const FrameInfo& frame) {
  const auto start = std::chrono::steady_clock::now();
  ++state_.frame;
  state_.frame_info = frame;
  now_ = frame.time_seconds;

  camera_.set_viewport(frame.canvas_width, frame.canvas_height);
  if (!view_ready_) {
    navigator_.go_home(now_, false);
    view_ready_ = true;
  }
  navigator_.set_reduced_motion(frame.reduced_motion);
  navigator_.update(now_);
  update_map_status();

  if (partnership_) pick_hover_and_taps();
  update_selection_status();

  const ui::UiActions actions = ui_.build(state_, ui_model());
  frame_renderer_.begin(frame.framebuffer_width, frame.framebuffer_height, state_.clear_color);
  const render::MapView view = render::make_map_view(camera_, frame.pixel_ratio);
  if (renderer_ready_) basemap_renderer_.draw(view, camera_.zoom());
  if (partnership_) partnership_renderer_.draw(view, layers_.flow && !frame.reduced_motion ? now_ : -1.0);
  ui_.render();

  if (probes_.has_pending()) {
    probes_.resolve(state_.frame, frame.pixel_ratio, frame.framebuffer_width, frame.framebuffer_height,
                    [this](FramebufferPoint p) { return frame_renderer_.read_pixel(p.x, p.y); });
  }

  apply(actions);

  const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  state_.frame_ms_average = state_.frame <= 2 ? ms : state_.frame_ms_average * 0.95 + ms * 0.05;
}

std::string AtlasApp::state_json() const { return to_json(state_, probes_.all()); }

}  // namespace ccap
