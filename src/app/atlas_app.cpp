#include "app/atlas_app.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>

#include "map/basemap_format.h"
#include "base/file_bytes.h"
#include "map/palette.h"
#include "map/picking.h"
#include "map/region.h"
#include "base/version.h"
#include "map/gl/map_view.h"

namespace ccap {

namespace {
constexpr std::size_t kMaxBasemapBytes = 64u << 20;
constexpr double kHomePadding = 24;  // px around the partnership region in the default view
constexpr double kMaxZoom = 11;
constexpr std::size_t kMaxContentBytes = 16u << 20;
constexpr double kMousePickRadius = 16;  // px from a marker's centre (covers the largest marker)
constexpr double kTouchPickRadius = 30;  // fingers are not pointers
constexpr double kFlyToCityZoom = 6;
constexpr std::size_t kMaxAirQualityBytes = 256u << 20;
constexpr double kFlyToStationZoom = 11;
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
  if (auto error = air_renderer_.init(); !error.empty()) {
    add_notice(state_, {Notice::Level::Error, "The air-quality overlay cannot be drawn: " + error});
  } else {
    air_renderer_ready_ = true;
    load_air_quality();
  }
  if (auto error = partnership_renderer_.init(); !error.empty()) {
    add_notice(state_, {Notice::Level::Error, "The partnership layers cannot be drawn: " + error});
  } else {
    load_partnership();
  }
  return true;
}

void AtlasApp::load_air_quality() {
  const std::string path = config_.data_dir + "/airquality.ccapaq";
  const FileBytes file = read_file_bytes(path, kMaxAirQualityBytes);
  if (!file.bytes) {
    add_notice(state_, {Notice::Level::Warning, "Air-quality data not loaded (" + file.error + ")."});
    return;
  }
  if (auto problem = load_air_quality_bytes(*file.bytes, path); !problem.empty())
    add_notice(state_, {Notice::Level::Warning, "Air-quality data not loaded (" + problem + ")."});
}

std::string AtlasApp::load_air_quality_bytes(std::span<const std::uint8_t> bytes, const std::string& name) {
  AirQualityDecodeResult decoded = decode_air_quality(bytes);
  if (!decoded.data) return name + ": " + decoded.error;
  air_.load(std::move(*decoded.data));
  selected_station_ = hover_station_ = -1;
  surface_key_ = {};
  return {};
}

bool AtlasApp::select_station(const std::string& id) {
  long index = -1;
  if (!id.empty()) {
    const auto& stations = air_.data().stations;
    const auto it = std::find_if(stations.begin(), stations.end(), [&](const AirStation& s) { return s.id == id; });
    if (it == stations.end()) return false;
    index = static_cast<long>(it - stations.begin());
  }
  selected_station_ = index;
  return true;
}

void AtlasApp::update_air_layer() {
  air_markers_ = air_.settings().stations ? air_.build_markers(camera_, selected_station_, hover_station_) : AirMarkerLayer{};
  air_renderer_.upload_markers(air_markers_.instances);
  air_screen_.clear();
  for (const AirMarker& m : air_markers_.markers) air_screen_.push_back(m.screen);
  const bool surface = air_.settings().surface && AirOverlay::surface_opacity(camera_.zoom()) > 0;
  const glm::dvec2 vp = camera_.viewport();
  const SurfaceKey key{camera_.center().x, camera_.center().y, camera_.zoom(), vp.x, vp.y, air_.revision()};
  if (surface && !(key == surface_key_)) {
    const SurfaceGrid grid = air_.surface(camera_);
    air_renderer_.upload_surface(grid);
    state_.air.surface_samples = static_cast<int>(grid.covered);
    surface_key_ = key;
  } else if (!surface) {
    state_.air.surface_samples = 0;
    surface_key_ = {};
  }
}

void AtlasApp::update_air_status() {
  AirStatus& a = state_.air;
  const AirSettings& s = air_.settings();
  a.loaded = air_.loaded();
  if (!a.loaded) return;
  const AirQualityData& d = air_.data();
  a.synthetic = d.any_synthetic();
  a.stations = static_cast<int>(d.stations.size());
  a.series = static_cast<int>(d.series.size());
  a.hours = static_cast<int>(d.hours);
  a.pollutant = pollutant_name(s.pollutant);
  a.period = period_name(s.period);
  a.scale = air_.color_scale() ? air_.color_scale()->title : "none for this pollutant";
  a.time_label = air_.step_label();
  a.step = static_cast<int>(s.step);
  a.steps = static_cast<int>(air_.steps());
  a.playing = s.playing;
  a.stations_on = s.stations;
  a.surface_on = s.surface;
  a.colour_blind_safe = s.colour_blind_safe;
  a.markers = static_cast<int>(air_markers_.markers.size());
  a.clusters = static_cast<int>(std::count_if(air_markers_.markers.begin(), air_markers_.markers.end(),
                                              [](const AirMarker& m) { return m.count > 1; }));
  a.level = air_markers_.level;
  a.selected_station.clear();
  a.selected_value = std::numeric_limits<double>::quiet_NaN();
  a.selected_color.clear();
  if (selected_station_ >= 0) {
    const auto i = static_cast<std::size_t>(selected_station_);
    a.selected_station = d.stations[i].id;
    a.selected_lng = d.stations[i].where.lng;
    a.selected_lat = d.stations[i].where.lat;
    a.selected_value = air_.values()[i];
    a.selected_color = to_hex(air_.color_scale() ? air_.color_scale()->color_of(air_.values()[i]) : kNoReadingColor);
  }
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
  highlighted_.clear();
  candidates_.clear();
  partnership_renderer_.upload_candidates({});
  KnowledgeLoad knowledge = parse_knowledge(text, *partnership_, path);
  for (std::size_t i = 0; i < std::min<std::size_t>(knowledge.problems.size(), 3); ++i)
    add_notice(state_, {Notice::Level::Warning, knowledge.problems[i]});
  knowledge_ = std::move(knowledge.knowledge);
  if (knowledge_) knowledge_search_ = KnowledgeSearch(*knowledge_, *partnership_);
  state_.layers.partnership_loaded = true;
  state_.layers.cities = static_cast<int>(partnership_->cities.size());
  state_.layers.pairs = static_cast<int>(partnership_->pairs.size());
  update_partnership_layers();
  return load.problems.size();
}

void AtlasApp::update_partnership_layers() {
  if (!partnership_) return;
  markers_ = build_markers(*partnership_, layers_, hover_, selected_);
  refresh_marker_flags();  // keeps the Knowledge Platform's marked cities marked; uploads
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
  highlight_markers(markers_, highlighted_);
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

// Markers' screen positions this frame, and what is under the mouse or was tapped: a city first,
// else a station; a tap on a cluster zooms in until it splits.
void AtlasApp::pick_hover_and_taps() {
  marker_screen_.clear();
  if (partnership_)
    for (std::size_t i = 0; i < markers_.city.size(); ++i)
      marker_screen_.push_back(camera_.lnglat_to_screen(partnership_->cities[markers_.city[i]].where));
  const auto city_at = [&](glm::dvec2 at, double radius) -> long {
    const auto hit = pick_nearest(marker_screen_, at, radius);
    return hit ? static_cast<long>(markers_.city[*hit]) : -1;
  };
  const auto air_at = [&](glm::dvec2 at, double radius) -> const AirMarker* {
    const auto hit = pick_nearest(air_screen_, at, radius);
    return hit ? &air_markers_.markers[*hit] : nullptr;
  };
  long hover = -1, hover_station = -1;
  if (mouse_ && !ui_.wants_pointer() && !navigator_.is_moving()) {
    hover = city_at(*mouse_, kMousePickRadius);
    if (hover < 0)
      if (const AirMarker* m = air_at(*mouse_, kMousePickRadius); m && m->count == 1) hover_station = m->station;
  }
  long selected = selected_, selected_station = selected_station_;
  if (const auto tap = navigator_.take_tap()) {
    const double radius = tap->touch ? kTouchPickRadius : kMousePickRadius;
    selected = city_at(tap->at, radius);
    selected_station = -1;
    if (selected < 0) {
      if (const AirMarker* m = air_at(tap->at, radius)) {
        if (m->count == 1) {
          selected_station = m->station;
        } else {  // a cluster: zoom in until it splits
          const double zoom = std::max(camera_.zoom() + 1, std::floor(camera_.zoom()) + 1.6);
          navigator_.fly_to(camera_.screen_to_lnglat(m->screen), std::min(zoom, kMaxZoom), now_);
          selected_station = selected_station_;
        }
      }
    }
  }
  hover_station_ = hover_station;
  selected_station_ = selected_station;
  if (hover != hover_ || selected != selected_) {
    hover_ = hover;
    selected_ = selected;
    if (partnership_) refresh_marker_flags();
  }
}

ui::UiModel AtlasApp::ui_model() const {
  ui::UiModel m;
  if (air_.loaded()) {
    m.air = &air_;
    m.air_markers = &air_markers_;
    m.selected_station = selected_station_;
  }
  if (!partnership_) return m;
  m.partnership = &*partnership_;
  if (knowledge_) {
    m.knowledge = &*knowledge_;
    m.search = &knowledge_search_;
  }
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
  if (!actions.open_url.empty() && config_.open_url) config_.open_url(actions.open_url);
  if (actions.air) air_.apply(*actions.air);
  if (actions.select_station) selected_station_ = *actions.select_station;
  if (actions.fly_to_station) {
    selected_station_ = static_cast<long>(*actions.fly_to_station);
    navigator_.fly_to(air_.data().stations[*actions.fly_to_station].where, std::max(camera_.zoom(), kFlyToStationZoom),
                      now_);
  }
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
  if (actions.highlight) {
    highlighted_ = *actions.highlight;
    refresh_marker_flags();
  }
  if (actions.candidates) {
    candidates_ = *actions.candidates;
    partnership_renderer_.upload_candidates(build_candidate_arcs(*partnership_, candidates_));
  }
}

void AtlasApp::update_knowledge_status() {
  KnowledgeStatus& k = state_.knowledge;
  k.loaded = knowledge_.has_value();
  if (!knowledge_) return;
  k.practices = static_cast<int>(knowledge_->practices.size());
  k.experts = static_cast<int>(knowledge_->experts.size());
  k.trainings = static_cast<int>(knowledge_->trainings.size());
  const ui::KnowledgeUiState& ks = ui_.knowledge();
  k.selected_kind.clear();
  k.selected_id.clear();
  k.selected_title.clear();
  if (ks.selected) {
    const EntryRef e = *ks.selected;
    k.selected_kind = entry_kind_name(e.kind);
    k.selected_id = e.kind == EntryKind::Practice ? knowledge_->practices[e.index].id
                    : e.kind == EntryKind::Expert ? knowledge_->experts[e.index].id
                                                  : knowledge_->trainings[e.index].id;
    k.selected_title = knowledge_search_.title(e);
  }
  k.highlighted.clear();
  for (std::size_t c : highlighted_) k.highlighted.push_back(partnership_->cities[c].id);
  k.peers.clear();
  for (const PeerMatch& m : ks.peers) k.peers.push_back(partnership_->cities[m.city].id);
  k.candidate_arcs = static_cast<int>(candidates_.size());
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

  air_.advance(now_);
  if (air_.loaded()) update_air_layer();
  pick_hover_and_taps();
  update_selection_status();
  update_air_status();

  const ui::UiActions actions = ui_.build(state_, ui_model());
  frame_renderer_.begin(frame.framebuffer_width, frame.framebuffer_height, state_.clear_color);
  const render::MapView view = render::make_map_view(camera_, frame.pixel_ratio);
  if (renderer_ready_) basemap_renderer_.draw(view, camera_.zoom());
  if (air_renderer_ready_ && air_.loaded())
    air_renderer_.draw(view, air_.color_scale() ? &*air_.color_scale() : nullptr,
                       air_.settings().surface ? AirOverlay::surface_opacity(camera_.zoom()) : 0.0f);
  if (partnership_) partnership_renderer_.draw(view, layers_.flow && !frame.reduced_motion ? now_ : -1.0);
  ui_.render();

  if (probes_.has_pending()) {
    probes_.resolve(state_.frame, frame.pixel_ratio, frame.framebuffer_width, frame.framebuffer_height,
                    [this](FramebufferPoint p) { return frame_renderer_.read_pixel(p.x, p.y); });
  }

  apply(actions);
  update_knowledge_status();

  const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  state_.frame_ms_average = state_.frame <= 2 ? ms : state_.frame_ms_average * 0.95 + ms * 0.05;
}

std::string AtlasApp::state_json() const { return to_json(state_, probes_.all()); }

}  // namespace ccap
