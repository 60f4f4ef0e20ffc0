#pragma once
// What the partnership layers draw, built from the content and the user's choices: one marker
// instance per shown city, and great-circle arcs for the shown twinning pairs. Pure data: the
// renderer uploads it, the tests check it.
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "base/ids.h"
#include "features/partnership/model/marker_style.h"
#include "features/partnership/model/partnership.h"
#include "map/basemap.h"
#include "map/marker_instance.h"

namespace ccap {

enum class ProgrammeFilter : std::uint8_t { All, C3, Certification };

struct LayerSettings {
  bool cities = true, arcs = true, labels = true, flow = true;
  // Certification ranks shown (0 = not certified .. 3); all by default.
  std::set<int> ranks{0, 1, 2, 3};
  std::set<std::string> countries;  // empty: every country
  ProgrammeFilter programme = ProgrammeFilter::All;
};

bool city_shown(const Partnership& p, CityId city, const LayerSettings& s);
int certification_rank(const Partnership& p, CityId city);  // 0 when none

struct MarkerLayer {
  std::vector<MarkerInstance> instances;
  std::vector<CityId> city;  // the city of each instance
};
MarkerLayer build_markers(const Partnership& p, const LayerSettings& s, std::optional<CityId> hover,
                          std::optional<CityId> selected);
// Sets just the hover and selection flags (cheap: for every pointer move). The hovered city's
// twinning partners are highlighted with it.
void set_marker_flags(MarkerLayer& layer, const Partnership& p, std::optional<CityId> hover,
                      std::optional<CityId> selected);

struct ArcLayer {
  std::vector<Segment> segments;  // world, continuous across 180°
  std::vector<Vec2f> progress;    // distance along the arc at each segment's ends (world units)
  std::vector<std::size_t> pair;  // pair index of each segment
};
// A pair is shown when both its cities are. Segments: about one per 3° of arc, 4 to 48.
ArcLayer build_arcs(const Partnership& p, const LayerSettings& s);
// Arcs for city pairs that are not twinned (the peer finder's candidates); `pair` is the index in
// `pairs`.
ArcLayer build_candidate_arcs(const Partnership& p, const std::vector<std::pair<CityId, CityId>>& pairs);
// Marks `cities` (the cities of a chosen practice, compared cities) with the hover halo.
void highlight_markers(MarkerLayer& layer, const std::vector<CityId>& cities);

}  // namespace ccap
