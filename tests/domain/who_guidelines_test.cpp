#include "domain/who_guidelines.h"

#include <gtest/gtest.h>

namespace ccap {

TEST(WhoGuidelines, AnnualPm25BandsAtEveryEdge) {
  EXPECT_EQ(pm25_annual_band(0), 0);
  EXPECT_EQ(pm25_annual_band(5), 0);
  EXPECT_EQ(pm25_annual_band(5.01), 1);
  EXPECT_EQ(pm25_annual_band(10), 1);
  EXPECT_EQ(pm25_annual_band(15), 2);
  EXPECT_EQ(pm25_annual_band(15.6), 3);
  EXPECT_EQ(pm25_annual_band(25), 3);
  EXPECT_EQ(pm25_annual_band(35), 4);
  EXPECT_EQ(pm25_annual_band(35.1), 5);
}

TEST(WhoGuidelines, PlainWords) {
  EXPECT_EQ(describe_pm25_annual(15.6),
            "3.1 x the WHO guideline (5 µg/m³); meets interim target 2 (25), not yet interim target 3 (15)");
  EXPECT_EQ(describe_pm25_annual(12.1),
            "2.4 x the WHO guideline (5 µg/m³); meets interim target 3 (15), not yet interim target 4 (10)");
  EXPECT_EQ(describe_pm25_annual(7),
            "1.4 x the WHO guideline (5 µg/m³); meets interim target 4 (10), not yet the guideline (5)");
  EXPECT_EQ(describe_pm25_annual(4), "meets the WHO guideline (5 µg/m³)");
  EXPECT_EQ(describe_pm25_annual(50), "10.0 x the WHO guideline (5 µg/m³); above interim target 1 (35)");
}

TEST(WhoGuidelines, TheWholeTableAndItsGaps) {
  struct Row {
    Pollutant p;
    Averaging a;
    double it1, guideline;
    std::size_t targets;
  };
  const Row rows[] = {
      {Pollutant::Pm25, Averaging::Day, 75, 15, 4},       {Pollutant::Pm10, Averaging::Annual, 70, 15, 4},
      {Pollutant::Pm10, Averaging::Day, 150, 45, 4},      {Pollutant::No2, Averaging::Annual, 40, 10, 3},
      {Pollutant::No2, Averaging::Day, 120, 25, 2},       {Pollutant::O3, Averaging::PeakSeason, 100, 60, 2},
      {Pollutant::O3, Averaging::EightHour, 160, 100, 2},
  };
  for (const Row& r : rows) {
    const auto t = who_thresholds(r.p, r.a);
    ASSERT_TRUE(t);
    EXPECT_EQ(t->interim_targets.size(), r.targets);
    EXPECT_EQ(t->interim_targets.front(), r.it1);
    EXPECT_EQ(t->guideline, r.guideline);
    // Edges: at the guideline 0, just above it 1, at IT1 n, above IT1 n + 1.
    const int n = static_cast<int>(r.targets);
    EXPECT_EQ(who_band(*t, r.guideline), 0);
    EXPECT_EQ(who_band(*t, r.guideline + 0.01), 1);
    EXPECT_EQ(who_band(*t, r.it1), n);
    EXPECT_EQ(who_band(*t, r.it1 + 0.01), n + 1);
  }
  EXPECT_FALSE(who_thresholds(Pollutant::Pm25, Averaging::EightHour));
  EXPECT_FALSE(who_thresholds(Pollutant::O3, Averaging::Annual));
  // NO2 24-hour: 25 guideline, IT2 50, IT1 120.
  const auto no2 = *who_thresholds(Pollutant::No2, Averaging::Day);
  EXPECT_EQ(who_band(no2, 50), 1);
  EXPECT_EQ(who_band(no2, 50.5), 2);
}

}  // namespace ccap
