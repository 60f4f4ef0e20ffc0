#include "features/air/model/synthetic_readings.h"

#include <gtest/gtest.h>

#include <cmath>

#include "features/air/model/air_timeline.h"

namespace ccap::airquality {
namespace {
std::vector<AirStation> two_stations() {
  AirStation taipei, santiago;
  taipei.id = "12";
  taipei.name = "Zhongshan";
  taipei.where = {121.526, 25.062};
  santiago.id = "s1";
  santiago.where = {-70.65, -33.45};
  return {taipei, santiago};
}

double mean_over(const AirSeries& s, std::size_t first, std::size_t last) {
  double sum = 0;
  std::size_t n = 0;
  for (std::size_t h = first; h < last; ++h)
    if (std::isfinite(s.values[h])) {
      sum += s.values[h];
      ++n;
    }
  return sum / static_cast<double>(n);
}
}  // namespace

TEST(SyntheticReadings, DeterministicAndLabelled) {
  const SyntheticSpec spec;
  const auto a = encode_air_quality(synthetic_air_quality(two_stations(), spec));
  const auto b = encode_air_quality(synthetic_air_quality(two_stations(), spec));
  EXPECT_EQ(a, b) << "the same inputs give the same bytes";
  SyntheticSpec other = spec;
  other.seed = 7;
  EXPECT_NE(a, encode_air_quality(synthetic_air_quality(two_stations(), other)));
  const AirQualityData d = synthetic_air_quality(two_stations(), spec);
  EXPECT_TRUE(d.any_synthetic());
  for (const AirStation& s : d.stations) {
    EXPECT_TRUE(s.synthetic);
    EXPECT_EQ(s.source, kSyntheticSource);
  }
  EXPECT_NE(d.description.find("Synthetic demo data"), std::string::npos);
  EXPECT_NE(d.description.find("Not measurements"), std::string::npos);
  EXPECT_EQ(d.hours, 8760u);
  EXPECT_EQ(d.series.size(), 8u) << "four pollutants at each of two stations";
}

TEST(SyntheticReadings, PlausibleShapesAndGaps) {
  const AirQualityData d = synthetic_air_quality(two_stations(), {});
  std::size_t missing = 0, total = 0;
  for (const AirSeries& s : d.series)
    for (float v : s.values) {
      ++total;
      if (std::isnan(v)) {
        ++missing;
        continue;
      }
      EXPECT_GT(v, 0);
      EXPECT_LT(v, plausible_maximum(s.pollutant)) << "inside what the importers accept";
    }
  EXPECT_GT(missing, total / 200) << "gaps exercise the 'no reading' paths";
  EXPECT_LT(missing, total / 10);
  const AirSeries& pm = d.series[0];     // Taipei PM2.5
  const AirSeries& o3 = d.series[3];     // Taipei O3
  const AirSeries& south = d.series[4];  // Santiago PM2.5
  ASSERT_EQ(pm.pollutant, Pollutant::Pm25);
  ASSERT_EQ(o3.pollutant, Pollutant::O3);
  const std::size_t jan = 0, jul = 181 * 24;
  EXPECT_GT(mean_over(pm, jan, jan + 31 * 24), mean_over(pm, jul, jul + 31 * 24)) << "winter peak in the north";
  EXPECT_LT(mean_over(south, jan, jan + 31 * 24), mean_over(south, jul, jul + 31 * 24)) << "and in the south";
  // O3 peaks in the afternoon (local solar time, UTC+8.1 in Taipei): 07:00 UTC is 15:00 local.
  double afternoon = 0, night = 0;
  for (std::size_t day = 0; day < 365; ++day) {
    const float a = o3.values[day * 24 + 7], n = o3.values[day * 24 + 19];
    if (std::isfinite(a) && std::isfinite(n)) {
      afternoon += a;
      night += n;
    }
  }
  EXPECT_GT(afternoon, 1.5 * night);
  const AirTimeline t(&d);
  EXPECT_FALSE(std::isnan(t.value(0, Pollutant::Pm25, AirPeriod::Year, 0))) << "a year with enough hours";
}

TEST(SyntheticReadings, ScatteredStationsStayNearTheirCentres) {
  const std::vector<LngLat> centres{{179.5, 10}, {100.5, 13.75}};
  const auto stations = scattered_stations(centres, 1000, 1, 1.5);
  ASSERT_EQ(stations.size(), 1000u);
  for (std::size_t i = 0; i < stations.size(); ++i) {
    const LngLat c = centres[i % 2];
    EXPECT_LE(distance_meters(c, stations[i].where), 1.51 * 111'320) << i;
    EXPECT_LT(stations[i].where.lng, 180) << "wrapped across the antimeridian";
  }
  EXPECT_EQ(stations[5].id, "bench-5");
}

}  // namespace ccap::airquality
