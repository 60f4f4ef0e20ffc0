// What a refresh does to a series: new readings fill the hours that were empty and never rewrite a
// published one; the window keeps whole days and folds the older hours into daily means.
#include "pipeline/refresh/series_merge.h"

#include <cmath>

#include <gtest/gtest.h>

namespace ccap::pipeline {
namespace {

constexpr std::int64_t kDec1 = 1796083200;  // 2026-12-01T00:00Z
constexpr float kNone = NAN;

AirQualityData published() {
  AirQualityData d;
  d.description = "MOENV (Taiwan), provisional real-time values, Dec 2026";
  AirStation a;
  a.id = "12", a.name = "Zhongshan", a.city = "taipei", a.source = "MOENV (Taiwan)", a.where = {121.5265, 25.0624};
  d.stations = {a};
  d.series = {{0, Pollutant::Pm25, {10, kNone, 12}}};
  d.first_hour = kDec1;
  d.hours = 3;
  return d;
}

AirDataset entry() {
  AirDataset e;
  e.id = "moenv-taiwan", e.title = "MOENV (Taiwan)", e.publisher = "Ministry of Environment", e.licence = "OGDL";
  e.first_hour = kDec1, e.hours = 3;
  return e;
}

airquality::ReadingView at(const char* station, double lng, std::int64_t time, double value) {
  return {station, "Station", {lng, 25.0624}, Pollutant::Pm25, time, value};
}

TEST(SeriesMerge, FillsEmptyHoursAndNeverRewritesAPublishedOne) {
  const AirQualityData before = published();
  const AirDataset e = entry();
  SeriesMerge merge(before, e);
  EXPECT_EQ(merge.add(at("12", 121.5265, kDec1, 99)), airquality::Added::Same) << "a published hour is kept";
  EXPECT_EQ(merge.add(at("12", 121.5265, kDec1 + 3600 + 600, 11)), airquality::Added::Yes) << "an empty hour";
  EXPECT_EQ(merge.add(at("12", 121.5265, kDec1 + 3 * 3600, 14)), airquality::Added::Yes) << "a new hour";
  EXPECT_EQ(merge.add(at("31", 121.0, kDec1 + 3 * 3600, 20)), airquality::Added::Yes) << "a new station";
  EXPECT_EQ(merge.new_values(), 3u);
  const airquality::SeriesBuild b = merge.finish();
  ASSERT_EQ(b.error, "");
  EXPECT_EQ(b.data.first_hour, kDec1);
  EXPECT_EQ(b.data.hours, 4u);
  ASSERT_EQ(b.data.stations.size(), 2u);
  EXPECT_EQ(b.data.stations[0].name, "Zhongshan") << "the published station keeps its name";
  EXPECT_EQ(b.data.stations[0].city, "taipei");
  EXPECT_EQ(b.data.stations[1].source, "MOENV (Taiwan)") << "a new station gets the dataset's provenance";
  EXPECT_EQ(b.data.stations[1].operator_name, "Ministry of Environment");
  EXPECT_EQ(b.data.stations[1].city, "");
  const AirSeries& s = b.data.series[0];
  ASSERT_EQ(s.values.size(), 4u);
  EXPECT_FLOAT_EQ(s.values[0], 10);
  EXPECT_FLOAT_EQ(s.values[1], 11);
  EXPECT_FLOAT_EQ(s.values[3], 14);
}

TEST(SeriesMerge, TheSameReadingsAgainAddNothing) {
  const AirQualityData before = published();
  const AirDataset e = entry();
  SeriesMerge first(before, e);
  first.add(at("12", 121.5265, kDec1 + 3 * 3600, 14));
  const AirQualityData after = first.finish().data;
  SeriesMerge again(after, e);
  EXPECT_EQ(again.add(at("12", 121.5265, kDec1 + 3 * 3600, 14)), airquality::Added::Same);
  EXPECT_EQ(again.new_values(), 0u);
  EXPECT_EQ(encode_air_quality(again.finish().data), encode_air_quality(after)) << "the same file, byte for byte";
}

TEST(SeriesMerge, TheWindowKeepsWholeDaysAndFoldsTheRestIntoDailyMeans) {
  AirQualityData d = published();
  d.hours = 24 * 2 + 5;  // Dec 1 and 2 whole, Dec 3 00:00-04:00
  d.series[0].values.assign(d.hours, kNone);
  d.series[0].values[0] = 10, d.series[0].values[1] = 20, d.series[0].values[23] = 30;  // Dec 1: 3 hours
  d.series[0].values[30] = 8;                                                           // Dec 2
  d.series[0].values[50] = 5;                                                           // Dec 3
  const std::vector<DailyMean> days = cut_to_window(d, 2);
  ASSERT_EQ(days.size(), 1u) << "Dec 1 leaves the window whole; Dec 2 and 3 stay";
  EXPECT_EQ(days[0].station, "12");
  EXPECT_EQ(days[0].day, kDec1);
  EXPECT_DOUBLE_EQ(days[0].mean, 20);
  EXPECT_EQ(days[0].hours, 3);
  EXPECT_EQ(d.first_hour, kDec1 + 86400);
  EXPECT_EQ(d.hours, 29u);
  EXPECT_FLOAT_EQ(d.series[0].values[6], 8);
  EXPECT_TRUE(cut_to_window(d, 2).empty()) << "cut once";
}

TEST(SeriesMerge, TheDailyArchiveKeepsWhatItHasAndAddsTheRest) {
  std::size_t added = 0;
  const std::string first = merge_daily("", {{"12", Pollutant::Pm25, kDec1, 20, 3}}, added);
  EXPECT_EQ(added, 1u);
  EXPECT_EQ(first, "station,pollutant,date,mean_ugm3,hours\n12,pm25,2026-12-01,20.00,3\n");
  const std::string second = merge_daily(
      first, {{"12", Pollutant::Pm25, kDec1, 99, 24}, {"a,b", Pollutant::No2, kDec1 + 86400, 7.5, 24}}, added);
  EXPECT_EQ(added, 1u) << "a day already archived is kept as it was";
  EXPECT_EQ(second,
            "station,pollutant,date,mean_ugm3,hours\n12,pm25,2026-12-01,20.00,3\n\"a,b\",no2,2026-12-02,7.50,24\n");
  // (A fuzzer's finding: a row ending in several CRs came back with one fewer each time.)
  const std::string edited =
      merge_daily("station,pollutant,date,mean_ugm3,hours\r\r\n12,pm25,2026-12-01,20.00,3\r\r\r\n", {}, added);
  EXPECT_EQ(merge_daily(edited, {}, added), edited) << "read back, the same text";
  EXPECT_EQ(edited, first);
}

}  // namespace
}  // namespace ccap::pipeline
