#include "domain/pollutant.h"

#include <gtest/gtest.h>

namespace ccap {

TEST(Pollutant, NamesAsDataFilesWriteThem) {
  EXPECT_EQ(parse_pollutant("pm25"), Pollutant::Pm25);
  EXPECT_EQ(parse_pollutant("PM2.5"), Pollutant::Pm25);
  EXPECT_EQ(parse_pollutant("pm10"), Pollutant::Pm10);
  EXPECT_EQ(parse_pollutant("NO2"), Pollutant::No2);
  EXPECT_EQ(parse_pollutant("o3"), Pollutant::O3);
  EXPECT_FALSE(parse_pollutant("bc"));
  EXPECT_STREQ(pollutant_name(Pollutant::Pm25), "PM2.5");
}

TEST(Pollutant, MassUnitsAndMixingRatiosAtTwentyFiveDegrees) {
  EXPECT_DOUBLE_EQ(*normalise_concentration(Pollutant::Pm25, 12.5, "µg/m³").micrograms_per_m3, 12.5);
  EXPECT_DOUBLE_EQ(*normalise_concentration(Pollutant::Pm25, 12.5, "ug/m3").micrograms_per_m3, 12.5);
  EXPECT_DOUBLE_EQ(*normalise_concentration(Pollutant::Pm10, 0.05, "mg/m3").micrograms_per_m3, 50);
  // 1 ppb NO2 = 46.0055 / 24.45 = 1.8816 µg/m³; 1 ppm CO = 1145.6 µg/m³; 100 ppb O3 = 196.3 µg/m³.
  EXPECT_NEAR(*normalise_concentration(Pollutant::No2, 1, "ppb").micrograms_per_m3, 1.88161, 1e-4);
  EXPECT_NEAR(*normalise_concentration(Pollutant::Co, 1, "ppm").micrograms_per_m3, 1145.60, 1e-2);
  EXPECT_NEAR(*normalise_concentration(Pollutant::O3, 100, "PPB").micrograms_per_m3, 196.312, 1e-3);
  EXPECT_NEAR(*normalise_concentration(Pollutant::So2, 10, "ppb").micrograms_per_m3, 26.202, 1e-3);
}

TEST(Pollutant, UnknownOrWrongUnitsAreRefusedWithAReason) {
  auto n = normalise_concentration(Pollutant::Pm25, 10, "ppb");
  EXPECT_FALSE(n.micrograms_per_m3);
  EXPECT_EQ(n.problem, "ppb is not a unit for PM2.5");
  n = normalise_concentration(Pollutant::No2, 10, "furlongs");
  EXPECT_FALSE(n.micrograms_per_m3);
  EXPECT_EQ(n.problem, "unknown unit 'furlongs'");
  EXPECT_GT(plausible_maximum(Pollutant::Pm25), 1000);
}

}  // namespace ccap
