// The MOENV and air4thai importers on fixtures written for the purpose (station names from the
// domain notes, values made up for the test).
#include "pipeline/airquality/json_importers.h"

#include <gtest/gtest.h>

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
  EXPECT_EQ(import_moenv_json("{\"rows\": []}", "w.json").fatal, "w.json: no records array (expected aqx_p_432 JSON)");
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
