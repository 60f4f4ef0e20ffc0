#pragma once
// What the map shows of the partner cities at this view: each shown city's marker, sized for the
// zoom, or the group it joined (map/mark_groups.h); the instances to draw and the discs to pick,
// label and keep text off, one per mark.
//
//   size at a zoom - a city's radius (marker_style.h) times marker_zoom_scale(zoom): half size
//                    with the whole Pacific in view (zoom <= 1), full size from zoom 5, linear
//                    between; at least kMarkerSmallestRadius.
//   a group        - a slate disc with its count (drawn by the UI over it), radius kGroupRadius +
//                    kGroupRadiusPerDoubling x log2(count / 2), at most kMarkerMaxRadius, at the
//                    place of its leader (the city first in priority). Never a certification
//                    colour, never the white ring (that says "certified").
#include <span>
#include <vector>

#include <glm/vec2.hpp>

#include "base/ids.h"
#include "features/partnership/model/partnership_layers.h"
#include "map/screen_marks.h"

namespace ccap {

inline constexpr float kMarkerSmallestRadius = 3;    // logical px
inline constexpr float kGroupRadiusPerDoubling = 2;  // logical px more per doubling of its count

float marker_zoom_scale(double zoom);

struct CityMark {
  ScreenDisc disc;             // logical px, the mark scale included
  std::vector<CityId> cities;  // one: the city's own marker; more: a group, its leader first
  bool group() const { return cities.size() > 1; }
};

struct CityMarks {
  std::vector<CityMark> marks;
  std::vector<MarkerInstance> instances;  // one per mark, in the same order
};

// `layer`: every shown city's marker (flags set); `screen`: each one's place (logical px);
// `priority`: each one's label priority (higher first); `alone`: cities never grouped.
// `mark_scale`: how much bigger than their design size marks are drawn (FrameContext::mark_scale).
CityMarks city_marks(const MarkerLayer& layer, std::span<const glm::dvec2> screen, std::span<const double> priority,
                     std::span<const CityId> alone, double zoom, double mark_scale);

}  // namespace ccap
