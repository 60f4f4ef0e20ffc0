#include "features/air/model/air_overlay.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include <glm/geometric.hpp>

namespace ccap {
namespace {
constexpr std::int64_t kJan1_2025 = 1735689600;

// Three stations in Taipei (a few km apart) and one in Bangkok; three days of hourly PM2.5, the
// third day missing everywhere.
AirQualityData sample() {
  AirQualityData d;
  d.first_hour = kJan1_2025;
  d.hours = 72;
  const LngLat where[] = {{121.52, 25.05}, {121.55, 25.06}, {121.50, 25.03}, {100.50, 13.75}};
  const float day_value[] = {10, 30, 50, 80};
  for (std::uint32_t s = 0; s < 4; ++s) {
    AirStation st;
    st.id = std::to_string(s);
    st.where = where[s];
    st.city = s < 3 ? "taipei" : "bangkok";
    d.stations.push_back(st);
    AirSeries series{s, Pollutant::Pm25, std::vector<float>(72, NAN)};
    for (int h = 0; h < 48; ++h) series.values[static_cast<std::size_t>(h)] = day_value[s] + (h >= 24 ? 1 : 0);
    d.series.push_back(series);
  }
  return d;
}
}  // namespace

TEST(ClusterValue, MedianOrMaximumOfTheReadingsThereAre) {
  std::vector<float> scratch;
  const std::vector<float> values{10, 20, NAN, 30, 40};
  const std::vector<std::uint32_t> all{0, 1, 2, 3, 4}, odd{0, 1, 3}, none{2};
  EXPECT_FLOAT_EQ(cluster_value(all, values, ClusterValue::Median, scratch), 25)
      << "even count: mean of the middle two";
  EXPECT_FLOAT_EQ(cluster_value(odd, values, ClusterValue::Median, scratch), 20);
  EXPECT_FLOAT_EQ(cluster_value(all, values, ClusterValue::Max, scratch), 40);
  EXPECT_TRUE(std::isnan(cluster_value(none, values, ClusterValue::Median, scratch))) << "missing is not zero";
  EXPECT_LT(cluster_radius(2), cluster_radius(200));
  EXPECT_LE(cluster_radius(1'000'000), 20);
}

TEST(AirOverlay, StartsOnTheLatestDayWithReadingsAndKeepsItsPlaceAcrossPeriods) {
  AirOverlay o;
  o.load(sample());
  ASSERT_TRUE(o.loaded());
  EXPECT_EQ(o.settings().period, AirPeriod::Day);
  EXPECT_EQ(o.settings().step, 1u) << "the third day has no readings";
  EXPECT_EQ(o.step_label(), "2025-01-02 (UTC)");
  EXPECT_FLOAT_EQ(o.values()[2], 51);
  AirSettings s = o.settings();
  s.period = AirPeriod::Hour;
  o.apply(s);
  EXPECT_EQ(o.settings().step, 24u) << "the first hour of the day shown";
  s = o.settings();
  s.step = 1000;
  o.apply(s);
  EXPECT_EQ(o.settings().step, 71u) << "kept in range";
  EXPECT_TRUE(std::isnan(o.values()[0]));
  s = o.settings();
  s.scale = AirScaleKind::Aqi;
  o.apply(s);
  EXPECT_EQ(o.settings().scale, AirScaleKind::Aqi);
  s.pollutant = Pollutant::No2;
  o.apply(s);
  EXPECT_EQ(o.settings().scale, AirScaleKind::Who) << "the AQI here is PM2.5's: NO2 falls back to the WHO bands";
  ASSERT_TRUE(o.color_scale());
}

// A refresh: the same stations with a newer hour. A visitor at the latest hour follows it; one
// looking back keeps the hour they look at, though the series now starts a day later.
TEST(AirOverlay, NewerDataKeepsThePlaceOrFollowsNow) {
  AirOverlay o;
  o.load(sample());
  AirSettings s = o.settings();
  s.period = AirPeriod::Hour;
  s.step = 47;  // the latest hour with readings
  s.pollutant = Pollutant::Pm25;
  o.apply(s);
  AirQualityData newer = sample();
  for (AirSeries& series : newer.series) series.values[48] = 99;  // a new hour, 2025-01-03 00:00
  o.replace(newer);
  EXPECT_EQ(o.settings().period, AirPeriod::Hour) << "the averaging stays";
  EXPECT_EQ(o.settings().step, 48u) << "at the latest hour: moves on to the new one";
  EXPECT_FLOAT_EQ(o.values()[0], 99);

  s = o.settings();
  s.step = 30;  // 2025-01-02 06:00
  o.apply(s);
  const std::string looked_at = o.step_label();
  AirQualityData later = newer;
  later.first_hour += 24 * 3600;  // a day folded out of the window
  for (AirSeries& series : later.series) series.values.erase(series.values.begin(), series.values.begin() + 24);
  later.hours -= 24;
  o.replace(later);
  EXPECT_EQ(o.step_label(), looked_at) << "the hour looked at stays";
  EXPECT_EQ(o.settings().step, 6u);
}

TEST(AirOverlay, PlaybackAdvancesAtItsSpeedAndLoops) {
  AirOverlay o;
  o.load(sample());
  AirSettings s = o.settings();
  s.period = AirPeriod::Hour;
  s.step = 70;
  s.playing = true;
  s.speed = 4;
  o.apply(s);
  o.advance(10.0);  // the first call only starts the clock
  EXPECT_EQ(o.settings().step, 70u);
  o.advance(10.125);
  EXPECT_EQ(o.settings().step, 70u) << "half a step";
  o.advance(10.25);
  EXPECT_EQ(o.settings().step, 71u);
  o.advance(10.75);
  EXPECT_EQ(o.settings().step, 1u) << "two steps on, past the end and round";
  s = o.settings();
  s.playing = false;
  o.apply(s);
  o.advance(20);
  EXPECT_EQ(o.settings().step, 1u);
}

namespace {
// 1200x800 at zoom 3 over the South China Sea: Taipei's three stations cluster, Bangkok's stands alone.
MapCamera bangkok_and_taipei_at_zoom_3() {
  MapCamera camera;
  camera.set_viewport(1200, 800);
  camera.set_zoom(3);
  camera.set_center_lnglat({112, 20});
  return camera;
}
}  // namespace

TEST(AirOverlay, MarkersClusterAtLowZoomAndStandAloneWhenZoomedIn) {
  AirOverlay o;
  o.load(sample());
  MapCamera camera = bangkok_and_taipei_at_zoom_3();
  const AirMarkerLayer wide = o.build_markers(camera, std::nullopt, std::nullopt);
  ASSERT_EQ(wide.markers.size(), 2u) << "Taipei's three stations as one cluster, Bangkok alone";
  const AirMarker& taipei = wide.markers[0].count == 3 ? wide.markers[0] : wide.markers[1];
  EXPECT_FLOAT_EQ(taipei.value, 31) << "the median of 11, 31 and 51";
  EXPECT_EQ(wide.instances[&taipei - wide.markers.data()].flags, kMarkerValueRing)
      << "a cluster is ringed in its value's colour, unlike any certification marker";
  AirSettings s = o.settings();
  s.cluster_value = ClusterValue::Max;
  o.apply(s);
  const AirMarkerLayer wide_max = o.build_markers(camera, std::nullopt, std::nullopt);
  for (const AirMarker& m : wide_max.markers)
    if (m.count == 3) {
      EXPECT_FLOAT_EQ(m.value, 51);
    }

  camera.set_zoom(12);
  camera.set_center_lnglat({121.52, 25.05});
  const AirMarkerLayer close = o.build_markers(camera, StationId(0), std::nullopt);
  ASSERT_EQ(close.markers.size(), 3u) << "Bangkok is off screen, Taipei's stations are apart";
  for (std::size_t i = 0; i < close.markers.size(); ++i) {
    EXPECT_EQ(close.markers[i].count, 1u);
    EXPECT_EQ(close.instances[i].shape, static_cast<std::uint8_t>(MarkerShape::Square));
    EXPECT_EQ((close.instances[i].flags & kMarkerSelected) != 0, close.markers[i].station == 0);
    const glm::dvec2 at = camera.lnglat_to_screen(o.data().stations[close.markers[i].station].where);
    EXPECT_NEAR(close.markers[i].screen.x, at.x, 1e-6);
  }
  const auto scale = *o.color_scale();
  for (std::size_t i = 0; i < close.markers.size(); ++i)
    EXPECT_EQ(close.instances[i].fill, scale.color_of(o.values()[close.markers[i].station]));
}

TEST(AirOverlay, AClusterUnderACitysMarkerMovesBesideItAndShowsAsStations) {
  AirOverlay o;
  o.load(sample());
  MapCamera camera = bangkok_and_taipei_at_zoom_3();
  AirMarkerLayer layer = o.build_markers(camera, std::nullopt, std::nullopt);
  const std::size_t c = layer.markers[0].count == 3 ? 0 : 1;
  EXPECT_EQ(layer.instances[c].shape, static_cast<std::uint8_t>(MarkerShape::Square))
      << "stations are squares, clustered too";
  const glm::dvec2 was = layer.markers[c].screen, alone = layer.markers[1 - c].screen;
  // Taipei's marker right on the cluster, another city's just to its lower right.
  ScreenMarks cities;
  cities.add(was, 10);
  cities.add(was + glm::dvec2(20, 20), 6);
  const double mark_scale = 1.5;
  move_clusters_clear(layer, cities, camera, mark_scale);
  const glm::dvec2 now = layer.markers[c].screen;
  const double reach = square_reach_px(layer.instances[c].radius, mark_scale);
  EXPECT_EQ(cities.near(now, reach, kClusterClearPx), nullptr) << "clear of both cities: " << now.x << "," << now.y;
  EXPECT_LT(glm::distance(now, was), 10 + reach + kClusterClearPx + reach + 1) << "beside the city, not far away";
  const WorldPoint w = camera.screen_to_world(now);
  EXPECT_NEAR(layer.instances[c].world.x, w.x, 1e-6) << "drawn where it is picked";
  EXPECT_NEAR(layer.instances[c].world.y, w.y, 1e-6);
  EXPECT_EQ(layer.markers[1 - c].screen, alone) << "a single station is not moved";
}

TEST(AirOverlay, SurfaceOnlyWhenZoomedInAndStationsByPlaceOrCity) {
  AirOverlay o;
  o.load(sample());
  EXPECT_EQ(AirOverlay::surface_opacity(3), 0);
  EXPECT_EQ(AirOverlay::surface_opacity(kSurfaceMinZoom + 0.5), 0.5f);
  EXPECT_EQ(AirOverlay::surface_opacity(11), 1);
  MapCamera camera;
  camera.set_viewport(300, 200);
  camera.set_zoom(4);
  EXPECT_TRUE(o.surface(camera).texels.empty());
  camera.set_zoom(10);
  camera.set_center_lnglat({121.52, 25.05});
  EXPECT_GT(o.surface(camera).covered, 0u);
  EXPECT_EQ(o.stations_near({121.52, 25.05}, 10'000), (std::vector<std::uint32_t>{0, 2, 1}));
  EXPECT_EQ(o.stations_of_city("bangkok"), (std::vector<std::uint32_t>{3}));
  EXPECT_TRUE(o.stations_of_city("").empty());
}

}  // namespace ccap
