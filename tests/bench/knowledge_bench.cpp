// Knowledge Platform: search latency per keystroke over 10,000 synthetic entries (practices,
// experts and trainings with made-up words over 32 cities), typing a query one character at a
// time, with and without a facet filter; and building the index.
#include <benchmark/benchmark.h>

#include <string>

#include "features/knowledge/model/knowledge_search.h"

namespace {

using namespace ccap;

const char* kWords[] = {"emissions", "inventory", "monitoring", "bus",      "electric", "brick",    "kiln",
                        "stove",     "coal",      "port",       "shipping", "industry", "traffic",  "bicycle",
                        "health",    "plan",      "ordinance",  "sensor",   "network",  "training", "dust",
                        "burning",   "waste",     "energy",     "clean",    "air",      "city",     "hải phòng"};

struct Corpus {
  Partnership p;
  Knowledge k;
};

const Corpus& corpus() {
  static const Corpus c = [] {
    Corpus out;
    for (int i = 0; i < 32; ++i) {
      City city;
      city.id = "city-" + std::to_string(i);
      city.name = "City " + std::to_string(i);
      city.country = i % 2 ? "TW" : "VN";
      out.p.cities.push_back(city);
    }
    out.p.build_index();
    out.p.areas = {{"aqm-monitoring", "Air quality standards and monitoring"},
                   {"emissions-inventory", "Emissions inventories"},
                   {"health-impacts", "Health"},
                   {"communication", "Air quality communication"},
                   {"clean-air-plans", "Clean air plans"},
                   {"governance", "Governance"}};
    std::uint64_t state = 12345;
    const auto next = [&] {
      state = state * 6364136223846793005ull + 1442695040888963407ull;
      return static_cast<std::size_t>(state >> 33);
    };
    const auto words = [&](int n) {
      std::string s;
      for (int w = 0; w < n; ++w) s += std::string(w ? " " : "") + kWords[next() % std::size(kWords)];
      return s;
    };
    const char* pollutants[] = {"PM2.5", "PM10", "NO2", "O3", "SO2"};
    for (int i = 0; i < 10'000; ++i) {
      const std::vector<AreaId> areas{AreaId(next() % 6), AreaId(next() % 6)};
      const std::vector<std::string> pols{pollutants[next() % 5]};
      if (i % 10 < 6) {
        Practice x;
        x.id = "p" + std::to_string(i);
        x.title = words(6);
        x.summary = words(60);
        x.cities = {CityId(next() % 32)};
        x.areas = areas;
        x.pollutants = pols;
        x.sectors = {"transport"};
        out.k.practices.push_back(x);
      } else if (i % 10 < 8) {
        Expert x;
        x.id = "e" + std::to_string(i);
        x.name = words(5);
        x.role = words(25);
        x.kind = "city-agency";
        x.city = CityId(next() % 32);
        x.areas = areas;
        x.pollutants = pols;
        out.k.experts.push_back(x);
      } else {
        Training x;
        x.id = "t" + std::to_string(i);
        x.title = words(6);
        x.summary = words(40);
        x.provider = words(3);
        x.areas = areas;
        x.pollutants = pols;
        out.k.trainings.push_back(x);
      }
    }
    return out;
  }();
  return c;
}

void BM_KnowledgeIndex10k(benchmark::State& state) {
  const Corpus& c = corpus();
  for (auto _ : state) benchmark::DoNotOptimize(KnowledgeSearch(c.k, c.p));
}
BENCHMARK(BM_KnowledgeIndex10k)->Unit(benchmark::kMillisecond);

// Each iteration types "emissions inventory hai" one keystroke at a time: the time per keystroke is
// the iteration time divided by the query's length (reported as a counter).
void BM_KnowledgeSearchPerKeystroke10k(benchmark::State& state) {
  const Corpus& c = corpus();
  static const KnowledgeSearch search(c.k, c.p);
  const std::string typed = "emissions inventory hai";
  KnowledgeQuery q;
  if (state.range(0)) q.chosen[static_cast<std::size_t>(Facet::Pollutant)] = {"PM2.5"};
  std::size_t results = 0;
  for (auto _ : state)
    for (std::size_t n = 1; n <= typed.size(); ++n) {
      q.text = typed.substr(0, n);
      results = search.run(q).entries.size();
    }
  // Seconds per keystroke (shown with the benchmark's unit prefixes, e.g. 1.2m = 1.2 ms).
  state.counters["per_keystroke"] = benchmark::Counter(
      static_cast<double>(typed.size()), benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
  state.counters["last_results"] = static_cast<double>(results);
}
BENCHMARK(BM_KnowledgeSearchPerKeystroke10k)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

}  // namespace
