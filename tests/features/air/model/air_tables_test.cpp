#include "features/air/model/air_tables.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

namespace ccap {
namespace {
constexpr std::int64_t kJan1_2025 = 1735689600;

// Two stations in Taipei, one in Bangkok, one on the far side of the antimeridian (Fiji, 178.4°E
// seen from 179°W); two days of hourly PM2.5. The Bangkok station is synthetic, with a comma in its name.
AirOverlay sample() {
  AirQualityData d;
  d.first_hour = kJan1_2025;
  d.hours = 48;
  d.description = "A test set, provisional values, Jan 2025";
  const LngLat where[] = {{121.52, 25.05}, {121.60, 25.10}, {100.50, 13.75}, {178.44, -18.14}};
  const float value[] = {12, 40, 90, 5};
  for (std::uint32_t s = 0; s < 4; ++s) {
    AirStation st;
    st.id = "s" + std::to_string(s);
    st.name = s == 2 ? "Bangkok, Din Daeng" : "Station " + std::to_string(s);
    st.where = where[s];
    st.city = s < 2 ? "taipei" : "";
    st.synthetic = s == 2;
    st.source = s == 2 ? "synthetic demo data" : "MOENV";
    d.stations.push_back(st);
    d.series.push_back({s, Pollutant::Pm25, std::vector<float>(48, value[s])});
  }
  AirOverlay o;
  o.load(std::move(d));
  return o;
}

MapCamera camera_at(LngLat centre, double zoom) {
  MapCamera c;
  c.set_viewport(800, 600);
  c.set_zoom(zoom);
  c.set_center_lnglat(centre);
  return c;
}

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = text.rfind("\xEF\xBB\xBF", 0) == 0 ? 3 : 0;
  for (std::size_t end; (end = text.find("\r\n", start)) != std::string::npos; start = end + 2)
    out.push_back(text.substr(start, end - start));
  return out;
}

TEST(AirTables, StationsInViewNearestTheCentreFirst) {
  const AirOverlay air = sample();
  const auto in_taipei = stations_in_view(air, camera_at({121.55, 25.07}, 9));
  ASSERT_EQ(in_taipei.size(), 2u);
  EXPECT_EQ(in_taipei[0].index(), 0u);  // 0.03° and 0.02° from the centre, the other 0.05° and 0.03°
  EXPECT_EQ(in_taipei[1].index(), 1u);
  const auto over_the_pacific = stations_in_view(air, camera_at({-179, -18}, 6));
  ASSERT_EQ(over_the_pacific.size(), 1u) << "the station west of 180° is in a view east of it";
  EXPECT_EQ(over_the_pacific[0].index(), 3u);
}

TEST(AirTables, OneRowPerStationWithValueBandAndSyntheticSaidSo) {
  const AirOverlay air = sample();
  const std::string csv = stations_csv(air, {StationId(0), StationId(2)});
  EXPECT_EQ(csv.rfind("\xEF\xBB\xBF", 0), 0u);
  const auto rows = lines(csv);
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].rfind("station_id,station,partner_city_id,latitude,longitude,pollutant,averaging,time_utc,"
                          "value_ug_m3,band,",
                          0),
            0u);
  EXPECT_NE(rows[1].find("s0,Station 0,taipei,25.05000,121.52000,PM2.5,daily mean,2025-01-02 (UTC),12.0,"),
            std::string::npos)
      << rows[1];
  EXPECT_NE(rows[1].find("meets the guideline"), std::string::npos) << rows[1];
  EXPECT_NE(rows[2].find("\"Bangkok, Din Daeng\""), std::string::npos) << rows[2];
  EXPECT_NE(rows[2].find("yes: synthetic demo data"), std::string::npos) << rows[2];
  EXPECT_NE(rows[2].find(",90.0,"), std::string::npos) << rows[2];
  EXPECT_EQ(rows[0].substr(rows[0].size() - 8), ",dataset") << "the dataset's caption closes every row";
  EXPECT_EQ(rows[1].substr(rows[1].size() - 43), ",\"A test set, provisional values, Jan 2025\"");
  EXPECT_EQ(stations_csv_what(air), "stations pm25 daily mean 2025-01-02 (UTC)");
}

}  // namespace
}  // namespace ccap
