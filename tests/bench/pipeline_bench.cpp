// Native benchmarks (Google Benchmark): the geodata pipeline on the real Natural Earth inputs, and
// the app-side decode of its output. Run by scripts/bench.sh; figures go to docs/performance.md.
#include <benchmark/benchmark.h>

#include "map/basemap_format.h"
#include "map/map_camera.h"
#include "pipeline/basemap_builder.h"
#include "test_paths.h"

namespace {

using ccap::pipeline::LevelSpec;
using ccap::pipeline::SourceRef;

std::vector<LevelSpec> natural_earth() {
  const std::string w = CCAP_WORLD_ATLAS;
  return {{0, SourceRef::parse(w + "/land-110m.json#land"), SourceRef::parse(w + "/countries-110m.json#countries")},
          {3, SourceRef::parse(w + "/land-50m.json#land"), SourceRef::parse(w + "/countries-50m.json#countries")}};
}

void BM_PipelineBasemap(benchmark::State& state) {
  const auto specs = natural_earth();
  std::size_t bytes = 0, triangles = 0, segments = 0;
  for (auto _ : state) {
    const auto result = ccap::pipeline::build_basemap(specs);
    if (!result.map) {
      state.SkipWithError("pipeline failed");
      return;
    }
    bytes = ccap::encode_basemap(*result.map).bytes.size();
    triangles = segments = 0;
    for (const auto& s : result.stats) {
      triangles += s.triangles;
      segments += s.coast_segments + s.border_segments;
    }
  }
  state.counters["output_bytes"] = static_cast<double>(bytes);
  state.counters["triangles"] = static_cast<double>(triangles);
  state.counters["line_segments"] = static_cast<double>(segments);
}
BENCHMARK(BM_PipelineBasemap)->Unit(benchmark::kMillisecond)->Iterations(3);

void BM_EncodeBasemap(benchmark::State& state) {
  const auto result = ccap::pipeline::build_basemap(natural_earth());
  std::size_t bytes = 0;
  for (auto _ : state) bytes = ccap::encode_basemap(*result.map).bytes.size();
  state.counters["file_bytes"] = static_cast<double>(bytes);
}
BENCHMARK(BM_EncodeBasemap)->Unit(benchmark::kMillisecond);

void BM_DecodeBasemap(benchmark::State& state) {
  const auto result = ccap::pipeline::build_basemap(natural_earth());
  const auto bytes = ccap::encode_basemap(*result.map).bytes;
  for (auto _ : state) benchmark::DoNotOptimize(ccap::decode_basemap(bytes));
  state.counters["file_bytes"] = static_cast<double>(bytes.size());
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes.size()));
}
BENCHMARK(BM_DecodeBasemap)->Unit(benchmark::kMillisecond);

void BM_ScreenToLngLat(benchmark::State& state) {
  ccap::MapCamera camera;
  camera.set_viewport(1920, 1080);
  camera.set_zoom(5.5);
  camera.set_center_lnglat({170, 20});
  double x = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(camera.screen_to_lnglat({x, 540}));
    x = x > 1920 ? 0 : x + 1;
  }
}
BENCHMARK(BM_ScreenToLngLat);

}  // namespace

BENCHMARK_MAIN();
