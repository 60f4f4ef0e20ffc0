#pragma once
// Label placement with collision avoidance: labels are placed greedily in priority order (the
// selected and hovered city first, then C3 cities, then by population: the caller's priority),
// each at the first of four spots around its anchor (right, left, above, below) that overlaps no
// label already placed and stays inside the viewport. A label with no free spot is hidden.
#include <cstddef>
#include <span>
#include <vector>

#include <glm/vec2.hpp>

namespace ccap {

struct LabelRequest {
  glm::dvec2 anchor;  // the marker's centre, screen px
  glm::dvec2 size;    // text box, px
  double gap = 6;     // distance from the anchor to the box
  double priority = 0;
};

struct PlacedLabel {
  std::size_t request = 0;
  glm::dvec2 top_left;
};

std::vector<PlacedLabel> place_labels(std::span<const LabelRequest> requests, glm::dvec2 viewport);

}  // namespace ccap
