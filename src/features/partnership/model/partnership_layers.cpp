#include "features/partnership/model/partnership_layers.h"

#include <algorithm>
#include <cmath>

#include "map/great_circle.h"

namespace ccap {

int certification_rank(const Partnership& p, CityId city) {
  const CertificationStatus* s = p.certification_of(city);
  return s ? p.level(s->level).rank : 0;
}

bool city_shown(const Partnership& p, CityId city, const LayerSettings& s) {
  const int rank = certification_rank(p, city);
  if (!s.ranks.count(rank)) return false;
  if (!s.countries.empty() && !s.countries.count(p.city(city).country)) return false;
  switch (s.programme) {
    case ProgrammeFilter::All: return true;
    case ProgrammeFilter::C3: return p.is_c3(city);
    case ProgrammeFilter::Certification: return rank > 0;
  }
  return true;
}

namespace {
Vec2f world_of(LngLat p) {
  const WorldPoint w = project(p);
  return {static_cast<float>(w.x), static_cast<float>(w.y)};
}
}  // namespace

MarkerLayer build_markers(const Partnership& p, const LayerSettings& s, std::optional<CityId> hover,
                          std::optional<CityId> selected) {
  MarkerLayer out;
  if (!s.cities) return out;
  for (std::size_t i = 0; i < p.cities.size(); ++i) {
    const CityId city = p.city_id(i);
    if (!city_shown(p, city, s)) continue;
    const MarkerStyle style = marker_style(p.city(city).population, certification_rank(p, city), p.is_c3(city));
    MarkerInstance m;
    m.world = world_of(p.city(city).where);
    m.radius = style.radius;
    m.fill = style.fill;
    m.shape = static_cast<std::uint8_t>(style.shape);
    m.flags = style.ring ? kMarkerRing : 0;
    out.instances.push_back(m);
    out.city.push_back(city);
  }
  set_marker_flags(out, p, hover, selected);
  return out;
}

void set_marker_flags(MarkerLayer& layer, const Partnership& p, std::optional<CityId> hover,
                      std::optional<CityId> selected) {
  std::vector<CityId> lit;
  if (hover) {
    lit.push_back(*hover);
    for (const auto& [pair, partner] : p.partners_of(*hover)) lit.push_back(partner);
  }
  for (std::size_t i = 0; i < layer.instances.size(); ++i) {
    const CityId city = layer.city[i];
    const bool hovered = std::find(lit.begin(), lit.end(), city) != lit.end();
    std::uint8_t& f = layer.instances[i].flags;
    f = static_cast<std::uint8_t>((f & kMarkerRing) | (hovered ? kMarkerHover : 0) |
                                  (city == selected ? kMarkerSelected : 0));
  }
}

namespace {
// Appends the great-circle arc from a to b, tagged `tag`.
void add_arc(ArcLayer& out, LngLat a, LngLat b, std::size_t tag) {
  const double degrees = distance_meters(a, b) / kEarthRadiusMeters * 180 / kPi;
  // A segment per degree of arc: the chord strays at most ~240 m from the great circle
  // (R(1 - cos 0.5°)), and successive chords turn by under 2° on the map even where Mercator
  // stretches a trans-Pacific arc near its apex (at 3° its corners showed at zoom 3).
  const int n = std::clamp(static_cast<int>(std::ceil(degrees)), 4, 180);
  const auto path = great_circle_path(a, b, n);
  float along = 0;
  for (std::size_t i = 1; i < path.size(); ++i) {
    const Vec2f u = world_of(path[i - 1]), v = world_of(path[i]);
    const float length = std::hypot(v.x - u.x, v.y - u.y);
    out.segments.push_back({u, v});
    out.progress.push_back({along, along + length});
    out.pair.push_back(tag);
    along += length;
  }
}
}  // namespace

ArcLayer build_arcs(const Partnership& p, const LayerSettings& s) {
  ArcLayer out;
  if (!s.arcs) return out;
  for (std::size_t k = 0; k < p.pairs.size(); ++k) {
    const TwinningPair& pair = p.pairs[k];
    if (!city_shown(p, pair.a, s) || !city_shown(p, pair.b, s)) continue;
    add_arc(out, p.city(pair.a).where, p.city(pair.b).where, k);
  }
  return out;
}

ArcLayer build_candidate_arcs(const Partnership& p, const std::vector<std::pair<CityId, CityId>>& pairs) {
  ArcLayer out;
  for (std::size_t k = 0; k < pairs.size(); ++k)
    add_arc(out, p.city(pairs[k].first).where, p.city(pairs[k].second).where, k);
  return out;
}

void highlight_markers(MarkerLayer& layer, const std::vector<CityId>& cities) {
  for (std::size_t i = 0; i < layer.city.size(); ++i)
    if (std::find(cities.begin(), cities.end(), layer.city[i]) != cities.end())
      layer.instances[i].flags |= kMarkerHover;
}

}  // namespace ccap
