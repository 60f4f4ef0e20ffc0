#pragma once
// Moving a keyboard focus between marks on the map with the arrow keys, as a person expects: the
// next mark is the nearest one in the arrow's direction, favouring those straight ahead.
//   score = along + 2 · across   (px; along > 1 px in the arrow's direction, across the distance
//                                 from the line through the current mark in that direction)
// among the marks within 45° of the arrow (across <= along); when there is none, among all on
// that side.
// With no current mark, the first is the one nearest `origin` (the view's centre), whatever the
// direction. Pure: screen positions in, an index out.
#include <cstddef>
#include <optional>
#include <vector>

#include <glm/vec2.hpp>

namespace ccap {

std::optional<std::size_t> next_in_direction(const std::vector<glm::dvec2>& points, std::optional<std::size_t> from,
                                             glm::dvec2 origin, glm::dvec2 direction);

}  // namespace ccap
