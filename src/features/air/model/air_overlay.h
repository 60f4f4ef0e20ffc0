#pragma once
// The air-quality overlay's state and what it draws, free of GL and UI: the loaded data, the
// user's choices (pollutant, averaging, time, colour scale), playback, the station markers and
// clusters for a view, and the interpolated surface. The renderer draws what this builds; the
// panels read and change its settings.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include <glm/vec2.hpp>

#include "base/ids.h"
#include "features/air/model/air_scale.h"
#include "features/air/model/air_series.h"
#include "features/air/model/air_surface.h"
#include "features/air/model/air_timeline.h"
#include "features/air/model/cluster_tree.h"
#include "map/map_camera.h"
#include "map/marker_instance.h"
#include "map/screen_marks.h"

namespace ccap {

enum class ClusterValue : std::uint8_t { Median, Max };

struct AirSettings {
  bool stations = true, surface = true;
  Pollutant pollutant = Pollutant::Pm25;
  AirPeriod period = AirPeriod::Day;
  std::size_t step = 0;  // in steps of `period`
  AirScaleKind scale = AirScaleKind::Who;
  bool colour_blind_safe = false;
  ClusterValue cluster_value = ClusterValue::Median;
  bool playing = false;
  double speed = 4;  // steps per second while playing
};

// One marker on screen: a station on its own (count 1) or a cluster.
struct AirMarker {
  glm::dvec2 screen;  // logical px, the copy nearest the view's centre
  std::uint32_t count = 1;
  std::uint32_t station = 0;  // count 1: the station; a cluster: its first member
  float value = 0;            // the station's value, or the cluster's median or maximum; NaN: none
};

struct AirMarkerLayer {
  std::vector<MarkerInstance> instances;  // parallel to `markers`
  std::vector<AirMarker> markers;
  int level = 0;
};

inline constexpr double kClusterCellPx = 56;
inline constexpr int kClusterMaxLevel = 12;  // beyond the map's deepest zoom: stations stand alone
inline constexpr float kStationRadius = 6.5f;
// The surface is drawn from this zoom, fading in over one zoom level: below it the reach of a
// station (30 km) is a few pixels and the surface would be specks.
inline constexpr double kSurfaceMinZoom = 6.5;

class AirOverlay {
 public:
  // Takes the data; settings go to the latest day with readings of the default pollutant.
  void load(AirQualityData data);
  // The same dataset with newer readings (a refresh): the pollutant, averaging and layers stay;
  // the time shown stays where it was, or, when it was the latest step with a reading, moves on
  // to the new latest (a visitor watching "now" keeps watching now).
  void replace(AirQualityData data);
  bool loaded() const { return data_.hours > 0 && !data_.stations.empty(); }
  const AirQualityData& data() const { return data_; }
  const AirTimeline& timeline() const { return timeline_; }

  const AirSettings& settings() const { return settings_; }
  // Applies new settings, keeping the step in range. When the averaging changes and the step does
  // not, the step is converted so the slider keeps its place in time; a new step is taken as a
  // step of the new averaging. A colour scale that does not exist for the pollutant (the AQI for
  // NO2) gives way to one that does.
  void apply(AirSettings next);
  // `base` on the day the overlay starts on: the latest day with any reading, of a pollutant the
  // data has (PM2.5 when it can).
  AirSettings starting_settings(AirSettings base) const;
  // The latest step of `period` at which any station has a value of `pollutant` (0: none).
  std::size_t latest_step(AirPeriod period, Pollutant pollutant) const;
  // Playback: advances the step at `speed` steps per second, looping at the end.
  void advance(double now_seconds);
  // When advance() next moves to another step (s, the same clock); +infinity when not playing.
  double next_step_at() const;

  std::size_t steps() const { return timeline_.steps(settings_.period); }
  std::string step_label() const;
  // nullopt when the chosen scale does not exist for the pollutant (e.g. the AQI for NO2).
  const std::optional<AirColorScale>& color_scale() const { return scale_; }
  // The current value of every station (NaN: none), and a number that changes whenever they do.
  std::span<const float> values() const { return values_; }
  std::uint64_t revision() const { return revision_; }

  AirMarkerLayer build_markers(const MapCamera& camera, std::optional<StationId> selected_station,
                               std::optional<StationId> hover_station) const;
  // Alpha of the surface at a zoom (0 below kSurfaceMinZoom .. 1 a level above).
  static float surface_opacity(double zoom);
  SurfaceGrid surface(const MapCamera& camera, const SurfaceSettings& settings = {}) const;

  // The stations within `radius_m` of a place, nearest first (for city panels).
  std::vector<std::uint32_t> stations_near(LngLat at, double radius_m) const;
  // The stations that list `city` as theirs.
  std::vector<std::uint32_t> stations_of_city(const std::string& city) const;

 private:
  void refresh();  // after the settings changed: scale and values

  AirQualityData data_;
  AirTimeline timeline_;
  ClusterTree tree_;
  StationIndex index_;
  AirSettings settings_;
  std::optional<AirColorScale> scale_;
  std::vector<float> values_;
  double last_advance_ = -1, step_accumulator_ = 0;
  std::uint64_t revision_ = 0;
  // The clusters' values at one level, kept until the values or the level change (a frame only
  // moves them).
  const std::vector<float>& node_values(int level) const;
  mutable std::vector<float> node_values_;
  mutable int node_values_level_ = -1;
  mutable std::uint64_t node_values_revision_ = 0;
};

// The median (or maximum) of the finite values among `members`; NaN if none.
float cluster_value(std::span<const std::uint32_t> members, std::span<const float> values, ClusterValue how,
                    std::vector<float>& scratch);
// Marker radius for a cluster of `count` stations (a station alone: kStationRadius).
float cluster_radius(std::uint32_t count);
// Clusters that would touch a mark of a layer above (a partner city's marker: a city's stations
// cluster at the city) are moved beside it, so that neither hides the other and the count shows:
// to the first of eight places around the mark, starting on the cluster's own side (lower right
// when they coincide), kClusterClearPx from the mark's edge, that touches no other mark and no
// cluster moved before it; if none is clear, the same a radius farther out, twice; else the first. `mark_scale`: marks'
// size over their design size.
inline constexpr double kClusterClearPx = 3;  // logical px
// How far a station square of `radius` (design px) reaches from its centre: to its corners.
double square_reach_px(float radius, double mark_scale);
void move_clusters_clear(AirMarkerLayer& layer, const ScreenMarks& above, const MapCamera& camera, double mark_scale);

}  // namespace ccap
