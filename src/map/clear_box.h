#pragma once
// Where a view should frame a region when panels cover parts of the map: the rectangle inside
// `area` that overlaps no obstacle and in which a region of `aspect` (width over height) shows
// largest. Each obstacle that meets the area is kept out by moving one edge of the rectangle past
// it (below it, above it, right of it or left of it); every choice is tried (4^n for n obstacles,
// at most kMostClearBoxObstacles, the largest first) and the one where the region is widest wins.
// The kiosk's first view uses it to fit all partner cities between its panels.
#include <cstddef>
#include <span>

#include "map/screen_marks.h"

namespace ccap {

inline constexpr std::size_t kMostClearBoxObstacles = 6;

ScreenBox largest_clear_box(const ScreenBox& area, std::span<const ScreenBox> obstacles, double aspect);

}  // namespace ccap
