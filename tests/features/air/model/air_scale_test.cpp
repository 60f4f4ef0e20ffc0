#include "features/air/model/air_scale.h"

#include <gtest/gtest.h>

#include <cmath>

#include "features/air/model/aqi.h"

namespace ccap {

TEST(AirScale, WhoDailyPm25BandsAtEveryEdge) {
  const auto s = make_color_scale(AirScaleKind::Who, Pollutant::Pm25, AirPeriod::Day, false);
  ASSERT_TRUE(s);
  ASSERT_EQ(s->bands.size(), 6u);
  EXPECT_TRUE(s->caveat.empty()) << "daily means against 24-hour values are the real comparison";
  const double edges[] = {15, 25, 37.5, 50, 75};
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(s->band_of(edges[i]), i) << "a value at a threshold meets it";
    EXPECT_EQ(s->band_of(edges[i] + 0.01), i + 1);
  }
  EXPECT_EQ(s->band_of(1e6), 5);
  EXPECT_EQ(s->band_of(0), 0);
  EXPECT_EQ(s->band_of(NAN), -1);
  EXPECT_EQ(s->band_of(-1), -1);
  EXPECT_EQ(s->color_of(NAN), kNoReadingColor);
  EXPECT_EQ(s->guide_lines, (std::vector<double>{15, 25, 37.5, 50, 75}));
  EXPECT_EQ(s->bands[0].label, "meets the guideline (<= 15)");
  EXPECT_EQ(s->bands[5].label, "above interim target 1 (> 75)");
}

TEST(AirScale, PeriodsPickTheirThresholdsAndSayWhenIndicative) {
  const auto annual = make_color_scale(AirScaleKind::Who, Pollutant::Pm25, AirPeriod::Year, false);
  EXPECT_EQ(annual->band_of(5), 0);
  EXPECT_EQ(annual->band_of(5.1), 1);
  EXPECT_EQ(annual->title, "WHO 2021, annual PM2.5");
  const auto hourly = make_color_scale(AirScaleKind::Who, Pollutant::Pm25, AirPeriod::Hour, false);
  EXPECT_EQ(hourly->caveat, "indicative: hourly values against 24-hour thresholds");
  const auto no2 = make_color_scale(AirScaleKind::Who, Pollutant::No2, AirPeriod::Day, false);
  ASSERT_EQ(no2->bands.size(), 4u) << "NO2 24-hour: guideline, IT2, IT1, above";
  EXPECT_EQ(no2->band_of(25), 0);
  EXPECT_EQ(no2->band_of(50), 1);
  EXPECT_EQ(no2->band_of(120), 2);
  EXPECT_EQ(no2->band_of(121), 3);
  const auto o3 = make_color_scale(AirScaleKind::Who, Pollutant::O3, AirPeriod::Year, false);
  EXPECT_EQ(o3->title, "WHO 2021, peak-season O3");
  EXPECT_FALSE(o3->caveat.empty());
  EXPECT_FALSE(make_color_scale(AirScaleKind::Who, Pollutant::So2, AirPeriod::Day, false));
}

TEST(AirScale, AqiFollowsTheEpaBreakpointsForPm25Only) {
  const auto s = make_color_scale(AirScaleKind::Aqi, Pollutant::Pm25, AirPeriod::Day, false);
  ASSERT_TRUE(s);
  EXPECT_EQ(s->band_of(9.0), 0);
  EXPECT_EQ(s->band_of(9.04), 0) << "truncated to 9.0 first";
  EXPECT_EQ(s->band_of(9.1), 1);
  EXPECT_EQ(s->band_of(35.4), 1);
  EXPECT_EQ(s->band_of(35.5), 2);
  EXPECT_EQ(s->band_of(500), 5);
  EXPECT_EQ(s->color_of(20), (Rgba8{0xFF, 0xFF, 0x00, 0xff}));
  EXPECT_FALSE(make_color_scale(AirScaleKind::Aqi, Pollutant::No2, AirPeriod::Day, false));
  EXPECT_FALSE(make_color_scale(AirScaleKind::Aqi, Pollutant::Pm25, AirPeriod::Hour, false)->caveat.empty());
}

TEST(AirScale, ColourBlindSafeRampsAreOrderedByLightness) {
  for (AirScaleKind kind : {AirScaleKind::Aqi, AirScaleKind::Who}) {
    const auto s = make_color_scale(kind, Pollutant::Pm25, AirPeriod::Day, true);
    double previous = 1e9;
    for (const ScaleBand& b : s->bands) {
      const double luma = 0.2126 * b.color.r + 0.7152 * b.color.g + 0.0722 * b.color.b;
      EXPECT_LT(luma, previous) << b.label << ": each worse band is darker, readable without hue";
      previous = luma;
    }
  }
  const auto four = make_color_scale(AirScaleKind::Who, Pollutant::No2, AirPeriod::Day, false);
  for (std::size_t i = 1; i < four->bands.size(); ++i) EXPECT_NE(four->bands[i].color, four->bands[i - 1].color);
}

}  // namespace ccap
