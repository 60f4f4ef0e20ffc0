#pragma once
// Label placement with collision avoidance: labels are placed greedily in priority order (the
// selected and hovered city first, then C3 cities, then by population: the caller's priority),
// each at the first of eight spots around its anchor (label_spots: right, left, above, below, then
// the corners) that
//   - stays inside the viewport and overlaps no label already placed;
//   - overlaps no obstacle (the interface: panels, the badge, the scale bar, the attribution) and
//     no other mark on the map;
//   - names only its own mark: the label's box is nearer to that mark's edge, by at least
//     kLabelClearPx, than to any other mark's edge. A label that would sit between two marks, or
//     end beside another, could be read as naming either: it goes elsewhere or is hidden.
// A label with no such spot is hidden, and so is one whose mark's centre is under the interface.
#include <array>
#include <cstddef>
#include <limits>
#include <span>
#include <vector>

#include <glm/vec2.hpp>

#include "map/screen_marks.h"

namespace ccap {

inline constexpr double kLabelClearPx = 6;  // logical px

inline constexpr std::size_t kNoMark = std::numeric_limits<std::size_t>::max();

struct LabelRequest {
  glm::dvec2 anchor;  // the marker's centre, screen px
  glm::dvec2 size;    // text box, px
  double gap = 6;     // distance from the anchor to the box
  double priority = 0;
  std::size_t mark = kNoMark;  // its own mark in LabelScene::marks (kNoMark: none there)
};

// What labels must keep off, and the marks they must not be mistaken for.
struct LabelScene {
  std::span<const ScreenDisc> marks;     // every mark on the map, labelled or not
  std::span<const ScreenBox> obstacles;  // the interface over the map
};

struct PlacedLabel {
  std::size_t request = 0;
  glm::dvec2 top_left;
};

// The top-left corners of a label's spots, in order of preference: right, left, above, below (`gap`
// from the anchor), then above right, below right, above left, below left (a corner `gap` away).
std::array<glm::dvec2, 8> label_spots(const LabelRequest& r);

std::vector<PlacedLabel> place_labels(std::span<const LabelRequest> requests, glm::dvec2 viewport,
                                      const LabelScene& scene = {});

}  // namespace ccap
