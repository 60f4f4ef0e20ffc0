// Native benchmarks of the partnership layers at stress size: 10,000 synthetic cities and 20,000
// twinning pairs (the real content has 32 and 5). Picking and label placement run every frame.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "features/partnership/model/partnership_layers.h"
#include "map/label_placement.h"
#include "map/line_detail.h"
#include "map/map_camera.h"
#include "map/picking.h"

namespace {

ccap::Partnership synthetic(std::size_t cities, std::size_t pairs) {
  std::mt19937 rng(12345);
  std::uniform_real_distribution<double> lng(62, 248), lat(-12, 52), exponent(4, 7);
  ccap::Partnership p;
  for (std::size_t i = 0; i < cities; ++i) {
    ccap::City c;
    c.id = "synthetic-" + std::to_string(i);
    c.name = "Synthetic " + std::to_string(i);
    c.where = {ccap::wrap_longitude(lng(rng)), lat(rng)};
    c.population = static_cast<long long>(std::pow(10.0, exponent(rng)));
    p.cities.push_back(std::move(c));
  }
  std::uniform_int_distribution<std::size_t> pick(0, cities - 1);
  for (std::size_t k = 0; k < pairs; ++k) {
    const std::size_t a = pick(rng);
    const std::size_t b = (a + 1 + pick(rng) % (cities - 1)) % cities;
    p.pairs.push_back({"pair-" + std::to_string(k), ccap::CityId(a), ccap::CityId(b), "", "", "", {}});
  }
  p.levels = {{"bronze", "Bronze", "", 1, true, {}, {}, {}}};
  for (std::size_t i = 0; i < cities; i += 7)
    p.statuses.push_back({ccap::CityId(i), ccap::LevelId(0), "pilot", 2016, {}});
  p.build_index();
  return p;
}

const ccap::Partnership& stress() {
  static const ccap::Partnership p = synthetic(10'000, 20'000);
  return p;
}

std::vector<glm::dvec2> screen_positions(const ccap::MarkerLayer& markers) {
  ccap::MapCamera camera;
  camera.set_viewport(1920, 1080);
  camera.fit_bounds({62, -12, -112, 52}, 24);
  std::vector<glm::dvec2> out;
  for (ccap::CityId c : markers.city) out.push_back(camera.lnglat_to_screen(stress().city(c).where));
  return out;
}

void BM_BuildMarkers(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(ccap::build_markers(stress(), {}, ccap::CityId(5), ccap::CityId(7)));
  state.SetItemsProcessed(state.iterations() * 10'000);
}
BENCHMARK(BM_BuildMarkers)->Unit(benchmark::kMillisecond);

void BM_BuildArcs(benchmark::State& state) {
  std::size_t segments = 0;
  for (auto _ : state) segments = ccap::build_arcs(stress(), {}).segments.size();
  state.counters["segments"] = static_cast<double>(segments);
}
BENCHMARK(BM_BuildArcs)->Unit(benchmark::kMillisecond);

// The arcs' levels of detail (map/line_detail.h, as map/gl/line_levels.cpp makes them on upload):
// each vertex's significance, then the simplified segments for zooms 0 to 4.
void BM_ArcLevelsOfDetail(benchmark::State& state) {
  const ccap::ArcLayer arcs = ccap::build_arcs(stress(), {});
  std::vector<std::uint32_t> starts;
  for (std::size_t i = 0; i < arcs.pair.size(); ++i)
    if (i == 0 || arcs.pair[i] != arcs.pair[i - 1]) starts.push_back(static_cast<std::uint32_t>(i));
  std::vector<ccap::Segment> simple;
  std::vector<ccap::Vec2f> progress;
  std::size_t kept[5] = {};
  for (auto _ : state) {
    const auto significance = ccap::end_significance(arcs.segments, starts);
    for (int level = 0; level <= 4; ++level) {
      ccap::simplify_chains(arcs.segments, arcs.progress, starts, significance, ccap::detail_tolerance(level), simple,
                            progress);
      kept[level] = simple.size();
    }
  }
  state.counters["full"] = static_cast<double>(arcs.segments.size());
  for (int level = 0; level <= 4; ++level)
    state.counters["zoom" + std::to_string(level)] = static_cast<double>(kept[level]);
}
BENCHMARK(BM_ArcLevelsOfDetail)->Unit(benchmark::kMillisecond);

void BM_PickNearest(benchmark::State& state) {
  const auto points = screen_positions(ccap::build_markers(stress(), {}, std::nullopt, std::nullopt));
  double x = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(ccap::pick_nearest(points, {x, 540}, 16));
    x = x > 1920 ? 0 : x + 7;
  }
}
BENCHMARK(BM_PickNearest)->Unit(benchmark::kMicrosecond);

void BM_PlaceLabels(benchmark::State& state) {
  const auto markers = ccap::build_markers(stress(), {}, std::nullopt, std::nullopt);
  const auto points = screen_positions(markers);
  std::vector<ccap::LabelRequest> requests;
  for (std::size_t i = 0; i < points.size(); ++i)
    requests.push_back({points[i], {70, 18}, 8, static_cast<double>(stress().city(markers.city[i]).population)});
  std::size_t placed = 0;
  for (auto _ : state) placed = ccap::place_labels(requests, {1920, 1080}).size();
  state.counters["placed"] = static_cast<double>(placed);
}
BENCHMARK(BM_PlaceLabels)->Unit(benchmark::kMillisecond);

}  // namespace
