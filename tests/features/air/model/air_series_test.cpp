#include "features/air/model/air_series.h"

#include <gtest/gtest.h>

#include <cmath>

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

}  // namespace ccap
