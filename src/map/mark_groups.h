#pragma once
// Marks too close to tell apart at this zoom, grouped into one: a map of partner cities zoomed out
// to the whole Pacific would otherwise draw Java's cities as one blob, with their names beside the
// wrong markers.
//
// Rule: marks are taken in the given order (the caller's priority: the selected city first); a
// mark whose disc comes within kMarkGroupGapPx of the disc of a group's leader (centres nearer than
// the two radii and the gap) joins that group, else it leads a new one. A mark marked `alone` (the selected city, its
// twins, the cities a panel points at) leads a group of its own and takes no one in. The result depends only on the
// discs, so it is stable while the view is still and changes only with the zoom.
#include <cstddef>
#include <span>
#include <vector>

#include "map/screen_marks.h"

namespace ccap {

inline constexpr double kMarkGroupGapPx = 3;  // logical px: discs closer than this read as one blob

struct GroupableMark {
  ScreenDisc disc;  // logical px
  bool alone = false;
};

// For each mark, the index of its group's leader (itself when it leads).
std::vector<std::size_t> group_overlapping(std::span<const GroupableMark> marks_by_priority);

}  // namespace ccap
