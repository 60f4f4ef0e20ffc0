#pragma once
// Picking: which marker is under the pointer. Screen-space, so that a finger gets the same
// generous radius at every zoom.
#include <cstddef>
#include <optional>
#include <span>
#include <vector>

#include <glm/vec2.hpp>

namespace ccap {

// The index of the point nearest `at` within `max_distance` (inclusive), or nullopt. Equal
// distances go to the lower index, so the answer never flickers between two markers.
std::optional<std::size_t> pick_nearest(std::span<const glm::dvec2> points, glm::dvec2 at, double max_distance);

// What a finger at `at` may mean: the nearest point within `max_distance`, and every other one no
// more than `slack` px farther from it than that (a fingertip cannot tell them apart), nearest
// first, at most `limit`. One index: the tap is clear; several: ask which.
std::vector<std::size_t> pick_candidates(std::span<const glm::dvec2> points, glm::dvec2 at, double max_distance,
                                         double slack, std::size_t limit);

}  // namespace ccap
