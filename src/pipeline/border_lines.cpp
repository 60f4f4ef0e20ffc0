#include "pipeline/border_lines.h"

#include <cmath>
#include <cstdint>
#include <map>
#include <tuple>

namespace ccap::pipeline {

namespace {

// Exact matching with a tolerance far below the data's precision (1e-7° is about 1 cm).
using Key = std::tuple<std::int64_t, std::int64_t, std::int64_t, std::int64_t>;

std::int64_t q(double v) { return std::llround(v * 1e7); }

Key key_of(LngLat a, LngLat b) {
  const auto ka = std::make_pair(q(a.lng), q(a.lat)), kb = std::make_pair(q(b.lng), q(b.lat));
  return ka < kb ? Key{ka.first, ka.second, kb.first, kb.second} : Key{kb.first, kb.second, ka.first, ka.second};
}

GeoSegment continuous(LngLat a, LngLat b) {
  const double jump = b.lng - a.lng;
  if (jump > 180) b.lng -= 360;
  if (jump < -180) b.lng += 360;
  return {a, b};
}

}  // namespace

CountryLines extract_lines(const std::vector<std::vector<Ring>>& countries) {
  struct Seen {
    GeoSegment segment;
    int country;
    int owners;
  };
  std::map<Key, Seen> edges;
  std::vector<Key> order;  // first-seen order keeps the output deterministic and readable
  for (int c = 0; c < static_cast<int>(countries.size()); ++c) {
    for (const Ring& ring : countries[c]) {
      for (std::size_t i = 1; i < ring.size(); ++i) {
        const LngLat a = ring[i - 1], b = ring[i];
        if ((a.lng == b.lng && a.lat == b.lat) || is_cut_edge(a, b)) continue;
        const Key k = key_of(a, b);
        auto [it, inserted] = edges.try_emplace(k, Seen{continuous(a, b), c, 1});
        if (inserted) {
          order.push_back(k);
        } else if (it->second.country != c) {
          ++it->second.owners;  // the same edge traced by a second country: a border
        }
      }
    }
  }
  CountryLines out;
  for (const Key& k : order) {
    const Seen& s = edges.at(k);
    (s.owners == 1 ? out.coastlines : out.borders).push_back(s.segment);
  }
  return out;
}

}  // namespace ccap::pipeline
