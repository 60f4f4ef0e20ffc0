#pragma once
// Picking: which marker is under the pointer. Screen-space, so that a finger gets the same
// generous radius at every zoom.
#include <cstddef>
#include <optional>
#include <span>

#include <glm/vec2.hpp>

namespace ccap {

// The index of the point nearest `at` within `max_distance` (inclusive), or nullopt. Equal
// distances go to the lower index, so the answer never flickers between two markers.
std::optional<std::size_t> pick_nearest(std::span<const glm::dvec2> points, glm::dvec2 at, double max_distance);

}  // namespace ccap
