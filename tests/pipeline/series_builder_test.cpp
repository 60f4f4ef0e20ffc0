#include "pipeline/airquality/series_builder.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "core/file_bytes.h"

namespace ccap::airquality {

TEST(SeriesBuilder, HourlyBinsAverageWithinTheHourAndLeaveGapsEmpty) {
  const std::int64_t t0 = 1709251200;  // 2024-03-01T00:00Z
  SourcedReadings openaq{"OpenAQ", {
      {"1", "A", {100.5, 13.7}, Pollutant::Pm25, t0 + 600, 10},
      {"1", "A", {100.5, 13.7}, Pollutant::Pm25, t0 + 1800, 20},      // same hour: averaged -> 15
      {"1", "A", {100.5, 13.7}, Pollutant::Pm25, t0 + 3 * 3600, 30},  // hours 1 and 2 are gaps
      {"1", "A", {100.5, 13.7}, Pollutant::No2, t0, 5},
  }};
  SourcedReadings moenv{"MOENV", {{"1", "Other station, same id", {121.5, 25}, Pollutant::Pm25, t0 + 3600, 7}}};
  const AirQualityData d = build_series({openaq, moenv});
  EXPECT_EQ(d.first_hour, t0);
  EXPECT_EQ(d.hours, 4u);
  ASSERT_EQ(d.stations.size(), 2u) << "ids are per source";
  ASSERT_EQ(d.series.size(), 3u);
  const auto& pm = d.series[0].values;
  EXPECT_FLOAT_EQ(pm[0], 15);
  EXPECT_TRUE(std::isnan(pm[1]));
  EXPECT_TRUE(std::isnan(pm[2]));
  EXPECT_FLOAT_EQ(pm[3], 30);
  EXPECT_FLOAT_EQ(d.series[2].values[1], 7);
  EXPECT_EQ(d.stations[d.series[2].station].source, "MOENV");
  EXPECT_EQ(build_series({}).hours, 0u);
}

TEST(GeodataTool, AirQualityWritesSeriesAndReportsRejectsOrWritesNothing) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / ("ccap-airquality-tool-test-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::ofstream(dir / "ok.csv") << "location_id,sensors_id,location,datetime,lat,lon,parameter,units,value\n"
                                   "1,1,A,2024-03-01T00:00:00Z,13.75,100.5,pm25,ug/m3,12\n"
                                   "1,1,A,2024-03-01T01:00:00Z,13.75,100.5,pm25,ug/m3,-4\n";
  std::ofstream(dir / "broken.json") << "{\"records\": [";
  const std::string out = (dir / "aq.ccapaq").string(), log = (dir / "log.txt").string();
  const std::string tool = CCAP_GEODATA_TOOL;
  const std::string good = tool + " airquality --out " + out + " --openaq " + (dir / "ok.csv").string() + " > " + log + " 2>&1";
  ASSERT_EQ(std::system(good.c_str()), 0);
  const FileBytes written = read_file_bytes(out, 1 << 20);
  ASSERT_TRUE(written.bytes);
  const auto decoded = decode_air_quality(*written.bytes);
  ASSERT_TRUE(decoded.data) << decoded.error;
  EXPECT_EQ(decoded.data->stations.size(), 1u);
  std::ifstream in(log);
  const std::string report((std::istreambuf_iterator<char>(in)), {});
  EXPECT_NE(report.find("1 readings, 1 records rejected"), std::string::npos) << report;
  EXPECT_NE(report.find("1 x negative value"), std::string::npos) << report;

  fs::remove(out);
  const std::string bad = tool + " airquality --out " + out + " --openaq " + (dir / "ok.csv").string() +
                          " --moenv " + (dir / "broken.json").string() + " > " + log + " 2>&1";
  EXPECT_NE(std::system(bad.c_str()), 0);
  EXPECT_FALSE(fs::exists(out)) << "nothing is written when a file could not be read";
  fs::remove_all(dir);
}

}  // namespace ccap::airquality
