// The datasets' index: what the pipeline writes the app reads back; a bad entry is left out and
// named, the rest kept; periods read as a visitor says them.
#include "features/air/model/air_datasets.h"

#include <gtest/gtest.h>

namespace ccap {
namespace {

AirDataset sample() {
  AirDataset d;
  d.id = "moenv-taiwan";
  d.title = "MOENV (Taiwan)";
  d.publisher = "Ministry of Environment (Taiwan)";
  d.licence = "Open Government Data License, Taiwan 1.0";
  d.credit = "Source: MOENV";
  d.attribution = "Air: MOENV Taiwan (OGDL-Taiwan 1.0)";
  d.url = "https://data.moenv.gov.tw/";
  d.status = "provisional real-time values";
  d.time_zone = "UTC+08:00";
  d.file = "air/moenv-taiwan.ccapaq";
  d.bytes = 463664;
  d.first_hour = 1783087200;  // 2026-07-03T14:00Z
  d.hours = 1210;
  d.stations = 31;
  d.pollutants = {Pollutant::Pm25, Pollutant::Pm10};
  d.cities = {{"taipei", 7}, {"taichung", 6}};
  d.west = 120.3, d.south = 22.5, d.east = 121.6, d.north = 25.2;
  return d;
}

TEST(AirDatasets, TheIndexRoundTrips) {
  AirIndex index;
  index.datasets = {sample()};
  index.demo = sample();
  index.demo->id = "demo";
  index.demo->synthetic = true;
  const AirIndex back = read_air_index(write_air_index(index), "index.json");
  ASSERT_TRUE(back.problems.empty()) << back.problems.front();
  ASSERT_EQ(back.datasets.size(), 1u);
  const AirDataset& d = back.datasets[0];
  EXPECT_EQ(d.id, "moenv-taiwan");
  EXPECT_EQ(d.first_hour, 1783087200);
  EXPECT_EQ(d.hours, 1210u);
  EXPECT_EQ(d.pollutants, sample().pollutants);
  ASSERT_EQ(d.cities.size(), 2u);
  EXPECT_EQ(d.cities[1].id, "taichung");
  EXPECT_TRUE(d.serves("taipei"));
  EXPECT_FALSE(d.serves("bangkok"));
  EXPECT_DOUBLE_EQ(d.north, 25.2);
  EXPECT_EQ(d.attribution, "Air: MOENV Taiwan (OGDL-Taiwan 1.0)");
  ASSERT_TRUE(back.demo);
  EXPECT_TRUE(back.demo->synthetic);
  EXPECT_FALSE(back.datasets[0].synthetic);
  EXPECT_EQ(write_air_index(back), write_air_index(index));
}

// The places an agency's files name (AirNow's sites), for someone who opens such a file in the app.
TEST(AirDatasets, TheFilesPlacesRoundTripAndAPlaceOffTheGlobeLeavesTheEntryOut) {
  AirIndex index;
  index.datasets = {sample()};
  AirDataset& d = index.datasets[0];
  d.files_format = "airnow-embassy";
  d.files_utc_offset_minutes = 480;
  d.file_places = {{"Ulaanbaatar", "us-embassy-ulaanbaatar", "U.S. Embassy Ulaanbaatar", {106.88324, 47.90771}}};
  const AirIndex back = read_air_index(write_air_index(index), "index.json");
  ASSERT_TRUE(back.problems.empty()) << back.problems.front();
  const AirDataset& b = back.datasets.at(0);
  EXPECT_EQ(b.files_format, "airnow-embassy");
  EXPECT_EQ(b.files_utc_offset_minutes, 480);
  ASSERT_EQ(b.file_places.size(), 1u);
  EXPECT_EQ(b.file_places[0].key, "Ulaanbaatar");
  EXPECT_EQ(b.file_places[0].id, "us-embassy-ulaanbaatar");
  EXPECT_DOUBLE_EQ(b.file_places[0].where.lat, 47.90771);

  d.file_places[0].where.lat = 147;
  const AirIndex bad = read_air_index(write_air_index(index), "index.json");
  EXPECT_TRUE(bad.datasets.empty());
  ASSERT_FALSE(bad.problems.empty());
  EXPECT_NE(bad.problems.front().find("/datasets/0/files/places/0/lat"), std::string::npos) << bad.problems.front();
}

TEST(AirDatasets, ABadEntryIsLeftOutAndNamedTheRestKept) {
  AirIndex index;
  index.datasets = {sample(), sample(), sample()};
  index.datasets[1].id = "second";
  index.datasets[2].id = "moenv-taiwan";  // used already
  std::string text = write_air_index(index);
  text.replace(text.find("\"2026-07-03T14:00Z\""), 19, "\"2026-02-30T14:00Z\"");  // the first entry's hour
  const AirIndex back = read_air_index(text, "index.json");
  ASSERT_EQ(back.datasets.size(), 2u);
  EXPECT_EQ(back.datasets[0].id, "second");
  ASSERT_EQ(back.problems.size(), 1u);
  EXPECT_EQ(back.problems[0],
            "index.json: /datasets/0/firstHour: is '2026-02-30T14:00Z', not a whole UTC hour like 2026-07-03T14:00Z");
  AirIndex escape;
  escape.datasets = {sample()};
  escape.datasets[0].file = "../../etc/passwd";
  EXPECT_EQ(read_air_index(write_air_index(escape), "i.json").datasets.size(), 0u) << "a file outside the data folder";
  EXPECT_FALSE(read_air_index("{\"version\": 2, \"datasets\": []}", "i.json").problems.empty());
  EXPECT_FALSE(read_air_index("[", "i.json").problems.empty());
}

TEST(AirDatasets, TheNewestReadingsAgeIsToldWhileItIsRecent) {
  AirDataset d;
  d.first_hour = 1796601600;  // 2026-12-07T00:00Z
  d.hours = 11;               // the newest hour: 10:00
  const double ten = 1796601600 + 10 * 3600;
  EXPECT_EQ(reading_age(d, ten + 14 * 60 + 59), "newest reading 14 min ago");
  EXPECT_EQ(reading_age(d, ten + 3 * 3600 + 60), "newest reading 3 h ago");
  EXPECT_EQ(reading_age(d, ten + 49 * 3600), "") << "older: the period says it";
  EXPECT_EQ(reading_age(d, ten - 600), "") << "a clock behind the data is not believed";
  EXPECT_EQ(reading_age(d, 0), "") << "no clock";
}

TEST(AirDatasets, PeriodsAndCaptionsReadAsAVisitorSaysThem) {
  EXPECT_EQ(period_label(1783087200, 1210), "Jul\u2013Aug 2026");
  EXPECT_EQ(period_label(1672531200, 24), "Jan 2023");  // 2023-01-01
  EXPECT_EQ(period_label(1480521600, 5088), "Nov 2016\u2013Jun 2017");
  EXPECT_EQ(dataset_caption(sample()), "MOENV (Taiwan), provisional real-time values, Jul\u2013Aug 2026");
}

}  // namespace
}  // namespace ccap
