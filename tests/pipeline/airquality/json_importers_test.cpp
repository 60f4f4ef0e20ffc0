// The MOENV and air4thai importers on fixtures written for the purpose (station names from the
// domain notes, values made up for the test).
#include "pipeline/airquality/json_importers.h"

#include <gtest/gtest.h>

#include <cstdio>

#include "features/air/import/series_builder.h"
#include "pipeline/archive_bytes.h"
#include "test_paths.h"

namespace ccap::airquality {
namespace {
std::size_t count(const ImportResult& r, Reject why) { return r.rejected[static_cast<std::size_t>(why)]; }

const char* kMoenv = R"({"fields": [], "records": [
  {"sitename": "Fengyuan", "county": "Taichung City", "siteid": "28", "longitude": "120.741711",
   "latitude": "24.256586", "publishtime": "2024/03/01 05:00:00",
   "pm2.5": "18", "pm10": "40", "no2": "12.5", "o3": "30", "so2": "1.6", "co": "0.31"},
  {"sitename": "Shalu", "county": "Taichung City", "siteid": "29", "longitude": "120.568794",
   "latitude": "24.225628", "publishtime": "2024/03/01 05:00:00",
   "pm2.5": "", "pm10": "-", "no2": "ND", "o3": "-4", "so2": "x7", "co": "0.2"},
  {"sitename": "Nowhere", "siteid": "99", "longitude": "", "latitude": "24.2", "publishtime": "2024/03/01 05:00:00"},
  {"sitename": "Dali", "siteid": "31", "longitude": "120.677", "latitude": "24.099", "publishtime": "soon"}
]})";

const char* kAir4thai = R"({"stations": [
  {"stationID": "10t", "nameEN": "Thai Meteorological Department, Bang Na", "areaEN": "Bangkok",
   "lat": "13.666", "long": "100.605",
   "AQILast": {"date": "2024-03-01", "time": "05:00",
               "PM25": {"color_id": "2", "aqi": "40", "value": "25.3"},
               "PM10": {"value": "48"}, "O3": {"value": "-1"}, "CO": {"value": "0.42"},
               "NO2": {"value": "21"}, "SO2": {"value": "-1"}}},
  {"stationID": "11t", "nameEN": "Bad", "lat": "x", "long": "100.5", "AQILast": {"date": "2024-03-01", "time": "05:00"}},
  {"stationID": "12t", "nameEN": "No time", "lat": "13.7", "long": "100.5", "AQILast": {"date": "", "time": ""}}
]})";
}  // namespace

TEST(MoenvJson, ReadsRecordsInTaiwanTimeAndNormalisesGases) {
  const auto r = import_moenv_json(kMoenv, "aqx_p_432.json");
  ASSERT_TRUE(r.fatal.empty()) << r.fatal;
  // Fengyuan: all six pollutants; Shalu: only CO survives.
  ASSERT_EQ(r.readings.size(), 7u);
  const Reading& pm = r.readings[0];
  EXPECT_EQ(pm.station, "28");
  EXPECT_EQ(pm.station_name, "Fengyuan");
  EXPECT_EQ(pm.pollutant, Pollutant::Pm25);
  EXPECT_DOUBLE_EQ(pm.value, 18);
  EXPECT_EQ(pm.time, 1709240400) << "05:00 Taiwan time is 21:00 UTC the day before";
  EXPECT_NEAR(r.readings[2].value, 12.5 * 46.0055 / 24.45, 1e-9) << "NO2 ppb -> µg/m³";
  EXPECT_NEAR(r.readings[5].value, 0.31 * 1000 * 28.0101 / 24.45, 1e-9) << "CO ppm -> µg/m³";
  EXPECT_EQ(count(r, Reject::MissingValue), 3u) << "\"\", \"-\" and \"ND\"";
  EXPECT_EQ(count(r, Reject::Negative), 1u);
  EXPECT_EQ(count(r, Reject::Malformed), 1u) << "\"x7\"";
  EXPECT_EQ(count(r, Reject::BadCoordinates), 1u);
  EXPECT_EQ(count(r, Reject::BadTime), 1u);
}

TEST(MoenvJson, ABareArrayIsAcceptedAndBrokenFilesAreFatal) {
  const auto bare = import_moenv_json(R"([{"siteid":"1","sitename":"A","longitude":"121","latitude":"25",
                                          "publishtime":"2024/03/01 00:00:00","pm2.5":"5"}])",
                                      "a.json");
  ASSERT_TRUE(bare.fatal.empty());
  EXPECT_EQ(bare.readings.size(), 1u);
  EXPECT_EQ(import_moenv_json("", "e.json").fatal, "e.json: the file is empty");
  EXPECT_EQ(import_moenv_json("{\"records\": [", "t.json").fatal.rfind("t.json: not valid JSON", 0), 0u);
  EXPECT_EQ(import_moenv_json("{\"rows\": []}", "w.json").fatal,
            "w.json: no records array (expected aqx_p_432 JSON: [...], {\"records\": [...]} or {\"stations\": [...]})");
  const std::string latin1 = "[{\"siteid\":\"1\",\"sitename\":\"Chung-li \xe9\"}]";  // Latin-1 é
  const auto broken = import_moenv_json(latin1, "l.json");
  EXPECT_FALSE(broken.fatal.empty()) << "a broken encoding is fatal, not half-read";
  EXPECT_EQ(broken.fatal.rfind("l.json: ", 0), 0u) << broken.fatal;
  EXPECT_TRUE(broken.readings.empty());
  EXPECT_EQ(import_air4thai_json("", "e.json").fatal, "e.json: the file is empty");
  EXPECT_FALSE(import_air4thai_json("{\"stations\": [{\"nameEN\": \"\xff\"}]}", "b.json").fatal.empty());
}

// A record without a station id is rejected (not filed under ""), and one id at two places is a
// conflict: the first place is kept, the other readings counted with their record.
TEST(MoenvJson, AnEmptyStationIdIsRejectedAndOneIdAtTwoPlacesIsAConflict) {
  const auto r = import_moenv_json(R"([
    {"siteid": "", "sitename": "A", "longitude": "121", "latitude": "25", "publishtime": "2024/03/01 00:00:00", "pm2.5": "5"},
    {"siteid": "7", "sitename": "B", "longitude": "121", "latitude": "25", "publishtime": "2024/03/01 00:00:00", "pm2.5": "5"},
    {"siteid": "7", "sitename": "B", "longitude": "121.00001", "latitude": "25", "publishtime": "2024/03/01 01:00:00", "pm2.5": "6"},
    {"siteid": "7", "sitename": "C", "longitude": "120", "latitude": "23", "publishtime": "2024/03/01 02:00:00", "pm2.5": "7"}
  ])",
                                   "ids.json");
  ASSERT_TRUE(r.fatal.empty()) << r.fatal;
  EXPECT_EQ(r.readings.size(), 2u) << "station 7 at its first place, a metre apart";
  EXPECT_EQ(count(r, Reject::MissingStation), 1u);
  EXPECT_EQ(count(r, Reject::MovedStation), 1u);
  bool named = false;
  for (const std::string& e : r.examples)
    named = named || e.find("station id already seen at another place") != std::string::npos;
  EXPECT_TRUE(named);
}

// A snapshot as the archiving crawler stores it (github.com/crab650/taiwan-air-quality): the
// county envelope and the fields' other spelling. Values made up for the test.
std::string crawler_snapshot(const std::string& time, const std::vector<std::pair<std::string, std::string>>& sites) {
  std::string out = R"({"county": "臺北市", "updated_at": "2026-07-03 22:49:38", "stations": [)";
  for (std::size_t i = 0; i < sites.size(); ++i)
    out += std::string(i ? "," : "") + R"({"site_id": ")" + sites[i].first + R"(", "site_name": "古亭", "aqi": 30,
      "pm2_5": ")" +
           sites[i].second + R"(", "pm10": "18", "o3": "11", "co": "0.22", "so2": "1.1", "no2": "10",
      "longitude": "121.5)" +
           sites[i].first + R"(", "latitude": "25.02", "publish_time": ")" + time + R"("})";
  return out + "]}";
}

TEST(MoenvJson, TheCrawlersCountyFormIsReadWithTheSameFieldMap) {
  const auto r = import_moenv_json(crawler_snapshot("2026/07/03 22:00:00", {{"14", "5"}}), "tp.json");
  ASSERT_EQ(r.fatal, "");
  ASSERT_EQ(r.readings.size(), 6u);
  EXPECT_EQ(r.readings[0].station, "14");
  EXPECT_EQ(r.readings[0].station_name, "古亭");
  EXPECT_EQ(r.readings[0].pollutant, Pollutant::Pm25);
  EXPECT_DOUBLE_EQ(r.readings[0].value, 5);
  EXPECT_EQ(r.readings[0].time, 1783087200) << "22:00 Taiwan time is 14:00 UTC";
  const auto bad = import_moenv_json(R"({"county": "x", "stations": [{"site_id": "1"}]})", "x.json");
  EXPECT_EQ(bad.examples.front(), "x.json: /stations/0: bad coordinates");
}

// Snapshots in sequence from an archive: an hour published again is one reading, a changed value
// is reported; a station that appears in a later snapshot is simply added; one damaged snapshot
// is one rejected record; the hours cross the year's end in Taiwan time.
TEST(MoenvJson, AnArchiveOfSnapshotsIsReadInSequence) {
  const std::string archive = test::tar({
      {"1_a_tp.json", crawler_snapshot("2025/12/31 23:00:00", {{"14", "5"}, {"15", "9"}})},
      {"2_b_tp.json", crawler_snapshot("2025/12/31 23:00:00", {{"14", "5"}, {"15", "8"}})},  // 15 revised
      {"3_c_tp.json", crawler_snapshot("2026/01/01 00:00:00", {{"14", "6"}, {"15", "7"}, {"64", "3"}})},
      {"4_d_tp.json", "{\"county\": \"臺北市\", \"stations\": [{"},  // cut by the crawler
  });
  for (const std::string& path :
       {test::temp_file("snapshots.tar", archive), test::temp_file("snapshots.tar.gz", test::gzip(archive))}) {
    SeriesBuilder builder;
    builder.begin_source("MOENV");
    const ImportReport r = import_moenv_file(path, builder);
    ASSERT_EQ(r.fatal, "") << path;
    EXPECT_EQ(r.accepted, 5u * 6) << "14, 15 at 23:00 and 14, 15, 64 at 00:00, six pollutants each";
    EXPECT_EQ(r.repeated, 6u + 5) << "the second snapshot: 14 whole, and 15 but for its revised PM2.5";
    EXPECT_EQ(r.rejected[static_cast<std::size_t>(Reject::DuplicateTime)], 1u);
    EXPECT_EQ(r.rejected[static_cast<std::size_t>(Reject::Malformed)], 1u);
    EXPECT_NE(std::find_if(r.examples.begin(), r.examples.end(),
                           [](const std::string& e) { return e.find("4_d_tp.json") != std::string::npos; }),
              r.examples.end());
    const SeriesBuild build = builder.finish();
    ASSERT_EQ(build.error, "");
    EXPECT_EQ(build.data.stations.size(), 3u);
    EXPECT_EQ(build.data.hours, 2u) << "2025-12-31 15:00 and 16:00 UTC";
    EXPECT_EQ(build.data.first_hour, 1767193200);
    std::remove(path.c_str());
  }
  // A cut archive is fatal: nothing it gave may be written.
  const std::string cut = test::temp_file("cut.tar.gz", test::gzip(archive).substr(0, test::gzip(archive).size() / 2));
  ReadingList list;
  EXPECT_NE(import_moenv_file(cut, list).fatal.find("the gzip data is cut short"), std::string::npos);
  std::remove(cut.c_str());
}

// The real archive (geodata/airquality/datasets/taiwan-moenv, PROVENANCE.md there): every
// snapshot of four counties from 2026-07-03 to 2026-08-23, counts pinned.
TEST(MoenvJson, TheRealSnapshotsOfFourCounties) {
  SeriesBuilder builder;
  builder.begin_source("MOENV");
  const ImportReport r = import_moenv_file(CCAP_DATASETS "/taiwan-moenv/raw_county_snapshots.tar.gz", builder);
  ASSERT_EQ(r.fatal, "");
  EXPECT_EQ(r.accepted, 198327u);
  EXPECT_EQ(r.repeated, 2513u);
  EXPECT_EQ(r.rejected_total(), 5248u);
  EXPECT_EQ(r.rejected[static_cast<std::size_t>(Reject::MissingValue)], 5248u);
  const SeriesBuild build = builder.finish();
  ASSERT_EQ(build.error, "");
  EXPECT_EQ(build.data.stations.size(), 31u);
  EXPECT_EQ(build.data.hours, 1210u);
  EXPECT_EQ(build.data.series.size(), 31u * 6);
}

TEST(Air4thaiJson, ReadsStationsInThaiTimeAndSkipsMinusOne) {
  const auto r = import_air4thai_json(kAir4thai, "air4thai.json");
  ASSERT_TRUE(r.fatal.empty()) << r.fatal;
  ASSERT_EQ(r.readings.size(), 4u);  // PM2.5, PM10, CO, NO2
  EXPECT_EQ(r.readings[0].station, "10t");
  EXPECT_DOUBLE_EQ(r.readings[0].value, 25.3);
  EXPECT_EQ(r.readings[0].time, 1709244000) << "05:00 Thai time is 22:00 UTC the day before";
  EXPECT_DOUBLE_EQ(r.readings[0].where.lng, 100.605);
  EXPECT_EQ(count(r, Reject::MissingValue), 2u) << "O3 and SO2 reported as -1";
  EXPECT_EQ(count(r, Reject::BadCoordinates), 1u);
  EXPECT_EQ(count(r, Reject::BadTime), 1u);
  EXPECT_EQ(import_air4thai_json("[]", "x.json").fatal, "x.json: no stations array (expected air4thai JSON)");
}

// Numbers beyond a double (9-14 bytes of input) aborted both importers with an uncaught exception.
TEST(JsonImporters, NumbersOutOfRangeAreAProblemNotAnAbort) {
  const ImportResult m = import_moenv_json(R"({"records":[{"sitename":"x","pm2.5":1e400}]})", "m.json");
  EXPECT_EQ(m.fatal.rfind("m.json: ", 0), 0u) << m.fatal;
  EXPECT_NE(m.fatal.find("line 1"), std::string::npos) << m.fatal;
  const ImportResult a = import_air4thai_json("[1e400]", "a.json");
  EXPECT_FALSE(a.fatal.empty());
  EXPECT_TRUE(a.readings.empty());
}

TEST(Air4thaiJson, HugeNumbersAreSpikesNotReadings) {
  const auto r = import_air4thai_json(R"({"stations": [{"stationID": "1", "lat": "13.7", "long": "100.5",
      "AQILast": {"date": "2024-03-01", "time": "05:00", "PM25": {"value": "1e12"}, "PM10": {"value": "1e999"}}}]})",
                                      "h.json");
  EXPECT_TRUE(r.readings.empty());
  EXPECT_EQ(count(r, Reject::ImpossibleSpike), 1u);
  EXPECT_EQ(count(r, Reject::Malformed), 1u) << "1e999 is not a finite number";
}

}  // namespace ccap::airquality
