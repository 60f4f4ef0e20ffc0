#include "features/air/model/air_series.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "base/binary_io.h"
#include "features/air/model/synthetic_readings.h"

namespace ccap {
namespace {
AirQualityData sample() {
  AirQualityData d;
  d.first_hour = 1709251200;
  d.hours = 3;
  d.description = "two stations";
  d.stations = {{"28",
                 "Fengyuan",
                 "MOENV",
                 "MOENV, Taiwan",
                 "OGDL 1.0",
                 "https://data.moenv.gov.tw/",
                 "taichung",
                 {120.741711, 24.256586},
                 false},
                {"10t", "Bang Na", "air4thai", "PCD, Thailand", "", "", "bangkok", {100.605, 13.666}, true}};
  d.series = {{0, Pollutant::Pm25, {18, NAN, 21}}, {1, Pollutant::No2, {40.1f, 38, 36}}};
  return d;
}
}  // namespace

TEST(AirSeriesFormat, RoundTrips) {
  const auto r = decode_air_quality(encode_air_quality(sample()));
  ASSERT_TRUE(r.data) << r.error;
  EXPECT_EQ(r.data->stations[0].name, "Fengyuan");
  EXPECT_EQ(r.data->stations[1].source, "air4thai");
  EXPECT_DOUBLE_EQ(r.data->stations[0].where.lat, 24.256586);
  EXPECT_EQ(r.data->series[1].pollutant, Pollutant::No2);
  EXPECT_FLOAT_EQ(r.data->series[0].values[2], 21);
  EXPECT_TRUE(std::isnan(r.data->series[0].values[1])) << "a missing hour stays missing";
  EXPECT_EQ(r.data->first_hour, 1709251200);
  EXPECT_EQ(r.data->description, "two stations");
  EXPECT_EQ(r.data->stations[0].operator_name, "MOENV, Taiwan");
  EXPECT_EQ(r.data->stations[0].licence, "OGDL 1.0");
  EXPECT_EQ(r.data->stations[0].url, "https://data.moenv.gov.tw/");
  EXPECT_EQ(r.data->stations[1].city, "bangkok");
  EXPECT_FALSE(r.data->stations[0].synthetic);
  EXPECT_TRUE(r.data->stations[1].synthetic);
  EXPECT_TRUE(r.data->any_synthetic());
}

// The writer and the reader keep one set of rules (air_quality_problems): random datasets, many
// breaking one rule or another; whatever the rules let through is read back whole, and whatever
// they name, the reader refuses.
TEST(AirSeriesFormat, WhatTheRulesLetThroughIsReadBackAndWhatTheyNameIsRefused) {
  std::mt19937 rng(33);
  const auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
  int accepted = 0, refused = 0;
  for (int round = 0; round < 500; ++round) {
    AirQualityData d = sample();
    const auto text = [&] {
      const int kind = pick(5);
      return kind == 0   ? std::string()
             : kind == 1 ? std::string(kMaxAirText + pick(2), 'x')
                         : std::string(pick(20), 'a');
    };
    switch (pick(6)) {
      case 0: d.stations[pick(2)].name = text(); break;
      case 1: d.stations[pick(2)].id = text(); break;
      case 2: d.stations[1].id = d.stations[0].id; break;  // one id at two places
      case 3: d.stations[pick(2)].where.lat = pick(2) ? 91 : NAN; break;
      case 4: d.description = text(); break;
      default: break;
    }
    const std::vector<std::string> problems = air_quality_problems(d);
    const auto read = decode_air_quality(encode_air_quality(d));
    if (problems.empty()) {
      ++accepted;
      ASSERT_TRUE(read.data) << read.error;
      EXPECT_EQ(read.data->stations[0].name, d.stations[0].name);
      EXPECT_EQ(read.data->stations[1].id, d.stations[1].id);
    } else {
      ++refused;
      EXPECT_FALSE(read.data) << problems.front();
      EXPECT_FALSE(read.error.empty());
    }
  }
  EXPECT_GT(accepted, 50);
  EXPECT_GT(refused, 50);
}

TEST(AirSeriesFormat, ANameTooLongIsNamedAsSuchNotAsACutFile) {
  AirQualityData d = sample();
  d.stations[0].name = std::string(kMaxAirText + 1, 'n');
  EXPECT_EQ(air_quality_problems(d).at(0), "station 0 ('28'): its name is 4097 bytes, more than 4096");
  const auto read = decode_air_quality(encode_air_quality(d));
  EXPECT_EQ(read.error, "station 0: its name is 4097 bytes, more than 4096");
}

TEST(AirSeriesFormat, QuantisesToHundredthsAndCoarserOnlyForHugeSeries) {
  AirQualityData d = sample();
  d.series[0].values = {12.344f, 0.004f, 655.0f};
  d.series[1].values = {3000.0f, 1.0f, -4.0f};  // a negative value is no reading
  const auto r = decode_air_quality(encode_air_quality(d));
  ASSERT_TRUE(r.data) << r.error;
  EXPECT_NEAR(r.data->series[0].values[0], 12.34, 1e-4);
  EXPECT_NEAR(r.data->series[0].values[1], 0.0, 1e-6);
  EXPECT_NEAR(r.data->series[0].values[2], 655.0, 1e-3);
  const double coarse = 3000.0 / 65534;
  EXPECT_NEAR(r.data->series[1].values[0], 3000.0, coarse / 2 + 1e-3);
  EXPECT_NEAR(r.data->series[1].values[1], 1.0, coarse / 2 + 1e-6);
  EXPECT_TRUE(std::isnan(r.data->series[1].values[2]));
}

TEST(AirSeriesFormat, RejectsTruncationCorruptionAndNonsense) {
  const auto bytes = encode_air_quality(sample());
  for (std::size_t n = 0; n < bytes.size(); ++n)
    EXPECT_FALSE(decode_air_quality(std::span(bytes).first(n)).data) << "accepted " << n << " bytes";
  for (std::size_t i = 48; i < bytes.size(); ++i) {
    auto bad = bytes;
    bad[i] ^= 0x01;
    EXPECT_EQ(decode_air_quality(bad).error, "checksum mismatch (corrupted file)");
  }
  AirQualityData d = sample();
  d.series[0].station = 7;
  EXPECT_EQ(decode_air_quality(encode_air_quality(d)).error, "series 0 names a station that is not there");
  d = sample();
  d.stations[1].where.lat = 99;
  EXPECT_EQ(decode_air_quality(encode_air_quality(d)).error, "station 1 has impossible coordinates");
  d = sample();
  d.first_hour += 60;
  EXPECT_EQ(decode_air_quality(encode_air_quality(d)).error, "the time axis does not start on the hour");
}

// The built-in demo set is stored as its recipe: the reader makes exactly what the generator
// makes, and the file is a few kilobytes instead of megabytes.
TEST(AirSeriesFormat, ARecipeStandsForItsSeriesAndReadsBackAsTheGeneratorMakesThem) {
  AirStation a, b;
  a.id = "a";
  a.where = {100.5, 13.75};
  b.id = "b";
  b.where = {121.5, 25.0};
  airquality::SyntheticSpec spec;
  AirQualityData made = airquality::synthetic_air_quality({a, b}, spec);
  made.recipe = SyntheticRecipe{spec.seed, spec.pollutants};
  const std::vector<std::uint8_t> bytes = encode_air_quality(made);
  EXPECT_LT(bytes.size(), 1000u) << "two stations' recipe, not 2 x 4 x 8760 values";
  const AirQualityDecodeResult r = decode_air_quality(bytes);
  ASSERT_TRUE(r.data) << r.error;
  ASSERT_EQ(r.data->series.size(), made.series.size());
  for (std::size_t i = 0; i < made.series.size(); ++i) {
    EXPECT_EQ(r.data->series[i].station, made.series[i].station);
    EXPECT_EQ(r.data->series[i].pollutant, made.series[i].pollutant);
    const auto& x = r.data->series[i].values;
    const auto& y = made.series[i].values;
    ASSERT_EQ(x.size(), y.size());
    for (std::size_t h = 0; h < x.size(); ++h) {
      if (!(std::isnan(x[h]) && std::isnan(y[h]))) {
        ASSERT_EQ(x[h], y[h]) << "series " << i << ", hour " << h;
      }
    }
  }
  EXPECT_EQ(r.data->recipe, made.recipe);
  EXPECT_TRUE(r.data->any_synthetic());
  EXPECT_EQ(encode_air_quality(*r.data), bytes) << "written again, the same recipe";
}

TEST(AirSeriesFormat, RefusesARecipeTooBigToMakeOrWithSeriesBesideIt) {
  AirQualityData d;
  d.hours = kMaxAirSeriesHours;
  d.recipe = SyntheticRecipe{1, {Pollutant::Pm25, Pollutant::Pm10, Pollutant::No2, Pollutant::O3}};
  AirStation s;
  s.where = {0, 0};
  d.stations.assign(50, s);  // 50 x 4 x 96,624 hours = 19.3 million values
  EXPECT_EQ(decode_air_quality(encode_air_quality(d)).error,
            "the recipe would make 19324800 values, more than 8000000");
  d.stations.resize(2);
  d.recipe->pollutants.push_back(static_cast<Pollutant>(200));
  EXPECT_EQ(decode_air_quality(encode_air_quality(d)).error, "the recipe names an unknown pollutant");
}

// Files written before the recipe (format version 2) have no recipe flag, and still read.
TEST(AirSeriesFormat, ReadsVersionTwoFiles) {
  std::vector<std::uint8_t> bytes = encode_air_quality(sample());
  bytes.pop_back();  // the recipe flag (0)
  std::vector<std::uint8_t> payload(bytes.begin() + 48, bytes.end());
  ByteWriter header;
  header.put(std::uint32_t{2});
  std::copy(header.out.begin(), header.out.end(), bytes.begin() + 8);
  ByteWriter sizes;
  sizes.put(static_cast<std::uint64_t>(payload.size()));
  sizes.put(fnv1a64(payload));
  std::copy(sizes.out.begin(), sizes.out.end(), bytes.begin() + 32);
  const AirQualityDecodeResult r = decode_air_quality(bytes);
  ASSERT_TRUE(r.data) << r.error;
  EXPECT_EQ(r.data->series.size(), sample().series.size());
  EXPECT_FALSE(r.data->recipe);
}

}  // namespace ccap
