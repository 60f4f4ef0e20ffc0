#pragma once
// Place names on the map (a town, a district): the least important text, placed after every
// label and mark of the partnership, greedily in the caller's order (most important first). A
// name is centred on its place, as map convention has it at city scale, and has no marker of its
// own; it is shown only where its box
//   - stays inside the viewport;
//   - overlaps no name already placed, no label placed before it (`taken`: the partner cities'
//     labels, a cluster's count) and no obstacle (the interface: panels, the badge, the scale bar);
//   - keeps kNameClearPx off every mark (a city's marker, a station): a name beside a marker would
//     be read as naming it.
// Otherwise it is hidden: a town name gives way to everything else on the map.
#include <span>
#include <vector>

#include <glm/vec2.hpp>

#include "map/screen_marks.h"

namespace ccap {

inline constexpr double kNameClearPx = 8;  // logical px between a name's box and any mark

struct NameRequest {
  glm::dvec2 at;    // the place, screen px
  glm::dvec2 size;  // text box, px
};

struct NameScene {
  std::span<const ScreenDisc> marks = {};
  std::span<const ScreenBox> taken = {};      // labels placed before the names
  std::span<const ScreenBox> obstacles = {};  // the interface over the map
};

// The indices of the requests shown, in request order; each box is centred on its `at`.
std::vector<std::size_t> place_names(std::span<const NameRequest> requests, glm::dvec2 viewport,
                                     const NameScene& scene);

}  // namespace ccap
