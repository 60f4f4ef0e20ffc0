#include "features/air/import/series_builder.h"

#include <gtest/gtest.h>
#include <sys/resource.h>
#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "base/civil_date.h"
#include "base/file_bytes.h"
#include "pipeline/airquality/openaq_csv.h"
#include "test_paths.h"

// GCC says __SANITIZE_ADDRESS__; clang before 16 only answers __has_feature.
#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define CCAP_CLANG_ASAN 1
#endif
#endif
#ifndef CCAP_CLANG_ASAN
#define CCAP_CLANG_ASAN 0
#endif

namespace ccap::airquality {

TEST(SeriesBuilder, HourlyBinsAverageWithinTheHourAndLeaveGapsEmpty) {
  const std::int64_t t0 = 1709251200;  // 2024-03-01T00:00Z
  SourcedReadings openaq{"OpenAQ",
                         {
                             {"1", "A", {100.5, 13.7}, Pollutant::Pm25, t0 + 600, 10},
                             {"1", "A", {100.5, 13.7}, Pollutant::Pm25, t0 + 1800, 20},  // same hour: averaged -> 15
                             {"1", "A", {100.5, 13.7}, Pollutant::Pm25, t0 + 3 * 3600, 30},  // hours 1 and 2 are gaps
                             {"1", "A", {100.5, 13.7}, Pollutant::No2, t0, 5},
                         }};
  SourcedReadings moenv{"MOENV", {{"1", "Other station, same id", {121.5, 25}, Pollutant::Pm25, t0 + 3600, 7}}};
  const SeriesBuild build = build_series({openaq, moenv});
  ASSERT_TRUE(build.error.empty()) << build.error;
  const AirQualityData& d = build.data;
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
  EXPECT_EQ(build_series({}).data.hours, 0u);
}

// Two readings decades apart (or a mistyped year) made the builder allocate the whole span, run for
// tens of seconds and write a file the app refuses. Now it refuses first, saying where and why.
TEST(SeriesBuilder, ASpanLongerThanTheAppReadsIsRefusedBeforeAnythingIsAllocated) {
  const std::int64_t t2020 = 1577836800, t2045 = 2366841600;  // 2020-01-01, 2045-01-01 UTC
  SourcedReadings a{"OpenAQ", {{"1", "A", {100.5, 13.7}, Pollutant::Pm25, t2020, 10}}};
  SourcedReadings b{"MOENV", {{"2", "B", {121.5, 25}, Pollutant::Pm25, t2045, 12}}};
  const SeriesBuild build = build_series({a, b});
  EXPECT_EQ(build.data.hours, 0u);
  EXPECT_TRUE(build.data.series.empty());
  EXPECT_NE(build.error.find("25.0 years"), std::string::npos) << build.error;
  EXPECT_NE(build.error.find("2020-01-01 00:00 UTC (OpenAQ)"), std::string::npos) << build.error;
  EXPECT_NE(build.error.find("2045-01-01 00:00 UTC (MOENV)"), std::string::npos) << build.error;
  // Within the limit, and with a smaller one asked for.
  SourcedReadings c{"MOENV", {{"2", "B", {121.5, 25}, Pollutant::Pm25, t2020 + 100 * 3600, 12}}};
  EXPECT_TRUE(build_series({a, c}).error.empty());
  EXPECT_FALSE(build_series({a, c}, 50).error.empty());
}

// The builder is the importers' sink: readings out of order (latest first) grow a series at the
// front and give the same series as in order; a second reading in a station's minute is a repeat
// (seconds are dropped: readings.h); other minutes in the hour are averaged.
TEST(SeriesBuilder, ReadingsInAnyOrderGiveTheSameSeriesAndRepeatsAreRefused) {
  const std::int64_t t0 = 1709251200;  // 2024-03-01T00:00Z
  const auto reading = [](std::int64_t t, double v) {
    return ReadingView{"7", "A", {100.5, 13.7}, Pollutant::Pm25, t, v};
  };
  SeriesBuilder in_order, latest_first;
  in_order.begin_source("OpenAQ");
  latest_first.begin_source("OpenAQ");
  for (int h = 0; h < 500; ++h) EXPECT_EQ(in_order.add(reading(t0 + h * 3600, h % 50)), Added::Yes);
  for (int h = 499; h >= 0; --h) EXPECT_EQ(latest_first.add(reading(t0 + h * 3600, h % 50)), Added::Yes);
  EXPECT_EQ(latest_first.add(reading(t0 + 3600, 99)), Added::Repeat) << "the same time again";
  EXPECT_EQ(latest_first.add(reading(t0 + 3600 + 17, 1)), Added::Same)
      << "17 s later, in the same minute, with the value kept: the same reading";
  EXPECT_EQ(latest_first.add(reading(t0 + 3600 + 17, 2)), Added::Repeat) << "with another value: a repeat";
  EXPECT_EQ(latest_first.add(reading(t0 + 3600 + 77, 1)), Added::Yes) << "the next minute: another reading";
  EXPECT_EQ(latest_first.add(reading(t0 + 3600 + 60, 1)), Added::Repeat) << "and its minute taken";
  const SeriesBuild a = in_order.finish(), b = latest_first.finish();
  ASSERT_TRUE(a.error.empty() && b.error.empty());
  EXPECT_EQ(a.data.first_hour, t0);
  EXPECT_EQ(b.data.first_hour, t0);
  ASSERT_EQ(b.data.hours, 500u);
  ASSERT_EQ(b.data.series.size(), 1u);
  for (std::uint32_t h = 0; h < 500; ++h)
    if (h != 1) {
      EXPECT_FLOAT_EQ(a.data.series[0].values[h], b.data.series[0].values[h]) << h;
    }
  EXPECT_FLOAT_EQ(b.data.series[0].values[1], (1 + 1) / 2.0f) << "01:00 and 01:01:17 averaged";
  // Ids are per source: another source's station "7" is another station.
  SeriesBuilder two;
  two.begin_source("OpenAQ");
  EXPECT_EQ(two.add(reading(t0, 1)), Added::Yes);
  two.begin_source("MOENV");
  EXPECT_EQ(two.add(reading(t0, 2)), Added::Yes);
  two.begin_source("OpenAQ");
  EXPECT_EQ(two.add(reading(t0, 3)), Added::Repeat) << "OpenAQ's station 7 has 00:00 already (from an earlier file)";
  EXPECT_EQ(two.finish().data.stations.size(), 2u);
}

// A feed polled every hour publishes each hour again in its next snapshots: the same reading is
// one reading (Added::Same, not a reject); a changed value for an hour already read is reported,
// the first kept, never averaged in. The list and the builder keep the one rule.
TEST(SeriesBuilder, ASnapshotRepeatingAnHourIsOneReadingAndAChangedValueIsReported) {
  const std::int64_t t0 = 1783087200;  // 2026-07-03T14:00Z
  const auto reading = [](std::int64_t t, double v) {
    return ReadingView{"14", "Guting", {121.53, 25.02}, Pollutant::Pm25, t, v};
  };
  SeriesBuilder builder;
  ReadingList list;
  for (ReadingSink* sink : {static_cast<ReadingSink*>(&builder), static_cast<ReadingSink*>(&list)}) {
    EXPECT_EQ(sink->add(reading(t0, 5)), Added::Yes);
    EXPECT_EQ(sink->add(reading(t0 + 3600, 7)), Added::Yes);
    EXPECT_EQ(sink->add(reading(t0, 5)), Added::Same) << "the next snapshot, the same hour and value";
    EXPECT_EQ(sink->add(reading(t0, 6)), Added::Repeat) << "a revised value";
  }
  const SeriesBuild build = builder.finish();
  ASSERT_EQ(build.data.series.size(), 1u);
  EXPECT_FLOAT_EQ(build.data.series[0].values[0], 5) << "the first value kept, not averaged with the revision";
  const auto kept = list.take();
  ASSERT_EQ(kept.size(), 2u);
  EXPECT_DOUBLE_EQ(kept[0].value, 5);
  // Counted by an importer: the same reading as repeated, the changed one as a reject.
  ImportReport report;
  ReadingList sink;
  report.add(sink, reading(t0, 5), [] { return "a.json: /stations/0"; });
  report.add(sink, reading(t0, 5), [] { return "b.json: /stations/0"; });
  report.add(sink, reading(t0, 9), [] { return "c.json: /stations/0"; });
  EXPECT_EQ(report.accepted, 1u);
  EXPECT_EQ(report.repeated, 1u);
  EXPECT_EQ(report.rejected[static_cast<std::size_t>(Reject::DuplicateTime)], 1u);
  ASSERT_EQ(report.examples.size(), 1u);
  EXPECT_EQ(report.examples[0], "c.json: /stations/0: a different value for a time already read (the first kept)");
}

namespace {
long peak_rss_kib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}
}  // namespace

// Importing 2 million OpenAQ rows peaked at about five times the file's size: the whole text and a
// reading per row were held. Now rows are generated here and streamed through the importer into
// the builder, never held: the peak grows by the series' size, not by the input's 118 MB. The
// times carry seconds (":17"), which once kept a set entry per row (233 MB against 95-108 MB).
TEST(SeriesBuilder, AStreamedImportHoldsTheSeriesNotTheRows) {
  constexpr int kStations = 10, kHours = 20'000, kPerHour = 10;  // a reading every 6 minutes
  const std::string header = "location_id,sensors_id,location,datetime,lat,lon,parameter,units,value\n";
  std::string pending = header;
  std::size_t row = 0, bytes = 0;
  const std::size_t rows = std::size_t{kStations} * kHours * kPerHour;
  pipeline::LineReader lines(
      [&](char* into, std::size_t max, std::string&) -> std::size_t {
        while (pending.size() < max && row < rows) {
          const std::size_t station = row % kStations, tick = row / kStations;
          const std::int64_t t = 1704067200 + static_cast<std::int64_t>(tick) * 360;  // from 2024-01-01
          const std::int64_t days = t / 86400, in_day = t % 86400;
          const CivilDate d = civil_from_days(days);
          char line[160];
          std::snprintf(line, sizeof line,
                        "%zu,%zu,\"Station %zu\",%04d-%02d-%02dT%02d:%02d:17Z,13.7,100.5,pm25,ug/m3,%zu\n", station,
                        station, station, d.year, d.month, d.day, static_cast<int>(in_day / 3600),
                        static_cast<int>(in_day % 3600 / 60), 5 + row % 40);
          pending += line;
          ++row;
        }
        const std::size_t n = std::min(max, pending.size());
        std::memcpy(into, pending.data(), n);
        pending.erase(0, n);
        bytes += n;
        return n;
      },
      kMaxOpenAqLine);
  const long before = peak_rss_kib();
  SeriesBuilder builder;
  builder.begin_source("OpenAQ");
  const ImportReport report = import_openaq_csv(lines, "generated.csv", builder);
  ASSERT_TRUE(report.fatal.empty()) << report.fatal;
  EXPECT_EQ(report.accepted, rows);
  const SeriesBuild build = builder.finish();
  ASSERT_TRUE(build.error.empty()) << build.error;
  ASSERT_EQ(build.data.series.size(), std::size_t{kStations});
  EXPECT_EQ(build.data.hours, std::uint32_t{kHours});
  const long grown_mib = (peak_rss_kib() - before) / 1024;
  EXPECT_GT(bytes, 100u << 20) << "the input is large";
#if defined(__SANITIZE_ADDRESS__) || CCAP_CLANG_ASAN
  (void)grown_mib;  // ASan keeps freed memory in quarantine: the peak says nothing here
#else
  // The series: 10 x 20,000 hours, 24 bytes an hour while summing (4.8 MB), 4 bytes written.
  EXPECT_LT(grown_mib, 32) << "the peak grew by " << grown_mib << " MiB for " << (bytes >> 20) << " MiB of rows";
#endif
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
  const std::string good =
      tool + " airquality --out " + out + " --openaq " + (dir / "ok.csv").string() + " > " + log + " 2>&1";
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
  const std::string bad = tool + " airquality --out " + out + " --openaq " + (dir / "ok.csv").string() + " --moenv " +
                          (dir / "broken.json").string() + " > " + log + " 2>&1";
  EXPECT_NE(std::system(bad.c_str()), 0);
  EXPECT_FALSE(fs::exists(out)) << "nothing is written when a file could not be read";

  // --max-hours bounds the files before it too (the readings are summed as they are read).
  std::ofstream(dir / "span.csv") << "location_id,sensors_id,location,datetime,lat,lon,parameter,units,value\n"
                                     "1,1,A,2024-03-01T00:00:00Z,13.75,100.5,pm25,ug/m3,12\n"
                                     "1,1,A,2024-03-01T10:00:00Z,13.75,100.5,pm25,ug/m3,14\n";
  const std::string span = tool + " airquality --out " + out + " --openaq " + (dir / "span.csv").string();
  EXPECT_NE(std::system((span + " --max-hours 5 > " + log + " 2>&1").c_str()), 0);
  EXPECT_FALSE(fs::exists(out));
  std::ifstream refused(log);
  const std::string why((std::istreambuf_iterator<char>(refused)), {});
  EXPECT_NE(
      why.find("error: the readings span 0.0 years, from 2024-03-01 00:00 UTC (OpenAQ, " + (dir / "span.csv").string() +
               ":2) to 2024-03-01 10:00 UTC (OpenAQ, " + (dir / "span.csv").string() + ":3)"),
      std::string::npos)
      << why;
  EXPECT_EQ(std::system((span + " --max-hours 11 > " + log + " 2>&1").c_str()), 0);
  EXPECT_TRUE(fs::exists(out));
  fs::remove_all(dir);
}

// Nothing replaces a good file with none, and nothing is written that the app would refuse.
TEST(GeodataTool, AnEmptyImportOrANameTheAppWouldRefuseWritesNothing) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / ("ccap-geodata-refuse-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  const std::string header = "location_id,sensors_id,location,datetime,lat,lon,parameter,units,value\n";
  std::ofstream(dir / "rejected.csv") << header << "1,1,A,2024-03-01T00:00:00Z,13.75,100.5,pm25,ug/m3,-4\n";
  std::ofstream(dir / "long_name.csv") << header << "1,1," << std::string(4097, 'n')
                                       << ",2024-03-01T00:00:00Z,13.75,100.5,pm25,ug/m3,12\n";
  const std::string tool = CCAP_GEODATA_TOOL, out = (dir / "aq.ccapaq").string(), log = (dir / "log.txt").string();
  const auto run = [&](const std::string& args) {
    return std::system((tool + " airquality --out " + out + " " + args + " > " + log + " 2>&1").c_str());
  };
  const auto said = [&] {
    std::ifstream in(log);
    return std::string((std::istreambuf_iterator<char>(in)), {});
  };
  std::ofstream(out) << "the good file of yesterday";
  EXPECT_NE(run("--openaq " + (dir / "rejected.csv").string()), 0);
  EXPECT_NE(said().find("error: no station to write (every record was rejected"), std::string::npos) << said();
  EXPECT_NE(run(""), 0) << "no input at all";
  EXPECT_NE(run("--openaq " + (dir / "long_name.csv").string()), 0);
  EXPECT_NE(said().find("its name is 4097 bytes, more than 4096"), std::string::npos) << said();
  std::ifstream kept(out);
  EXPECT_EQ(std::string((std::istreambuf_iterator<char>(kept)), {}), "the good file of yesterday");
  EXPECT_EQ(run("--allow-empty"), 0) << "asked for explicitly";
  const FileBytes empty = read_file_bytes(out, 1 << 20);
  ASSERT_TRUE(empty.bytes);
  EXPECT_TRUE(decode_air_quality(*empty.bytes).data) << "and the app reads it";
  fs::remove_all(dir);
}

TEST(GeodataTool, StationsAddMetadataAndSyntheticReadingsAreLabelledOrNothingIsWritten) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / ("ccap-geodata-stations-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::ofstream(dir / "ok.csv") << "location_id,sensors_id,location,datetime,lat,lon,parameter,units,value\n"
                                   "28,1,Fengyuan,2024-03-01T00:00:00Z,24.2565,120.7417,pm25,ug/m3,12\n";
  std::ofstream(dir / "stations.geojson")
      << R"({"type": "FeatureCollection", "features": [{"type": "Feature", "geometry": {"type": "Point",)"
         R"( "coordinates": [120.741711, 24.256586]}, "properties": {"id": "28", "name": "Fengyuan",)"
         R"( "operator": "MOENV", "licence": "OGDL 1.0", "source_url": "https://example.org/s", "city": "taichung"}}]})";
  std::ofstream(dir / "bad_stations.geojson")
      << R"({"type": "FeatureCollection", "features": [{"type": "Feature", "geometry": {"type": "Point",)"
         R"( "coordinates": [120.7, 95]}, "properties": {"id": "1"}}]})";
  const std::string tool = CCAP_GEODATA_TOOL, out = (dir / "aq.ccapaq").string(), log = (dir / "log.txt").string();
  const auto run = [&](const std::string& args) {
    return std::system((tool + " airquality --out " + out + " " + args + " > " + log + " 2>&1").c_str());
  };
  const auto written = [&] {
    const FileBytes file = read_file_bytes(out, 64 << 20);
    return file.bytes ? decode_air_quality(*file.bytes).data : std::nullopt;
  };

  ASSERT_EQ(run("--openaq " + (dir / "ok.csv").string() + " --stations " + (dir / "stations.geojson").string()), 0);
  auto imported = written();
  ASSERT_TRUE(imported);
  EXPECT_EQ(imported->stations[0].operator_name, "MOENV") << "metadata joined on the station id";
  EXPECT_EQ(imported->stations[0].city, "taichung");
  EXPECT_FALSE(imported->any_synthetic());

  ASSERT_EQ(run("--synthetic 2025 --hours 48 --stations " + (dir / "stations.geojson").string()), 0);
  auto synthetic = written();
  ASSERT_TRUE(synthetic);
  EXPECT_TRUE(synthetic->any_synthetic());
  EXPECT_EQ(synthetic->hours, 48u);
  EXPECT_EQ(synthetic->first_hour, 1735689600) << "from 1 January 2025, UTC";
  EXPECT_EQ(synthetic->stations[0].licence, "OGDL 1.0");

  fs::remove(out);
  EXPECT_NE(run("--synthetic 2025 --stations " + (dir / "bad_stations.geojson").string()), 0);
  EXPECT_FALSE(fs::exists(out)) << "a station file with a bad feature writes nothing";
  EXPECT_NE(run("--synthetic 2025 --openaq " + (dir / "ok.csv").string()), 0) << "synthetic readings do not mix";
  EXPECT_NE(run("--synthetic 2025"), 0) << "no stations to make readings for";
  EXPECT_NE(run("--synthetic soon --random-stations 5"), 0);
  EXPECT_FALSE(fs::exists(out));
  std::ifstream in(log);
  const std::string report((std::istreambuf_iterator<char>(in)), {});
  EXPECT_NE(report.find("--synthetic wants a whole number"), std::string::npos) << report;
  fs::remove_all(dir);
}

}  // namespace ccap::airquality
