// Air quality: import throughput per format (rows/s), the overlay's per-frame work for 100,000
// stations (markers and clusters, the IDW surface) and the timeline's averages. Inputs are made
// here: CSV/JSON text in the real formats, stations from the synthetic generator.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <string>

#include "features/air/import/series_builder.h"
#include "features/air/model/air_overlay.h"
#include "features/air/model/synthetic_readings.h"
#include "pipeline/airquality/json_importers.h"
#include "pipeline/airquality/openaq_csv.h"

namespace {

using namespace ccap;
using namespace ccap::airquality;

std::string openaq_csv(int rows) {
  std::string s = "location_id,sensors_id,location,datetime,lat,lon,parameter,units,value\n";
  char line[200];
  for (int i = 0; i < rows; ++i) {
    const int station = i % 500, hour = i / 500;
    std::snprintf(line, sizeof line, "%d,%d,\"Station %d\",2024-03-%02dT%02d:00:00+08:00,%.4f,%.4f,%s,%s,%.1f\n",
                  station, station * 4 + i % 4, station, 1 + hour / 24 % 28, hour % 24, 24 + station * 0.001,
                  120.5 + station * 0.001, i % 2 ? "pm25" : "no2", i % 2 ? "µg/m³" : "ppb", 5 + i % 40 * 0.5);
    s += line;
  }
  return s;
}

std::string moenv_json(int records) {
  std::string s = "{\"records\": [";
  char rec[400];
  for (int i = 0; i < records; ++i) {
    std::snprintf(rec, sizeof rec,
                  "%s{\"sitename\":\"S%d\",\"siteid\":\"%d\",\"longitude\":\"%.4f\",\"latitude\":\"%.4f\","
                  "\"publishtime\":\"2024/03/%02d %02d:00:00\",\"pm2.5\":\"%d\",\"pm10\":\"%d\",\"no2\":\"%.1f\","
                  "\"o3\":\"%.1f\",\"so2\":\"1.2\",\"co\":\"0.3\"}",
                  i ? "," : "", i % 80, i % 80, 120.5 + i % 80 * 0.01, 24 + i % 80 * 0.01, 1 + i / 80 / 24 % 28,
                  i / 80 % 24, 10 + i % 30, 20 + i % 50, 10 + i % 20 * 0.5, 30 + i % 40 * 0.5);
    s += rec;
  }
  return s + "]}";
}

std::string air4thai_json(int stations) {
  std::string s = "{\"stations\": [";
  char st[500];
  for (int i = 0; i < stations; ++i) {
    std::snprintf(st, sizeof st,
                  "%s{\"stationID\":\"%dt\",\"nameEN\":\"Station %d\",\"lat\":\"%.4f\",\"long\":\"%.4f\","
                  "\"AQILast\":{\"date\":\"2024-03-01\",\"time\":\"05:00\",\"PM25\":{\"value\":\"%d\"},"
                  "\"PM10\":{\"value\":\"%d\"},\"O3\":{\"value\":\"%d\"},\"CO\":{\"value\":\"0.4\"},"
                  "\"NO2\":{\"value\":\"%d\"},\"SO2\":{\"value\":\"-1\"}}}",
                  i ? "," : "", i, i, 13.5 + i * 0.0001, 100.5 + i * 0.0001, 10 + i % 40, 20 + i % 60, 10 + i % 30,
                  5 + i % 25);
    s += st;
  }
  return s + "]}";
}

void report_rows(benchmark::State& state, std::size_t rows, std::size_t bytes) {
  state.counters["rows/s"] =
      benchmark::Counter(static_cast<double>(rows), benchmark::Counter::kIsIterationInvariantRate);
  state.SetBytesProcessed(static_cast<std::int64_t>(bytes) * state.iterations());
}

void BM_ImportOpenAqCsv(benchmark::State& state) {
  const std::string csv = openaq_csv(200'000);
  for (auto _ : state) benchmark::DoNotOptimize(import_openaq_csv(csv, "bench.csv"));
  report_rows(state, 200'000, csv.size());
}
BENCHMARK(BM_ImportOpenAqCsv)->Unit(benchmark::kMillisecond);

// The tool's path: read a line at a time and summed into hourly series as it goes.
void BM_ImportOpenAqCsvIntoSeries(benchmark::State& state) {
  const std::string csv = openaq_csv(200'000);
  for (auto _ : state) {
    auto lines = pipeline::LineReader::of_text(csv, kMaxOpenAqLine);
    SeriesBuilder builder;
    builder.begin_source("OpenAQ");
    benchmark::DoNotOptimize(import_openaq_csv(lines, "bench.csv", builder));
    benchmark::DoNotOptimize(builder.finish());
  }
  report_rows(state, 200'000, csv.size());
}
BENCHMARK(BM_ImportOpenAqCsvIntoSeries)->Unit(benchmark::kMillisecond);

void BM_ImportMoenvJson(benchmark::State& state) {
  const std::string json = moenv_json(20'000);  // 6 pollutants a record: 120,000 readings
  for (auto _ : state) benchmark::DoNotOptimize(import_moenv_json(json, "bench.json"));
  report_rows(state, 20'000, json.size());
}
BENCHMARK(BM_ImportMoenvJson)->Unit(benchmark::kMillisecond);

void BM_ImportAir4thaiJson(benchmark::State& state) {
  const std::string json = air4thai_json(20'000);
  for (auto _ : state) benchmark::DoNotOptimize(import_air4thai_json(json, "bench.json"));
  report_rows(state, 20'000, json.size());
}
BENCHMARK(BM_ImportAir4thaiJson)->Unit(benchmark::kMillisecond);

// 100,000 stations within 3° of 32 places around the partnership's region (about 110 per square
// degree, some 25 within a surface sample's reach), 24 hours of PM2.5, like the browser benchmark.
std::vector<LngLat> centres() {
  std::vector<LngLat> c;
  for (int i = 0; i < 32; ++i) c.push_back({95.0 + (i % 8) * 5.5, 5.0 + (i / 8) * 7.5});
  return c;
}

const AirOverlay& overlay_100k() {
  static AirOverlay o = [] {
    SyntheticSpec spec;
    spec.hours = 24;
    spec.pollutants = {Pollutant::Pm25};
    AirOverlay overlay;
    overlay.load(synthetic_air_quality(scattered_stations(centres(), 100'000, 1), spec));
    AirSettings s = overlay.settings();
    s.period = AirPeriod::Hour;
    overlay.apply(s);
    return overlay;
  }();
  return o;
}

MapCamera camera_at(LngLat c, double zoom) {
  MapCamera camera;
  camera.set_viewport(1280, 800);
  camera.set_zoom(zoom);
  camera.set_center_lnglat(c);
  return camera;
}

void BM_AirLoad100k(benchmark::State& state) {
  SyntheticSpec spec;
  spec.hours = 24;
  spec.pollutants = {Pollutant::Pm25};
  const AirQualityData data = synthetic_air_quality(scattered_stations(centres(), 100'000, 1), spec);
  for (auto _ : state) {
    AirOverlay o;
    o.load(data);
    benchmark::DoNotOptimize(o);
  }
}
BENCHMARK(BM_AirLoad100k)->Unit(benchmark::kMillisecond);

void BM_AirMarkers100k(benchmark::State& state) {
  const AirOverlay& o = overlay_100k();
  const MapCamera camera = camera_at({110, 20}, static_cast<double>(state.range(0)) / 2);
  std::size_t markers = 0;
  for (auto _ : state) markers = o.build_markers(camera, std::nullopt, std::nullopt).markers.size();
  state.counters["markers"] = static_cast<double>(markers);
}
BENCHMARK(BM_AirMarkers100k)->Arg(6)->Arg(9)->Unit(benchmark::kMillisecond);  // zoom 3, 4.5

void BM_AirMarkers100kCity(benchmark::State& state) {
  const AirOverlay& o = overlay_100k();
  const MapCamera camera = camera_at({100.5, 13.75}, 8);
  std::size_t markers = 0;
  for (auto _ : state) markers = o.build_markers(camera, std::nullopt, std::nullopt).markers.size();
  state.counters["markers"] = static_cast<double>(markers);
}
BENCHMARK(BM_AirMarkers100kCity)->Unit(benchmark::kMillisecond);

void BM_AirSurface100k(benchmark::State& state) {
  const AirOverlay& o = overlay_100k();
  const MapCamera camera = camera_at({100.5, 13.75}, static_cast<double>(state.range(0)));
  std::size_t covered = 0;
  for (auto _ : state) covered = o.surface(camera).covered;
  state.counters["samples"] = static_cast<double>(covered);
}
BENCHMARK(BM_AirSurface100k)->Arg(8)->Arg(10)->Unit(benchmark::kMillisecond);

void BM_AirTimelineYear(benchmark::State& state) {  // the built-in data's size: 64 stations, 4 pollutants, a year
  std::vector<AirStation> stations(64);
  for (std::size_t i = 0; i < stations.size(); ++i) {
    stations[i].id = std::to_string(i);
    stations[i].where = {100 + static_cast<double>(i) * 0.01, 14};
  }
  const AirQualityData data = synthetic_air_quality(stations, {});
  for (auto _ : state) benchmark::DoNotOptimize(AirTimeline(&data));
}
BENCHMARK(BM_AirTimelineYear)->Unit(benchmark::kMillisecond);

}  // namespace

namespace {
// The dense case: 100,000 stations within 3° of the 43 built-in stations (30 of them in Taiwan),
// the browser benchmark's data; a surface sample there has hundreds of stations within reach.
void BM_AirSurface100kDense(benchmark::State& state) {
  static const AirOverlay o = [] {
    SyntheticSpec spec;
    spec.hours = 24;
    spec.pollutants = {Pollutant::Pm25};
    std::vector<LngLat> centres;
    for (int i = 0; i < 30; ++i) centres.push_back({120.3 + (i % 6) * 0.3, 22.6 + (i / 6) * 0.6});
    AirOverlay overlay;
    overlay.load(synthetic_air_quality(scattered_stations(centres, 100'000, 1), spec));
    AirSettings s = overlay.settings();
    s.period = AirPeriod::Hour;
    overlay.apply(s);
    return overlay;
  }();
  const MapCamera camera = camera_at({121.0, 24.5}, 8);
  std::size_t covered = 0;
  for (auto _ : state) covered = o.surface(camera).covered;
  state.counters["samples"] = static_cast<double>(covered);
}
BENCHMARK(BM_AirSurface100kDense)->Unit(benchmark::kMillisecond);
}  // namespace
