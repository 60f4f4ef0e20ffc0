#include "features/air/model/air_overlay.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include <glm/geometric.hpp>

#include "features/partnership/model/marker_style.h"
#include "map/geo.h"

namespace ccap {

namespace {
constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();
constexpr double kCullMarginPx = 40;
}  // namespace

float cluster_value(std::span<const std::uint32_t> members, std::span<const float> values, ClusterValue how,
                    std::vector<float>& scratch) {
  scratch.clear();
  for (std::uint32_t s : members)
    if (std::isfinite(values[s])) scratch.push_back(values[s]);
  if (scratch.empty()) return kNaN;
  if (how == ClusterValue::Max) return *std::max_element(scratch.begin(), scratch.end());
  const std::size_t mid = scratch.size() / 2;
  std::nth_element(scratch.begin(), scratch.begin() + static_cast<std::ptrdiff_t>(mid), scratch.end());
  const float upper = scratch[mid];
  if (scratch.size() % 2) return upper;
  const float lower = *std::max_element(scratch.begin(), scratch.begin() + static_cast<std::ptrdiff_t>(mid));
  return (lower + upper) / 2;
}

float cluster_radius(std::uint32_t count) {
  if (count <= 1) return kStationRadius;
  return std::min(kMarkerMaxRadius, 9.0f + 2.2f * std::log2(static_cast<float>(count)));
}

void AirOverlay::load(AirQualityData data) {
  data_ = std::move(data);
  timeline_ = AirTimeline(&data_);
  std::vector<WorldPoint> points;
  std::vector<LngLat> where;
  for (const AirStation& s : data_.stations) {
    points.push_back(project(s.where));
    where.push_back(s.where);
  }
  tree_ = ClusterTree(points, kClusterCellPx, kClusterMaxLevel);
  index_.build(where);
  settings_ = starting_settings(settings_);
  refresh();
}

void AirOverlay::replace(AirQualityData data) {
  const AirSettings before = settings_;
  const bool at_latest = before.step >= latest_step(before.period, before.pollutant);
  const std::int64_t at = timeline_.step_start(before.period, before.step);
  load(std::move(data));
  settings_.period = before.period;  // (as it was: apply() converts no step)
  AirSettings s = settings_;
  s.step = at_latest ? latest_step(s.period, s.pollutant) : timeline_.step_at(s.period, at);
  s.playing = before.playing;
  apply(s);
}

std::size_t AirOverlay::latest_step(AirPeriod period, Pollutant pollutant) const {
  for (std::size_t d = timeline_.steps(period); d-- > 0;)
    for (std::size_t st = 0; st < data_.stations.size(); ++st)
      if (std::isfinite(timeline_.value(st, pollutant, period, d))) return d;
  return 0;
}

AirSettings AirOverlay::starting_settings(AirSettings s) const {
  s.period = AirPeriod::Day;
  if (!timeline_.has_pollutant(s.pollutant) && !data_.series.empty()) s.pollutant = data_.series.front().pollutant;
  s.step = latest_step(AirPeriod::Day, s.pollutant);  // the latest day with any reading
  return s;
}

void AirOverlay::apply(AirSettings next) {
  if (next.period != settings_.period && next.step == settings_.step)
    next.step = timeline_.convert_step(settings_.period, next.step, next.period);
  const std::size_t n = timeline_.steps(next.period);
  next.step = n ? std::min(next.step, n - 1) : 0;
  next.speed = std::clamp(next.speed, 0.25, 48.0);
  // A scale that does not exist for the pollutant (the AQI here is PM2.5's) gives way to the other.
  const AirScaleKind other = next.scale == AirScaleKind::Aqi ? AirScaleKind::Who : AirScaleKind::Aqi;
  if (!make_color_scale(next.scale, next.pollutant, next.period, false) &&
      make_color_scale(other, next.pollutant, next.period, false))
    next.scale = other;
  if (next.playing && !settings_.playing) {
    last_advance_ = -1;
    step_accumulator_ = 0;
  }
  settings_ = next;
  refresh();
}

void AirOverlay::advance(double now) {
  if (!settings_.playing || steps() == 0) return;
  if (last_advance_ < 0) last_advance_ = now;
  step_accumulator_ += (now - last_advance_) * settings_.speed;
  last_advance_ = now;
  if (step_accumulator_ < 1) return;
  const auto whole = static_cast<std::size_t>(step_accumulator_);
  step_accumulator_ -= static_cast<double>(whole);
  settings_.step = (settings_.step + whole) % steps();
  refresh();
}

double AirOverlay::next_step_at() const {
  if (!settings_.playing || steps() == 0 || settings_.speed <= 0) return 1e300;
  if (last_advance_ < 0) return 0;  // the first advance starts the clock: now
  return last_advance_ + (1 - step_accumulator_) / settings_.speed;
}

std::string AirOverlay::step_label() const {
  if (steps() == 0) return "no data";
  return format_step(timeline_.step_start(settings_.period, settings_.step), settings_.period);
}

void AirOverlay::refresh() {
  ++revision_;
  scale_ = make_color_scale(settings_.scale, settings_.pollutant, settings_.period, settings_.colour_blind_safe);
  values_.resize(data_.stations.size());
  for (std::size_t s = 0; s < values_.size(); ++s)
    values_[s] = timeline_.value(s, settings_.pollutant, settings_.period, settings_.step);
}

const std::vector<float>& AirOverlay::node_values(int level) const {
  if (level == node_values_level_ && revision_ == node_values_revision_) return node_values_;
  const auto& nodes = tree_.level(level);
  node_values_.resize(nodes.size());
  std::vector<float> scratch;
  for (std::uint32_t n = 0; n < nodes.size(); ++n)
    node_values_[n] = cluster_value(tree_.members(level, n), values_, settings_.cluster_value, scratch);
  node_values_level_ = level;
  node_values_revision_ = revision_;
  return node_values_;
}

AirMarkerLayer AirOverlay::build_markers(const MapCamera& camera, std::optional<StationId> selected,
                                         std::optional<StationId> hover) const {
  AirMarkerLayer out;
  if (!loaded()) return out;
  const ClusterFrame frame = cluster_frame(tree_, camera.zoom());
  out.level = frame.level;
  const glm::dvec2 vp = camera.viewport();
  const double center_x = camera.center().x;
  const bool world_narrower_than_view = camera.world_size() < vp.x + 2 * kCullMarginPx;
  const auto& nodes = tree_.level(frame.level);
  const std::vector<float>& node_values = this->node_values(frame.level);
  for (std::uint32_t n = 0; n < nodes.size(); ++n) {
    WorldPoint w = split_position(tree_, frame, n);
    w.x += std::round(center_x - w.x);
    const glm::dvec2 screen = camera.world_to_screen(w);
    if (screen.y < -kCullMarginPx || screen.y > vp.y + kCullMarginPx) continue;
    if (!world_narrower_than_view && (screen.x < -kCullMarginPx || screen.x > vp.x + kCullMarginPx)) continue;
    const auto members = tree_.members(frame.level, n);
    AirMarker m;
    m.screen = screen;
    m.count = nodes[n].count;
    m.station = members.front();
    m.value = node_values[n];
    MarkerInstance inst;
    inst.world = {static_cast<float>(w.x), static_cast<float>(w.y)};
    inst.radius = cluster_radius(m.count);
    inst.fill = scale_ ? scale_->color_of(m.value) : kNoReadingColor;
    inst.shape = static_cast<std::uint8_t>(MarkerShape::Square);  // stations, alone or clustered
    if (m.count == 1 && StationId(m.station) == selected) inst.flags |= kMarkerSelected;
    if (m.count == 1 && StationId(m.station) == hover) inst.flags |= kMarkerHover;
    if (m.count > 1) inst.flags |= kMarkerValueRing;  // not the certification ring
    out.instances.push_back(inst);
    out.markers.push_back(m);
  }
  return out;
}

double square_reach_px(float radius, double mark_scale) {
  return radius * kMarkerSquareReach * std::sqrt(2.0) * mark_scale;
}

void move_clusters_clear(AirMarkerLayer& layer, const ScreenMarks& above, const MapCamera& camera, double mark_scale) {
  std::vector<ScreenDisc> moved;  // clusters already moved: the next keeps off them too
  const auto blocked = [&](glm::dvec2 at, double r) {
    return above.near(at, r, kClusterClearPx) != nullptr ||
           std::any_of(moved.begin(), moved.end(), [&](const ScreenDisc& d) {
             return glm::distance(at, d.centre) < d.radius + r + kClusterClearPx;
           });
  };
  for (std::size_t i = 0; i < layer.markers.size(); ++i) {
    AirMarker& m = layer.markers[i];
    if (m.count < 2) continue;
    const double r = square_reach_px(layer.instances[i].radius, mark_scale);
    const ScreenDisc* under = above.near(m.screen, r, kClusterClearPx);
    if (!under) continue;
    const glm::dvec2 away = m.screen - under->centre;
    const double start = glm::length(away) > 0.5 ? std::atan2(away.y, away.x) : kPi / 4;
    const double reach = under->radius + r + kClusterClearPx;
    glm::dvec2 place = under->centre + reach * glm::dvec2(std::cos(start), std::sin(start));
    bool clear = false;
    for (int ring = 0; ring < 3 && !clear; ++ring)  // farther out when every place near is taken
      for (int k = 0; k < 8 && !clear; ++k) {
        const double a = start + k * kPi / 4;
        const glm::dvec2 at = under->centre + (reach + ring * r) * glm::dvec2(std::cos(a), std::sin(a));
        clear = !blocked(at, r);
        if (clear) place = at;
      }
    m.screen = place;
    moved.push_back({place, r});
    const WorldPoint w = camera.screen_to_world(place);
    layer.instances[i].world = {static_cast<float>(w.x), static_cast<float>(w.y)};
  }
}

float AirOverlay::surface_opacity(double zoom) {
  return static_cast<float>(std::clamp(zoom - kSurfaceMinZoom, 0.0, 1.0));
}

SurfaceGrid AirOverlay::surface(const MapCamera& camera, const SurfaceSettings& settings) const {
  if (!loaded() || surface_opacity(camera.zoom()) <= 0) return {};
  return compute_surface(camera, index_, values_, settings);
}

std::vector<std::uint32_t> AirOverlay::stations_near(LngLat at, double radius_m) const {
  std::vector<std::pair<double, std::uint32_t>> found;
  index_.for_each_within(at, radius_m, [&](std::uint32_t s, double d2) { found.emplace_back(d2, s); });
  std::sort(found.begin(), found.end());
  std::vector<std::uint32_t> out;
  for (const auto& [d, s] : found) out.push_back(s);
  return out;
}

std::vector<std::uint32_t> AirOverlay::stations_of_city(const std::string& city) const {
  std::vector<std::uint32_t> out;
  for (std::uint32_t s = 0; s < data_.stations.size(); ++s)
    if (!city.empty() && data_.stations[s].city == city) out.push_back(s);
  return out;
}

}  // namespace ccap
