#include "features/air/model/air_timeline.h"

#include <gtest/gtest.h>

#include <cmath>

namespace ccap {
namespace {
constexpr std::int64_t kJan1_2025 = 1735689600;  // 2025-01-01T00:00:00Z

// One station, PM2.5, from 2024-12-31 22:00 UTC for `hours` hours, value = hour index.
AirQualityData ramp(std::uint32_t hours, std::int64_t first = kJan1_2025 - 2 * 3600) {
  AirQualityData d;
  d.first_hour = first;
  d.hours = hours;
  d.stations.push_back({});
  d.series.push_back({0, Pollutant::Pm25, {}});
  for (std::uint32_t h = 0; h < hours; ++h) d.series[0].values.push_back(static_cast<float>(h));
  return d;
}
}  // namespace

TEST(CivilDates, RoundTripAndKnownDays) {
  EXPECT_EQ(days_from_civil(1970, 1, 1), 0);
  EXPECT_EQ(days_from_civil(2025, 1, 1) * 86400, kJan1_2025);
  const CivilDate leap = civil_from_days(days_from_civil(2024, 2, 29));
  EXPECT_EQ(leap.year, 2024);
  EXPECT_EQ(leap.month, 2);
  EXPECT_EQ(leap.day, 29);
  EXPECT_EQ(civil_from_days(-1).year, 1969);
  EXPECT_EQ(format_step(kJan1_2025 + 8 * 3600, AirPeriod::Hour), "2025-01-01 08:00 UTC");
  EXPECT_EQ(format_step(kJan1_2025 - 1, AirPeriod::Day), "2024-12-31 (UTC)");
  EXPECT_EQ(format_step(kJan1_2025, AirPeriod::Year), "2025");
}

TEST(AirTimeline, StepsOfEachPeriodCoverTheLoadedHours) {
  const AirQualityData d = ramp(2 + 48);  // 22:00 on 31 Dec to 23:00 on 2 Jan
  const AirTimeline t(&d);
  EXPECT_EQ(t.steps(AirPeriod::Hour), 50u);
  EXPECT_EQ(t.steps(AirPeriod::Day), 3u) << "31 Dec, 1 Jan, 2 Jan";
  EXPECT_EQ(t.steps(AirPeriod::Year), 2u) << "2024 and 2025";
  EXPECT_EQ(t.hours_of(AirPeriod::Day, 0), (std::pair<std::size_t, std::size_t>{0, 2}));
  EXPECT_EQ(t.hours_of(AirPeriod::Day, 1), (std::pair<std::size_t, std::size_t>{2, 26}));
  EXPECT_EQ(t.step_start(AirPeriod::Day, 1), kJan1_2025);
  EXPECT_EQ(t.convert_step(AirPeriod::Hour, 30, AirPeriod::Day), 2u);
  EXPECT_EQ(t.convert_step(AirPeriod::Day, 2, AirPeriod::Hour), 26u);
  EXPECT_EQ(t.convert_step(AirPeriod::Day, 0, AirPeriod::Hour), 0u) << "a day that starts before the data";
  EXPECT_EQ(t.convert_step(AirPeriod::Hour, 5, AirPeriod::Year), 1u);
}

TEST(AirTimeline, DailyMeansNeedEighteenHours) {
  AirQualityData d = ramp(2 + 48);
  for (std::size_t h = 26; h < 26 + 7; ++h) d.series[0].values[h] = NAN;  // 2 Jan: 17 hours left
  const AirTimeline t(&d);
  EXPECT_TRUE(std::isnan(t.value(0, Pollutant::Pm25, AirPeriod::Day, 0))) << "31 Dec has only two hours loaded";
  EXPECT_FLOAT_EQ(t.value(0, Pollutant::Pm25, AirPeriod::Day, 1), (2 + 25) / 2.0f) << "mean of hours 2..25";
  EXPECT_TRUE(std::isnan(t.value(0, Pollutant::Pm25, AirPeriod::Day, 2)));
  d.series[0].values[26] = 26;  // 18 hours
  const AirTimeline again(&d);
  EXPECT_FALSE(std::isnan(again.value(0, Pollutant::Pm25, AirPeriod::Day, 2)));
  EXPECT_FLOAT_EQ(t.value(0, Pollutant::Pm25, AirPeriod::Hour, 7), 7);
  EXPECT_TRUE(std::isnan(t.value(0, Pollutant::No2, AirPeriod::Hour, 7))) << "no NO2 series";
  EXPECT_TRUE(std::isnan(t.value(3, Pollutant::Pm25, AirPeriod::Hour, 7))) << "no such station";
}

TEST(AirTimeline, AnnualMeansNeedThreeQuartersOfTheYear) {
  const std::uint32_t year = 8760;
  AirQualityData d = ramp(year, kJan1_2025);
  for (auto& v : d.series[0].values) v = 10;
  for (std::size_t h = 0; h < 2190; ++h) d.series[0].values[h] = NAN;  // exactly 75% left: 6570 hours
  const AirTimeline t(&d);
  ASSERT_EQ(t.steps(AirPeriod::Year), 1u);
  EXPECT_FLOAT_EQ(t.value(0, Pollutant::Pm25, AirPeriod::Year, 0), 10);
  d.series[0].values[2190] = NAN;
  const AirTimeline short_year(&d);
  EXPECT_TRUE(std::isnan(short_year.value(0, Pollutant::Pm25, AirPeriod::Year, 0)));
  const AirQualityData month = ramp(24 * 31, kJan1_2025);
  EXPECT_TRUE(std::isnan(AirTimeline(&month).value(0, Pollutant::Pm25, AirPeriod::Year, 0)))
      << "a month of data has no annual mean";
}

}  // namespace ccap
